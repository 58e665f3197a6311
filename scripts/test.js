#!/usr/bin/env node
// `npm test` from a fresh clone with only Node and npm: make sure the browser for the editor check
// is there (installed through Debian's package when it is not), install what else is missing (dev
// dependencies, the two pinned n8n installs for the end-to-end tests), then lint, type-check,
// build and run every test: unit, simulator, integration, end-to-end in real n8n, and the editor
// in Chromium.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureBrowser } = require('./lib/browser');
const { ROOT, ensureDevDependencies, step } = require('./lib/devDependencies');

async function main() {
	// First, because it is the one step that may need root: a missing browser should stop the run
	// in seconds, not after the long installs.
	await ensureBrowser();
	await ensureDevDependencies();
	step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
	step('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
	step('type-check the simulator', 'npx', ['tsc', '-p', 'simulator/tsconfig.json']);
	step('build', 'npm', ['run', 'build']);
	step('n8n installs for the end-to-end tests', 'node', ['e2e/install.js']);
	process.exit(runJest());
}

/** Runs jest and ends with the plain "N passed, N failed" line (jest's own summary is not one CI tools recognise). */
function runJest() {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'od-jest-')), 'results.json');
	const jest = spawnSync('npx', ['jest', '--ci', '--json', '--outputFile', report], { cwd: ROOT, stdio: 'inherit', env: process.env });
	const results = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
	if (!results) {
		console.error('✖ tests: jest wrote no results');
		return jest.status || 1;
	}
	const skipped = results.numPendingTests + results.numTodoTests;
	console.log(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
	return jest.status === 0 && results.numFailedTests === 0 && results.numPassedTests > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(`\n✖ ${error.message}`);
	process.exit(1);
});
