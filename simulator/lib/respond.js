'use strict';

// An error a route wants to answer with; the server renders it in the
// configured errorBodyStyle.
class HttpError extends Error {
	constructor(status, message, headers = {}) {
		super(message);
		this.status = status;
		this.headers = headers;
	}
}

// A route's answer other than "200 with this JSON": another status, extra headers, or no body at
// all (status only, as Open Dental's "200 OK" writes answer).
class Reply {
	/** @param {number} status @param {unknown} [body] none: an empty body @param {Record<string, string>} [headers] */
	constructor(status, body, headers = {}) {
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function send(res, status, contentType, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	const payload = Buffer.from(body, 'utf8');
	res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': payload.length });
	res.end(payload);
}

function sendJson(res, status, value, headers) {
	send(res, status, JSON_TYPE, JSON.stringify(value), headers);
}

// The API's serializer "outputs carriage returns (\r\n) as spaces" (apiimplementation.html), so a
// note stored on two lines reads back on one. The check on the serialized text keeps large pages
// that have no line breaks (nearly all) at full JSON.stringify speed.
function apiJsonText(value) {
	const text = JSON.stringify(value);
	if (!/\\[rn]/.test(text)) return text;
	return JSON.stringify(value, (name, field) => (typeof field === 'string' ? field.replace(/\r\n|[\r\n]/g, ' ') : field));
}

/** A route's answer: JSON (a Reply may set status and headers) or, for a Reply without a body, nothing. */
function sendReply(res, answer) {
	const reply = answer instanceof Reply ? answer : new Reply(200, answer);
	if (reply.body === undefined) {
		if (res.headersSent || res.destroyed) return;
		res.writeHead(reply.status, { ...reply.headers, 'Content-Length': 0 });
		res.end();
		return;
	}
	send(res, reply.status, JSON_TYPE, apiJsonText(reply.body), reply.headers);
}

function sendText(res, status, text, headers) {
	send(res, status, TEXT_TYPE, text, headers);
}

// The real error body format is undocumented, so every plausible style is
// offered and clients are expected to cope with all of them.
function sendError(res, status, message, style, headers) {
	if (style === 'text') return sendText(res, status, message, headers);
	if (style === 'aspnet') return sendJson(res, status, { Message: message }, headers);
	return sendJson(res, status, message, headers);
}

// Value of a Retry-After header for a wait, or null when none should be sent.
// Whole seconds are rounded up (min 1) so a client that obeys never comes back
// early; the HTTP-date is likewise rounded up to the next full second.
function retryAfterValue(form, waitMs, epochNowMs) {
	if (form === 'none') return null;
	if (form === 'date') return new Date(Math.ceil((epochNowMs + waitMs) / 1000) * 1000).toUTCString();
	return String(Math.max(1, Math.ceil(waitMs / 1000)));
}

function retryAfterHeaders(form, waitMs, epochNowMs) {
	const value = retryAfterValue(form, waitMs, epochNowMs);
	return value === null ? {} : { 'Retry-After': value };
}

module.exports = { HttpError, Reply, apiJsonText, sendJson, sendReply, sendText, sendError, retryAfterHeaders };
