'use strict';

const fs = require('node:fs');
const { spawn } = require('node:child_process');

// Children still running, so that Ctrl-C in the demo can stop every n8n it started.
const live = new Set();

function track(child) {
	live.add(child);
	child.once('exit', () => live.delete(child));
	return child;
}

/**
 * Stops every child still running: SIGTERM, then SIGKILL after `graceMs` (a running
 * `n8n execute` waits for its execution to finish before it honours SIGTERM).
 */
async function stopAll(graceMs = 5000) {
	const children = [...live];
	await Promise.all(
		children.map(
			(child) =>
				new Promise((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve();
					const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
					child.once('exit', () => {
						clearTimeout(timer);
						resolve();
					});
					child.kill('SIGTERM');
				}),
		),
	);
}

/** "code 1" or "signal SIGSEGV": how a child ended. */
const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `code ${code}`);

/**
 * Runs a command to completion and collects its output. Rejects only when the command cannot
 * start or times out; a non-zero exit is the caller's to judge.
 *
 * With `stdoutFile`, the child writes its stdout straight into that file (result.stdout is then
 * undefined): a process that prints a lot and calls process.exit() right after loses whatever a
 * pipe still held (n8n's run JSON was cut after 2.4-3.4 MB with exit code 0), while a write to a
 * file is complete before the write call returns.
 */
function run(command, args, { cwd, env, timeoutMs = 10 * 60 * 1000, onLine, stdoutFile } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const stdoutFd = stdoutFile === undefined ? undefined : fs.openSync(stdoutFile, 'w');
		let child;
		try {
			child = track(spawn(command, args, { cwd, env, stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'] }));
		} finally {
			// The child holds its own copy of the descriptor.
			if (stdoutFd !== undefined) fs.closeSync(stdoutFd);
		}
		let stdout = stdoutFd === undefined ? '' : undefined;
		let stderr = '';
		const collect = (append) => (chunk) => {
			const text = chunk.toString();
			append(text);
			if (onLine) for (const line of text.split('\n')) if (line.trim()) onLine(line);
		};
		child.stdout?.on('data', collect((text) => { stdout += text; }));
		child.stderr.on('data', collect((text) => { stderr += text; }));
		let exited;
		let drainTimer;
		let finished = false;
		const finish = () => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			clearTimeout(drainTimer);
			resolve({ ...exited, stdout, stderr, durationMs: Date.now() - started });
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${command} ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			// 'close' waits for the output pipes to end, which a grandchild still holding them
			// would put off indefinitely; the child's own output has long been read by then.
			drainTimer = setTimeout(() => {
				child.stderr.destroy();
				child.stdout?.destroy();
				finish();
			}, 10000);
		});
		child.on('close', () => {
			if (exited) finish();
		});
	});
}

/** Like run(), but a non-zero exit is an error that carries the command's last output lines. */
async function runChecked(command, args, options) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = `${result.stdout ?? ''}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
		throw new Error(`${command} ${args.join(' ')} exited with ${describeExit(result)}:\n${tail}`);
	}
	return result;
}

module.exports = { run, runChecked, track, stopAll };
