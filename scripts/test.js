#!/usr/bin/env node
// `npm test` from a fresh clone: install the dev dependencies when they are missing or stale,
// then lint, build and run every test. Only Node built-ins here: node_modules may not exist yet.
'use strict';
const { spawnSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.install-stamp');

function run(label, command, args) {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
	console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function lockHash() {
	return createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
}

function ensureInstalled() {
	const wanted = lockHash();
	const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
	if (current === wanted) return;
	// Scripts off: eslint-plugin-n8n-nodes-base's preinstall demands pnpm, and nothing here needs a build step.
	run('install dev dependencies', 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
	fs.writeFileSync(stamp, wanted);
}

ensureInstalled();
run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
run('build', 'npm', ['run', 'build']);

// Jest's own summary is not a line CI tools recognise; end with the plain "N passed, N failed".
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'od-jest-')), 'results.json');
const jest = spawnSync('npx', ['jest', '--ci', '--json', '--outputFile', report], { cwd: root, stdio: 'inherit', env: process.env });
const results = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
if (!results) {
	console.error('✖ tests: jest wrote no results');
	process.exit(jest.status || 1);
}
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && results.numFailedTests === 0 && results.numPassedTests > 0 ? 0 : 1);
