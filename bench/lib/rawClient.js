'use strict';

// The floor for the node's API Service runs: the same page requests, made outside n8n with
// Node's http and a keep-alive agent, each body JSON-parsed and kept, with the node's window
// (bench/probe/replay.js, shared with the probe's Fetch mode inside n8n). One long-lived child
// process on n8n's Node (24), like n8n itself, so JIT and connections are warm after the
// warm-up run. Plans come as JSON lines on stdin (they hold the Authorization header, which
// must not appear in a process list); answers go to stdout as JSON lines, counts only.

const http = require('node:http');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { replay } = require('../probe/replay');

/** Replays a plan; resolves with the elapsed time and the same counts the probe takes. */
async function run(agent, plan) {
	const { pages, elapsedMs, mostInFlight } = await replay(agent, plan);
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
		mostInFlight,
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
			process.stdout.write(`${JSON.stringify({ ok: true, result: await run(agent, JSON.parse(line)) })}\n`);
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
