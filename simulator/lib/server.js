'use strict';

const { authenticate, isJsonContentType } = require('./auth');
const { intervalFor } = require('./throttle');
const { ERROR_FAULTS, COMMITTED_FAULTS } = require('./faults');
const { HttpError, Reply, sendReply, sendText, sendError, retryAfterHeaders } = require('./respond');
const { resolveRoute, requiredPermission, NOT_FOUND } = require('./routes');
const { handleControl } = require('./control');
const { readBody, parseJsonBody } = require('./request-body');
const { applyChanges } = require('./changes');

const API_PREFIX = '/api/v1';

function splitUrl(url) {
	const at = url.indexOf('?');
	return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

// Query parameter names keep their case (Limit vs limit matters); the first
// occurrence of a repeated name wins.
function parseQuery(rawQuery) {
	const query = {};
	for (const [name, value] of new URLSearchParams(rawQuery)) {
		if (!Object.prototype.hasOwnProperty.call(query, name)) query[name] = value;
	}
	return query;
}

// Path after /api/v1, or null when the request is not under the API base.
// One trailing slash is tolerated, as ASP.NET routing does.
function apiPath(rawPath) {
	if (rawPath !== API_PREFIX && !rawPath.startsWith(`${API_PREFIX}/`)) return null;
	const path = rawPath.slice(API_PREFIX.length);
	return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

async function handleRequest(sim, req, res) {
	const arrivedMs = sim.time.now();
	const arrivedAt = sim.time.epochNow();
	const [rawPath, rawQuery] = splitUrl(req.url);
	if (rawPath === '/__sim' || rawPath.startsWith('/__sim/')) {
		return handleControl(sim, req, res, rawPath.slice('/__sim'.length), parseQuery(rawQuery));
	}
	const path = apiPath(rawPath);
	const entry = sim.log.begin({
		at: arrivedAt,
		method: req.method,
		path: path === null ? rawPath : path,
		rawQuery,
		query: parseQuery(rawQuery),
		headers: {
			authorization: req.headers.authorization ?? null,
			contentType: req.headers['content-type'] ?? null,
			accept: req.headers.accept ?? null,
		},
	});
	res.on('close', () => {
		entry.status = res.headersSent ? res.statusCode : null;
		entry.durationMs = sim.time.now() - arrivedMs;
	});
	try {
		// A GET has no body; anything else is read whole before it is served, as ASP.NET does.
		const received = req.method === 'GET' ? (req.resume(), null) : await readBody(req);
		await servePipeline(sim, req, res, { entry, path, arrivedMs, received });
	} catch (error) {
		// A bug in the simulator should look like a server fault, not hang the client.
		console.error('[simulator] unexpected error:', error);
		sendText(res, 500, 'Internal server error.');
	}
}

// The body of a write: JSON, parsed once and logged; null for a GET or an empty body.
function parseBody(received, entry) {
	if (received === null) return { body: null };
	if (received.tooLarge) return { error: 'The request body is too large.' };
	try {
		entry.body = parseJsonBody(received.text);
		return { body: entry.body };
	} catch {
		return { error: 'The request body is not valid JSON.' };
	}
}

async function servePipeline(sim, req, res, { entry, path, arrivedMs, received }) {
	const fail = (status, message, headers) => sendError(res, status, message, sim.config.errorBodyStyle, headers);
	if (path === null) return fail(404, NOT_FOUND);

	const auth = authenticate(req.headers.authorization, requiredPermission(req.method, path), sim.config.keys);
	entry.customerKey = auth.key ? auth.key.customerKey : null;
	if (auth.error) return fail(401, auth.error);
	const { key } = auth;

	const checkContentType = sim.config.strictContentTypeOnGet || req.method !== 'GET';
	if (checkContentType && !isJsonContentType(req.headers['content-type'])) {
		return fail(400, 'Content-Type must be application/json.');
	}
	const { body, error: bodyError } = parseBody(received, entry);
	if (bodyError) return fail(400, bodyError);

	const throttle = sim.config.throttle;
	const { slot, waitMs } = sim.throttle.admit(key.customerKey, intervalFor(key, sim.config), throttle.mode, arrivedMs);
	if (!slot) {
		entry.throttled = true;
		return fail(429, 'Too many requests.', retryAfterHeaders(throttle.retryAfter, waitMs, sim.time.epochNow()));
	}
	if (waitMs > 0) {
		entry.throttled = true;
		await sim.sleep(waitMs);
	}

	const rule = sim.faultRules.pick(req.method, path);
	entry.fault = rule ? rule.fault : null;
	// A 429 from a fault stands in for the throttle, so it must not use up a slot.
	if (rule && rule.fault === 'rateLimit') sim.throttle.refund(slot);

	const latencyMs = sim.nextLatency();
	if (rule && (ERROR_FAULTS[rule.fault] || rule.fault === 'reset')) {
		await sim.sleep(latencyMs);
		return answerFault(sim, req, res, rule);
	}
	const processingMs = latencyMs + (rule && rule.fault === 'hang' ? rule.delayMs || 0 : 0);
	if (processingMs > sim.config.processingLimitMs) {
		await sim.sleep(sim.config.processingLimitMs);
		return fail(504, ERROR_FAULTS.gatewayTimeout[1]);
	}
	await sim.sleep(processingMs);
	if (rule && rule.fault === 'insertPatient') sim.insertPatient(rule.patient || {});
	if (rule && rule.fault === 'mutate') applyChanges(sim, rule.changes);

	let reply;
	try {
		const { handler, params } = resolveRoute(req.method, path);
		const result = handler({ query: entry.query, params, body, key, sim });
		reply = result instanceof Reply ? result : new Reply(200, result);
	} catch (error) {
		if (!(error instanceof HttpError)) throw error;
		return fail(error.status, error.message, error.headers);
	}
	// A request that failed changed nothing, so a committed* fault only spoils a success.
	if (rule && COMMITTED_FAULTS.includes(rule.fault)) return spoilAfterCommit(sim, req, res, { rule, reply, heldMs: processingMs, entry, fail });
	answer(res, reply, entry);
}

/** Sends the route's reply; the log counts the rows of a list. */
function answer(res, reply, entry) {
	entry.rows = Array.isArray(reply.body) ? reply.body.length : null;
	sendReply(res, reply);
}

// The request took effect; now the answer goes wrong: a 500, a dropped connection, or a late
// answer (past the processing limit, a 504 instead; the limit counts the whole time held).
async function spoilAfterCommit(sim, req, res, { rule, reply, heldMs, entry, fail }) {
	if (rule.fault === 'committedReset') {
		req.socket.destroy();
		return;
	}
	if (rule.fault === 'committedServerError') return sendText(res, 500, rule.message || ERROR_FAULTS.serverError[1]);
	const delayMs = rule.delayMs || 0;
	const limitMs = sim.config.processingLimitMs;
	if (heldMs + delayMs > limitMs) {
		await sim.sleep(limitMs - heldMs);
		return fail(504, ERROR_FAULTS.gatewayTimeout[1]);
	}
	await sim.sleep(delayMs);
	answer(res, reply, entry);
}

function answerFault(sim, req, res, rule) {
	if (rule.fault === 'reset') {
		// No status line at all: the client sees a dropped connection.
		req.socket.destroy();
		return;
	}
	const [status, defaultMessage] = ERROR_FAULTS[rule.fault];
	const message = rule.message || defaultMessage;
	if (rule.fault === 'serverError') return sendText(res, status, message);
	const headers = rule.fault === 'rateLimit'
		? retryAfterHeaders(rule.retryAfter || 'seconds', (rule.retryAfterSeconds ?? 1) * 1000, sim.time.epochNow())
		: {};
	sendError(res, status, message, sim.config.errorBodyStyle, headers);
}

module.exports = { handleRequest };
