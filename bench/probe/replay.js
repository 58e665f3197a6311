'use strict';

// The raw-HTTP baseline's replay, shared by the client outside n8n (bench/lib/rawClient.js) and
// the probe's Fetch mode inside n8n: the node's page requests (its exact Offsets, Limit and
// headers) made with Node's http and a keep-alive agent, each body JSON-parsed, with the node's
// window: 1 request in flight, doubled (up to `rampMax`) each time a full page comes back, and
// a new request as soon as one ends. Pages are returned in Offset order.

const http = require('node:http');
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

/** Resolves with the pages (parsed, in plan order), the elapsed time and the most in flight. */
function replay(agent, { baseUrl, offsets, limit, rampMax, headers }) {
	return new Promise((resolve, reject) => {
		const pages = new Array(offsets.length);
		const started = performance.now();
		let allowed = 1;
		let inFlight = 0;
		let mostInFlight = 0;
		let next = 0;
		let done = 0;
		let failed = false;
		const launch = () => {
			while (!failed && inFlight < allowed && next < offsets.length) {
				const index = next++;
				inFlight += 1;
				mostInFlight = Math.max(mostInFlight, inFlight);
				get(agent, `${baseUrl}/patients/Simple?Limit=${limit}&Offset=${offsets[index]}`, headers)
					.then((body) => {
						inFlight -= 1;
						pages[index] = JSON.parse(body);
						if (pages[index].length === limit) allowed = Math.min(Math.max(1, rampMax), allowed * 2);
						if (++done === offsets.length) resolve({ pages, elapsedMs: performance.now() - started, mostInFlight });
						else launch();
					})
					.catch((error) => {
						failed = true;
						reject(error);
					});
			}
		};
		if (offsets.length === 0) resolve({ pages, elapsedMs: 0, mostInFlight });
		else launch();
	});
}

module.exports = { replay };
