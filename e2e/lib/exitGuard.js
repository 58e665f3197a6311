'use strict';

// Preloaded (`node --require`) into `n8n execute` by the harness, against a crash of n8n 2.x at
// exit. Each execution takes an isolate from the expression engine's pool (isolated-vm), and the
// pool at once builds a replacement on an isolated-vm thread; at the end the execution's isolate
// is disposed, and isolated-vm tears it down on such a thread too. `execute` then closes its
// database and calls process.exit() about 0.1 s later, waiting for neither. Node frees its V8
// platform before it runs the exit handlers, and isolated-vm's exit handler waits for its
// threads: a thread still building or tearing down an isolate calls into the freed platform, and
// the process dies with SIGSEGV after the run finished (short runs and busy machines make that
// likely). Here process.exit() first waits for the replacement isolate to be built and for every
// other thread of the process to go idle, then exits with the same code. Disposing the engine
// instead would only start more teardowns.

const fs = require('node:fs');
const path = require('node:path');

const WAIT_LIMIT_MS = 15000;
const POLL_MS = 10;
// Polls in a row with no other thread running before the exit goes ahead.
const QUIET_POLLS = 5;

/** n8n-workflow's Expression class as n8n itself loaded it (resolved from n8n's bin folder). */
function n8nExpression() {
	try {
		const modulePath = require.resolve('n8n-workflow', { paths: [path.dirname(process.argv[1])] });
		return require.cache[modulePath] ? require(modulePath).Expression : undefined;
	} catch {
		return undefined;
	}
}

/** Threads of this process other than the main one that are running or runnable (Linux). */
function busyThreads() {
	let busy = 0;
	for (const id of fs.readdirSync('/proc/self/task')) {
		if (Number(id) === process.pid) continue;
		try {
			const stat = fs.readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
			// The state follows the command name, which is in parentheses and may hold spaces.
			const state = stat[stat.lastIndexOf(')') + 2];
			if (state === 'R' || state === 'D') busy++;
		} catch {
			// The thread ended while it was being read.
		}
	}
	return busy;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilOtherThreadsIdle(deadline) {
	if (!fs.existsSync('/proc/self/task')) return;
	for (let quiet = 0; quiet < QUIET_POLLS && Date.now() < deadline; ) {
		quiet = busyThreads() === 0 ? quiet + 1 : 0;
		await sleep(POLL_MS);
	}
}

async function settle() {
	const deadline = Date.now() + WAIT_LIMIT_MS;
	const evaluator = n8nExpression()?.vmEvaluator;
	if (typeof evaluator?.waitForReplenishment === 'function') {
		await Promise.race([evaluator.waitForReplenishment(), sleep(WAIT_LIMIT_MS)]);
	}
	await untilOtherThreadsIdle(deadline);
}

const exit = process.exit.bind(process);
let exiting = false;

process.exit = function exitOnceIsolatesAreIdle(code) {
	// n8n can call exit again while the first call waits (it goes on after process.exit(1) for an
	// unknown workflow id); the first call's code stands.
	if (exiting) return;
	exiting = true;
	settle()
		.catch(() => undefined)
		.finally(() => exit(code));
};
