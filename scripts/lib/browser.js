'use strict';

// The editor check drives Debian's Chromium at /usr/bin/chromium (see e2e/lib/editor.js).
// `npm test` makes sure it is there before the long installs, so a missing browser costs seconds,
// not the minutes of installing n8n first. It comes only from Debian's package, through apt-get
// as root or through `sudo -n` (no password prompt in a test run); never a browser download of
// its own. When it cannot be installed, the message says exactly what to run.

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { runLines, ticker, seconds } = require('./progress');

const CHROMIUM = '/usr/bin/chromium';
const AS_ROOT = 'apt-get update && apt-get install -y chromium';
const BY_HAND = 'sudo apt-get update && sudo apt-get install -y chromium';

// apt-get install prints several lines for each of the ~130 packages Chromium brings along:
// those are counted and shown every few seconds; everything else apt says goes through.
const PER_PACKAGE = /^(Get:\d+ |Selecting previously unselected package |Preparing to unpack |Unpacking |Setting up |Processing triggers for |\(Reading database |update-alternatives: )/;
// The lists of package names under "The following NEW packages will be installed:" and the like.
const NAME_LIST = /^(\s|The following |Suggested packages:|Recommended packages:)/;

function isInstalled() {
	try {
		fs.accessSync(CHROMIUM, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function version() {
	const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 60000 });
	return result.status === 0 ? result.stdout.trim() : CHROMIUM;
}

function commandWorks(command, args) {
	const result = spawnSync(command, args, { stdio: 'ignore' });
	return !result.error && result.status === 0;
}

/** How to run a command as root: `prefix` none when root, `sudo -n` when sudo needs no password; else why not. */
function asRoot() {
	if (process.getuid && process.getuid() === 0) return { prefix: [] };
	if (commandWorks('sudo', ['-n', 'true'])) return { prefix: ['sudo', '-n'] };
	const hasSudo = commandWorks('sudo', ['--version']);
	return { why: `this user is not root and ${hasSudo ? 'sudo asks for a password' : 'sudo is not installed'}` };
}

function aptProgress(log) {
	let total = 0;
	let downloaded = 0;
	let unpacked = 0;
	let setUp = 0;
	// Counted lines since the last one shown: on failure they may hold what went wrong.
	let hiddenSinceShown = [];
	return {
		hiddenSinceShown: () => hiddenSinceShown,
		onLine(line) {
			// "15 upgraded, 115 newly installed, 0 to remove ..." (or "..., 2 reinstalled, ...").
			const counts = /^(\d+) upgraded, (\d+) newly installed(?:, (\d+) reinstalled)?/.exec(line);
			if (counts) total = Number(counts[1]) + Number(counts[2]) + Number(counts[3] ?? 0);
			if (/^Get:\d+ /.test(line)) downloaded += 1;
			else if (/^Unpacking /.test(line)) unpacked += 1;
			else if (/^Setting up /.test(line)) setUp += 1;
			if (PER_PACKAGE.test(line) || NAME_LIST.test(line)) {
				hiddenSinceShown = [...hiddenSinceShown.slice(-9), line];
			} else {
				hiddenSinceShown = [];
				log(`    ${line}`);
			}
		},
		// Packages already in apt's cache are not downloaded again, so only unpacking counts up to the total.
		describe: () => `downloaded ${downloaded} packages, unpacked ${unpacked}${total ? ` of ${total}` : ''}, set up ${setUp}`,
	};
}

/** Runs `apt-get <args>` as root with its output shown (condensed for install); throws on failure. */
async function aptGet(prefix, args, log) {
	const command = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args];
	log(`  ${[...prefix, 'apt-get', ...args].join(' ')}`);
	const started = Date.now();
	const condensed = args[0] === 'install';
	const progress = aptProgress(log);
	const onLine = condensed ? progress.onLine : (line) => log(`    ${line}`);
	const stop = condensed ? ticker(log, 'apt-get install', progress.describe) : ticker(log, 'apt-get update', () => "downloading Debian's package lists");
	let result;
	try {
		result = await runLines(command[0], command.slice(1), { onLine });
	} finally {
		stop();
	}
	if (result.code !== 0) {
		// Lines that were only counted come last when apt stopped in the middle of a package.
		for (const line of progress.hiddenSinceShown()) log(`    ${line}`);
		throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.code ?? result.signal}); its output is above.\n  Install the browser by hand as root (${AS_ROOT}), then run npm test again.`);
	}
	log(`  apt-get ${args[0]} done in ${seconds(started)} s`);
}

/** Makes sure Debian's Chromium is at /usr/bin/chromium, installing it when it can; throws when it cannot. */
async function ensureBrowser(log = console.log) {
	log(`\n▶ browser for the editor check: Debian's Chromium at ${CHROMIUM}`);
	if (isInstalled()) {
		log(`✔ browser: ${version()}`);
		return;
	}
	if (!commandWorks('apt-get', ['--version'])) {
		throw new Error(`The editor check needs Chromium at ${CHROMIUM} (Debian's package chromium), and this machine has no apt-get to install it with.\n  Install Chromium so that ${CHROMIUM} starts it, then run npm test again.`);
	}
	const { prefix, why } = asRoot();
	if (!prefix) {
		throw new Error(`The editor check needs Debian's Chromium at ${CHROMIUM}, which is not installed, and installing it needs root: ${why}.\n  Run as root: ${AS_ROOT}\n  (or: ${BY_HAND})\n  then run npm test again.`);
	}
	const started = Date.now();
	log(`  not installed: installing Debian's package chromium and the libraries it needs${prefix.length ? ' through sudo -n' : ''}`);
	await aptGet(prefix, ['update'], log);
	await aptGet(prefix, ['install', '-y', 'chromium'], log);
	if (!isInstalled()) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing.\n  Check with: apt-cache policy chromium`);
	log(`✔ browser: ${version()}, installed in ${seconds(started)} s`);
}

module.exports = { ensureBrowser, CHROMIUM };
