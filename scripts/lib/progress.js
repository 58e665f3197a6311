'use strict';

// Long steps (npm ci, apt-get, a native build) print little or nothing while they work when their
// output is not a terminal. These helpers read their output line by line and print a status line
// every few seconds, so a slow first run never looks stuck. Node built-ins only.

const { spawn } = require('node:child_process');

const TICK_MS = 10000;

function seconds(sinceMs) {
	return Math.round((Date.now() - sinceMs) / 1000);
}

/** Prints `  <label> <elapsed> s: <describe()>` every `everyMs` until the returned function is called. */
function ticker(log, label, describe, everyMs = TICK_MS) {
	const started = Date.now();
	const timer = setInterval(() => log(`  ${label} ${seconds(started)} s: ${describe()}`), everyMs);
	return () => clearInterval(timer);
}

/**
 * Runs a command, handing every non-blank output line (stdout and stderr; "\r" ends a line
 * too) to `onLine`. Resolves with the exit code or signal.
 */
function runLines(command, args, { cwd, env = process.env, onLine = () => {} } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const reader = () => {
			let partial = '';
			return {
				data(chunk) {
					const parts = (partial + chunk.toString()).split(/\r?\n|\r/);
					partial = parts.pop();
					for (const line of parts) take(line);
				},
				end() {
					if (partial) take(partial);
					partial = '';
				},
			};
		};
		function take(line) {
			if (line.trim()) onLine(line);
		}
		const out = reader();
		const err = reader();
		child.stdout.on('data', out.data);
		child.stderr.on('data', err.data);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			out.end();
			err.end();
			resolve({ code, signal });
		});
	});
}

module.exports = { ticker, runLines, seconds };
