'use strict';

const http = require('node:http');
const https = require('node:https');

// One POST of an event batch to a subscriber's EndPointUrl, as an office machine sends it. The
// answer counts once its status line arrives; the timeout runs on the simulator's time, so a test
// on manual time decides when a silent endpoint has taken too long.

/**
 * Resolves { status, error, answeredAtMs }: status is null when nothing answered (error then says
 * why: a socket error code or 'timeout'). Never rejects.
 * @param {{ url: string, headers: Record<string, string>, body: string, time: import('../time').SimTime,
 *   timeoutMs: number, inFlight: Set<import('node:http').ClientRequest> }} options
 * @returns {Promise<{ status: number | null, error: string | null, answeredAtMs: number | null }>}
 */
function postBatch({ url, headers, body, time, timeoutMs, inFlight }) {
	return new Promise((resolve) => {
		const payload = Buffer.from(body, 'utf8');
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		let settled = false;
		const settle = (status, error) => {
			if (settled) return;
			settled = true;
			inFlight.delete(request);
			resolve({ status, error, answeredAtMs: status === null ? null : time.epochNow() });
		};
		// No keep-alive: each delivery is its own connection, so nothing lingers after a round.
		const request = client.request(target, { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': payload.length } }, (response) => {
			response.resume();
			settle(response.statusCode ?? null, null);
		});
		inFlight.add(request);
		request.on('error', (error) => settle(null, /** @type {NodeJS.ErrnoException} */ (error).code || 'error'));
		time.sleep(timeoutMs).then(() => {
			if (settled) return;
			settle(null, 'timeout');
			request.destroy();
		});
		request.end(payload);
	});
}

module.exports = { postBatch };
