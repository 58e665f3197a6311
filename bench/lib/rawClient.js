'use strict';

// The floor for the node's API Service runs: the same page requests, made outside n8n with
// Node's http and a keep-alive agent, each body JSON-parsed and kept, as many in flight as the
// node had. One long-lived child process on n8n's Node (24), like n8n itself, so JIT and
// connections are warm after the warm-up run. Plans come as JSON lines on stdin (they hold
// the Authorization header, which must not appear in a process list); answers go to stdout as
// JSON lines, counts only.

const http = require('node:http');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');

function get(agent, url, headers) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent, headers }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => {
				if (response.statusCode !== 200) return reject(new Error(`HTTP ${response.statusCode} for a page request`));
				resolve(Buffer.concat(chunks).toString('utf8'));
			});
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** Replays a plan; resolves with the elapsed time and the same counts the probe takes. */
async function replay(agent, { baseUrl, offsets, limit, concurrency, headers }) {
	const pages = [];
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < offsets.length) {
			const offset = offsets[next++];
			const body = await get(agent, `${baseUrl}/patients/Simple?Limit=${limit}&Offset=${offset}`, headers);
			pages.push(JSON.parse(body));
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
	const elapsedMs = performance.now() - started;
	const seen = new Set();
	let items = 0;
	let missing = 0;
	for (const page of pages) {
		for (const row of page) {
			items += 1;
			if (typeof row.PatNum === 'number') seen.add(row.PatNum);
			else missing += 1;
		}
	}
	const patNums = [...seen];
	return {
		elapsedMs,
		items,
		distinct: seen.size,
		min: patNums.length ? patNums.reduce((a, b) => Math.min(a, b)) : null,
		max: patNums.length ? patNums.reduce((a, b) => Math.max(a, b)) : null,
		missing,
	};
}

function serve() {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const lines = readline.createInterface({ input: process.stdin });
	lines.on('line', async (line) => {
		try {
			process.stdout.write(`${JSON.stringify({ ok: true, result: await replay(agent, JSON.parse(line)) })}\n`);
		} catch (error) {
			process.stdout.write(`${JSON.stringify({ ok: false, error: error.message })}\n`);
		}
	});
	lines.on('close', () => agent.destroy());
}

/** Starts the client as a child process of `nodeBin`; `run(plan)` replays one plan. */
function startRawClient(nodeBin, track = (child) => child) {
	const child = track(spawn(nodeBin, [__filename], { stdio: ['pipe', 'pipe', 'inherit'] }));
	const answers = readline.createInterface({ input: child.stdout });
	const waiting = [];
	answers.on('line', (line) => waiting.shift()?.(JSON.parse(line)));
	child.once('exit', () => {
		for (const resolve of waiting.splice(0)) resolve({ ok: false, error: 'raw client exited' });
	});
	return {
		async run(plan) {
			const answer = await new Promise((resolve) => {
				waiting.push(resolve);
				child.stdin.write(`${JSON.stringify(plan)}\n`);
			});
			if (!answer.ok) throw new Error(`raw client: ${answer.error}`);
			return answer.result;
		},
		stop() {
			child.stdin.end();
		},
	};
}

if (require.main === module) serve();

module.exports = { startRawClient };
