'use strict';

// Talks to the running n8n (the benchmark, the webhook example's end-to-end test): a public-API
// key for the owner, workflows created and activated through the public API, runs started by
// POSTing their production webhooks, and the executions they left.

const http = require('node:http');

const OWNER = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'OpenDental-owner-1' };

async function json(response, what) {
	const text = await response.text();
	if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : {};
}

/** An API key with every scope n8n offers, for a new owner account. */
async function ownerApiKey(server, owner) {
	const { cookie } = await server.setupOwner(owner);
	const rest = (path, init = {}) => fetch(`${server.url}/rest${path}`, { ...init, headers: { cookie, 'Content-Type': 'application/json', ...init.headers } });
	const { data: scopes } = await json(await rest('/api-keys/scopes'), 'listing API key scopes');
	const { data: key } = await json(
		await rest('/api-keys', { method: 'POST', body: JSON.stringify({ label: 'bench', expiresAt: null, scopes }) }),
		'creating an API key',
	);
	return key.rawApiKey;
}

/**
 * A public-API client: for a new n8n, it sets up the owner (a test account unless given) and an
 * API key; for one restarted on the same user folder, pass the key it had (`client.apiKey`).
 * @param {{ url: string, setupOwner: (owner: object) => Promise<{ cookie: string }> }} server
 * @param {{ apiKey?: string, owner?: { email: string, firstName: string, lastName: string, password: string } }} [options]
 */
async function publicApi(server, { apiKey, owner = OWNER } = {}) {
	const key = apiKey ?? (await ownerApiKey(server, owner));
	const call = async (method, path, body) =>
		json(
			await fetch(`${server.url}/api/v1${path}`, {
				method,
				headers: { 'X-N8N-API-KEY': key, 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			}),
			`${method} /api/v1${path}`,
		);
	return {
		apiKey: key,
		/** Creates a workflow and activates it (n8n 2.x also calls this "publish"); returns its id. */
		async createActive(document) {
			const { id } = await call('POST', '/workflows', document);
			await call('POST', `/workflows/${id}/activate`);
			return id;
		},
		/** Activates a workflow already stored (imported with its id). */
		async activate(id) {
			await call('POST', `/workflows/${id}/activate`);
		},
		/** Deactivates (unpublishes) a workflow: n8n 2.x calls it unpublish, 1.x deactivate. */
		async deactivate(id) {
			await call('POST', `/workflows/${id}/deactivate`);
		},
		/** The workflow's finished executions (up to 250), newest first, with their data. */
		async finishedExecutions(workflowId) {
			const { data } = await call('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=250`);
			return data.filter((execution) => execution.finished || execution.stoppedAt);
		},
	};
}

/**
 * POSTs `body` to a production webhook and waits for its answer (n8n answers when the workflow
 * ends). Plain http: fetch would give up on a run that takes longer than its 300 s header timeout.
 */
function postWebhook(url, path, body = {}, timeoutMs = 15 * 60 * 1000) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const request = http.request(`${url}/webhook/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => {
				text += chunk;
			});
			response.on('end', () => {
				clearTimeout(timer);
				let body;
				try {
					body = JSON.parse(text);
				} catch {
					body = text;
				}
				resolve({ status: response.statusCode, body, clientMs: performance.now() - started });
			});
		});
		const timer = setTimeout(() => request.destroy(new Error(`webhook ${path} gave no answer within ${timeoutMs / 1000} s`)), timeoutMs);
		request.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		request.end(JSON.stringify(body));
	});
}

/** The first run of a just-activated workflow: retries while n8n still answers 404 (webhook not registered yet). */
async function postWhenRegistered(url, path, body, waitMs = 30000) {
	const until = Date.now() + waitMs;
	for (;;) {
		const answer = await postWebhook(url, path, body);
		if (answer.status !== 404 || Date.now() > until) return answer;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

module.exports = { publicApi, postWebhook, postWhenRegistered };
