'use strict';

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

/**
 * Runs a command to completion and collects its output. Rejects only when the
 * command cannot start or times out; a non-zero exit is the caller's to judge.
 */
function run(command, args, { cwd, env, timeoutMs = 10 * 60 * 1000, onLine } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = track(spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
		let stdout = '';
		let stderr = '';
		const collect = (append) => (chunk) => {
			const text = chunk.toString();
			append(text);
			if (onLine) for (const line of text.split('\n')) if (line.trim()) onLine(line);
		};
		child.stdout.on('data', collect((text) => { stdout += text; }));
		child.stderr.on('data', collect((text) => { stderr += text; }));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${command} ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

/** Like run(), but a non-zero exit is an error that carries the command's last output lines. */
async function runChecked(command, args, options) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
		throw new Error(`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}:\n${tail}`);
	}
	return result;
}

module.exports = { run, runChecked, track, stopAll };
