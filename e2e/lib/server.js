'use strict';

// `n8n start` on loopback, for the editor: waits until the editor is served,
// creates the owner account, and stops n8n with its task runner.

const { spawn } = require('node:child_process');
const { freePort } = require('./ports');
const { track } = require('./proc');

const READY_LINE = 'Editor is now accessible via';
// The end of n8n's log kept for error messages: a server can run (and log) for a long time.
const LOG_TAIL_CHARS = 20000;

/**
 * Starts the server of an N8n instance. Resolves once n8n logs that the editor is
 * reachable (earlier, every route answers 200 "n8n is starting up"). `env` adds to or
 * overrides the server's environment (the benchmark passes NODE_OPTIONS=--expose-gc).
 */
async function startServer(n8n, { port, timeoutMs = 120000, onLine, env: extraEnv = {} } = {}) {
	const serverPort = port ?? (await freePort());
	const brokerPort = await freePort();
	const env = n8n.env({
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(serverPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_SECURE_COOKIE: 'false',
		...extraEnv,
	});
	const child = track(spawn(n8n.target.nodeBin, [n8n.target.n8nBin, 'start'], { cwd: n8n.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] }));
	let log = '';
	let ready = false;
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`n8n start was not ready within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`)), timeoutMs);
		const onData = (chunk) => {
			const text = chunk.toString();
			log = (log + text).slice(-LOG_TAIL_CHARS);
			if (onLine) for (const line of text.split('\n')) if (line.trim()) onLine(line);
			if (!ready && log.includes(READY_LINE)) {
				ready = true;
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		exited.then(({ code, signal }) => {
			clearTimeout(timer);
			reject(new Error(`n8n start exited (${code ?? signal}) before it was ready:\n${log.slice(-3000)}`));
		});
	}).catch(async (error) => {
		child.kill('SIGKILL');
		throw error;
	});

	const url = `http://127.0.0.1:${serverPort}`;
	return {
		url,
		port: serverPort,
		/** Creates the owner account and returns the session cookie header. */
		async setupOwner(owner) {
			const response = await fetch(`${url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(owner),
			});
			if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
			const cookie = response.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
			return { cookie };
		},
		/** SIGTERM, then SIGKILL if n8n has not exited after `graceMs`. */
		async stop(graceMs = 15000) {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		},
		exited,
	};
}

module.exports = { startServer };
