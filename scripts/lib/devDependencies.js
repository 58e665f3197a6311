'use strict';

// Installs the project's dev dependencies when node_modules is missing or older than the
// lockfile. Only Node built-ins here: this runs before node_modules exists.

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { npmCiProgress } = require('./npmProgress');
const { runLines, seconds, ticker } = require('./progress');

const ROOT = path.resolve(__dirname, '..', '..');
const STAMP = path.join(ROOT, 'node_modules', '.install-stamp');

function lockHash() {
	return createHash('sha256').update(fs.readFileSync(path.join(ROOT, 'package-lock.json'))).digest('hex');
}

/** Runs a command in the project root with inherited output; exits the process when it fails. */
function step(label, command, args) {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
	console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function ensureDevDependencies() {
	const wanted = lockHash();
	const current = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
	if (current === wanted) return;
	// Scripts off: eslint-plugin-n8n-nodes-base's preinstall demands pnpm, and nothing here needs a build step.
	// At loglevel http npm names each registry fetch: counted for the progress line, not printed.
	const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'];
	console.log(`\n▶ install dev dependencies: npm ${args.join(' ')}`);
	const started = Date.now();
	const progress = npmCiProgress(ROOT);
	const stop = ticker(console.log, 'npm ci', progress.describe);
	let result;
	try {
		result = await runLines('npm', args, {
			cwd: ROOT,
			onLine: (line) => {
				progress.onLine(line);
				if (!/^npm http /.test(line)) console.log(`    ${line}`);
			},
		});
	} finally {
		stop();
	}
	if (result.code !== 0) {
		console.error(`✖ install dev dependencies failed (exit ${result.code ?? result.signal})`);
		process.exit(result.code || 1);
	}
	fs.writeFileSync(STAMP, wanted);
	console.log(`✔ install dev dependencies (${seconds(started)} s)`);
}

module.exports = { ROOT, ensureDevDependencies, step };
