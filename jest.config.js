// Two projects: `unit` (test/: logic, the simulator, the node in n8n-core's execution context)
// and `e2e` (e2e/tests/: the packed package inside real n8n installs, and the editor in Chromium).
const shared = {
	testEnvironment: 'node',
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 30000,
	projects: [
		{ ...shared, displayName: 'unit', roots: ['<rootDir>/test'] },
		{ ...shared, displayName: 'e2e', roots: ['<rootDir>/e2e/tests'] },
	],
};
