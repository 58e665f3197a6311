// Lint = n8n's own community-node setup (the one @n8n/node-cli ships): ESLint + typescript-eslint
// recommended, @n8n/eslint-plugin-community-nodes "recommended" (the verification rules) and
// eslint-plugin-n8n-nodes-base's community / credentials / nodes rule sets.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

const nodeGlobals = Object.fromEntries(
	[
		'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer',
		'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'performance',
		'URL', 'URLSearchParams', 'fetch', 'AbortController', 'Intl',
	].map((name) => [name, 'readonly']),
);

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/node_modules/**', 'e2e/runtime/**'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended, communityRecommended],
		rules: { 'prefer-spread': 'off', 'no-console': 'error' },
	},
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		extends: [communityRecommended],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Off as in n8n's own config: it wants an n8n docs slug, while the verification rule
			// credential-documentation-url wants a full URL (ours is Open Dental's setup page).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off as in n8n's own config: they demand ['main'], which the verification rule
			// node-connection-type-literal forbids in favour of NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// Tests, simulator and scripts are not shipped: plain recommended rules, Node globals allowed.
		files: ['test/**/*.ts', 'e2e/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: nodeGlobals },
	},
	{
		files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{ files: ['eslint.config.mjs'], languageOptions: { sourceType: 'module' } },
);
