'use strict';

// Installs an n8n target from its committed lockfile into e2e/runtime/<name>/,
// once: a stamp of the lockfile's hash marks a finished install, so later runs
// reuse it and a lockfile change reinstalls.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { run, runChecked } = require('./proc');

const STAMP = '.install-stamp';

function specHash(target) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(target.specDir, file)));
	return hash.digest('hex');
}

function isInstalled(target) {
	try {
		return fs.readFileSync(path.join(target.runtimeDir, STAMP), 'utf8').trim() === specHash(target);
	} catch {
		return false;
	}
}

/** Packages the lockfile installs, to show progress against. */
function lockedPackageCount(target) {
	const lock = JSON.parse(fs.readFileSync(path.join(target.specDir, 'package-lock.json'), 'utf8'));
	return Object.entries(lock.packages ?? {}).filter(([key, entry]) => key.startsWith('node_modules/') && !entry.link).length;
}

/** Prints a line every `everyMs` while a long step runs, so a first install never looks stuck. */
function ticker(log, describe, everyMs = 15000) {
	const started = Date.now();
	const timer = setInterval(() => log(`  ${Math.round((Date.now() - started) / 1000)} s: ${describe()}`), everyMs);
	return () => clearInterval(timer);
}

function npmEnv(target) {
	const env = { ...process.env };
	if (target.nodeDir) {
		// sqlite3 must be built by and for the target's Node, against its own headers.
		env.PATH = `${path.join(target.nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
		env.npm_config_nodedir = target.nodeDir;
	}
	return env;
}

async function install(target, log) {
	const started = Date.now();
	log(`Installing n8n ${target.n8nVersion} (pinned, for the demo and the end-to-end tests) into e2e/runtime/${target.name} (first use, or its lockfile changed; a few minutes)...`);
	fs.rmSync(path.join(target.runtimeDir, STAMP), { force: true });
	fs.rmSync(target.modulesDir, { recursive: true, force: true });
	fs.mkdirSync(target.runtimeDir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(target.specDir, file), path.join(target.runtimeDir, file));
	}

	// Install scripts stay off: several of n8n's optional native modules try to download
	// prebuilt binaries. Only sqlite3 is needed, and it is rebuilt from source below.
	// npm logs one "http fetch" line per tarball at loglevel http: that is the progress.
	const total = lockedPackageCount(target);
	let fetched = 0;
	let stop = ticker(log, () => `npm ci, ${fetched} of ${total} packages fetched`);
	try {
		await runChecked('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], {
			cwd: target.runtimeDir,
			env: process.env,
			timeoutMs: 40 * 60 * 1000,
			onLine: (line) => {
				if (/http fetch GET \d+ \S+\.tgz/.test(line)) fetched += 1;
			},
		});
	} finally {
		stop();
	}
	log(`  npm ci done in ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 for Node ${target.nodeDir ? '24' : process.versions.node}...`);

	stop = ticker(log, () => 'building sqlite3 from source (about a minute)');
	try {
		await runChecked('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
			cwd: target.runtimeDir,
			env: npmEnv(target),
			timeoutMs: 20 * 60 * 1000,
		});
	} finally {
		stop();
	}
	const check = await run(target.nodeBin, ['-e', "require('sqlite3'); console.log(process.version)"], { cwd: target.runtimeDir });
	if (check.code !== 0) throw new Error(`sqlite3 does not load under ${target.nodeBin}:\n${check.stderr.slice(-2000)}`);

	fs.writeFileSync(path.join(target.runtimeDir, STAMP), `${specHash(target)}\n`);
	log(`n8n ${target.n8nVersion} ready on Node ${check.stdout.trim()} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** Installs the target unless a finished install of the same lockfile is already there. */
async function ensureInstalled(target, log = console.log) {
	if (isInstalled(target)) return false;
	await install(target, log);
	return true;
}

module.exports = { ensureInstalled, isInstalled };
