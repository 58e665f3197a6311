// What users install: the published tarball holds the build, the docs and the manifest only.
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	keywords: string[];
	n8n: { credentials: string[]; nodes: string[] };
};

describe('published package', () => {
	beforeAll(() => {
		if (!existsSync(join(root, 'dist'))) throw new Error('Run `npm run build` first (npm test does).');
	});

	it('contains dist, README, LICENSE and package.json only', () => {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
		const files = (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path);
		expect([...new Set(files.map((file) => file.split('/')[0]))].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(entry);
		expect(files).toEqual(expect.arrayContaining(['dist/nodes/OpenDental/openDental.svg', 'dist/credentials/openDental.svg']));
		// No tests, simulator, harness or sources: by folder or file name (not any name holding "test", such as latestState.js).
		const unwanted = /(^|\/)(test|tests|e2e|bench|simulator|harness)\/|\.test\.|\.ts$/;
		expect(files.filter((file) => unwanted.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
		expect(files).toContain('dist/nodes/OpenDental/helpers/latestState.js');
	});

	it('has no runtime dependencies and is found by n8n', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
	});
});
