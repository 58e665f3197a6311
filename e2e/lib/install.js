'use strict';

// Installs an n8n target from its committed lockfile into e2e/runtime/<name>/,
// once: a stamp of the lockfile's hash marks a finished install, so later runs
// reuse it and a lockfile change reinstalls.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { run, runChecked } = require('./proc');
// Shared with the dev-dependency install; Node built-ins only, like this file.
const { npmCiProgress } = require('../../scripts/lib/npmProgress');
const { seconds, ticker } = require('../../scripts/lib/progress');

const STAMP = '.install-stamp';
const OLD_MODULES = '.old-node_modules-';

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

/** What the sqlite3 build is doing, read from npm's, node-gyp's and make's output lines. */
function sqliteBuildProgress() {
	let current = 'npm rebuild starting';
	let since = Date.now();
	let makeSteps = 0;
	let compiled = 0;
	let compiling = false;
	return {
		onLine(line) {
			const script = /^> (.+)/.exec(line);
			if (script && makeSteps === 0) current = `install script: ${script[1]} (make has not started)`;
			// make's steps, e.g. "  CC(target) Release/obj.target/sqlite3/gen/sqlite-autoconf-3440200/sqlite3.o".
			const step = /^\s+([A-Z][A-Z_]+(?:\(target\))?) (\S+)/.exec(line);
			if (!step) return;
			makeSteps += 1;
			compiling = /^(CC|CXX)\(/.test(step[1]);
			if (compiling) compiled += 1;
			current = `${step[1]} ${step[2].replace(/^Release\/obj\.target\//, '')}`;
			since = Date.now();
		},
		describe() {
			if (makeSteps === 0) return current;
			const done = compiling ? `compiling file ${compiled}` : `${compiled} files compiled`;
			return `make step ${makeSteps}, ${done}: ${current} (for ${seconds(since)} s)`;
		},
	};
}

/**
 * A reinstall starts at once: the old node_modules (some 190,000 files) is renamed out of the way
 * and deleted while npm ci runs, with any left by an interrupted run. Deleting it first took from
 * 45 s to 7 minutes on a loaded 2-core machine, with nothing to show for it.
 * `done` resolves with the deletion's error or null; it never rejects.
 */
function removeOldModules(target) {
	if (fs.existsSync(target.modulesDir)) fs.renameSync(target.modulesDir, path.join(target.runtimeDir, `${OLD_MODULES}${Date.now()}`));
	const old = fs.readdirSync(target.runtimeDir).filter((name) => name.startsWith(OLD_MODULES));
	const removal = Promise.all(old.map((name) => fs.promises.rm(path.join(target.runtimeDir, name), { recursive: true, force: true })));
	return { count: old.length, done: removal.then(() => null, (error) => error) };
}

function nodeVersion(target) {
	if (!target.nodeDir) return process.versions.node;
	return JSON.parse(fs.readFileSync(path.join(target.nodeDir, 'package.json'), 'utf8')).version;
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

async function waitForOldModules(oldModules, log) {
	if (oldModules.count === 0) return;
	const stop = ticker(log, 'deleting the previous node_modules', () => 'still going');
	const error = await oldModules.done;
	stop();
	// Not fatal: the new install is complete; the leftover goes at the next reinstall.
	if (error) log(`  could not delete the previous node_modules (${error.message}); it is left in e2e/runtime/`);
}

/** npm ci from the target's lockfile, with a progress line. */
async function npmCi(target, log) {
	// Install scripts stay off: several of n8n's optional native modules try to download
	// prebuilt binaries. Only sqlite3 is needed, and it is rebuilt from source below.
	// At loglevel http npm names each registry fetch, which the progress line counts.
	const started = Date.now();
	const progress = npmCiProgress(target.runtimeDir);
	const stop = ticker(log, 'npm ci', progress.describe);
	try {
		await runChecked('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], {
			cwd: target.runtimeDir,
			env: process.env,
			timeoutMs: 40 * 60 * 1000,
			onLine: progress.onLine,
		});
	} finally {
		stop();
	}
	log(`  npm ci done in ${seconds(started)} s: ${progress.inPlace()} packages`);
}

/** sqlite3 built from source by and for the target's Node, with a progress line; returns the Node version that loads it. */
async function buildSqlite(target, log) {
	const started = Date.now();
	log(`  building sqlite3 from source for Node ${nodeVersion(target)} (node-gyp and make; most of the time goes to compiling sqlite3.c)...`);
	const progress = sqliteBuildProgress();
	const stop = ticker(log, 'sqlite3 build', progress.describe);
	try {
		// --foreground-scripts: the build's output comes to us line by line, for the progress line.
		await runChecked('npm', ['rebuild', 'sqlite3', '--foreground-scripts', '--loglevel=error'], {
			cwd: target.runtimeDir,
			env: npmEnv(target),
			timeoutMs: 20 * 60 * 1000,
			onLine: progress.onLine,
		});
	} finally {
		stop();
	}
	log(`  sqlite3 built in ${seconds(started)} s`);
	const check = await run(target.nodeBin, ['-e', "require('sqlite3'); console.log(process.version)"], { cwd: target.runtimeDir });
	if (check.code !== 0) throw new Error(`sqlite3 does not load under ${target.nodeBin}:\n${check.stderr.slice(-2000)}`);
	return check.stdout.trim();
}

async function install(target, log) {
	const started = Date.now();
	log(`Installing n8n ${target.n8nVersion} (pinned, for the demo and the end-to-end tests) into e2e/runtime/${target.name} (first use, or its lockfile changed)...`);
	fs.rmSync(path.join(target.runtimeDir, STAMP), { force: true });
	fs.mkdirSync(target.runtimeDir, { recursive: true });
	const oldModules = removeOldModules(target);
	if (oldModules.count > 0) log('  deleting the previous node_modules in the background');
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(target.specDir, file), path.join(target.runtimeDir, file));
	}
	await npmCi(target, log);
	const loadedOn = await buildSqlite(target, log);
	fs.writeFileSync(path.join(target.runtimeDir, STAMP), `${specHash(target)}\n`);
	await waitForOldModules(oldModules, log);
	log(`n8n ${target.n8nVersion} ready on Node ${loadedOn} in ${seconds(started)} s.`);
}

/** Installs the target unless a finished install of the same lockfile is already there. */
async function ensureInstalled(target, log = console.log) {
	if (isInstalled(target)) return false;
	await install(target, log);
	return true;
}

module.exports = { ensureInstalled, isInstalled };
