#!/usr/bin/env node
// `npm test` from a fresh clone: install what is missing (dev dependencies, the two pinned n8n
// installs for the end-to-end tests), then lint, type-check, build and run every test: unit,
// simulator, integration, end-to-end in real n8n, and the editor in Chromium.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, ensureDevDependencies, step } = require('./lib/devDependencies');

const CHROMIUM = '/usr/bin/chromium';

ensureDevDependencies();
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
step('build', 'npm', ['run', 'build']);
step('n8n installs for the end-to-end tests', 'node', ['e2e/install.js']);
if (!fs.existsSync(CHROMIUM)) {
	console.error(`✖ The editor check needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this).`);
	process.exit(1);
}

// Jest's own summary is not a line CI tools recognise; end with the plain "N passed, N failed".
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'od-jest-')), 'results.json');
const jest = spawnSync('npx', ['jest', '--ci', '--json', '--outputFile', report], { cwd: ROOT, stdio: 'inherit', env: process.env });
const results = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
if (!results) {
	console.error('✖ tests: jest wrote no results');
	process.exit(jest.status || 1);
}
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && results.numFailedTests === 0 && results.numPassedTests > 0 ? 0 : 1);
