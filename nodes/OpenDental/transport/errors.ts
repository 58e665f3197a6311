import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** One failed attempt, reduced to what is safe to keep: no request, no headers, no records. */
export interface AttemptFailure {
	status?: number;
	/** Network error code when no response arrived (ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
	/** Open Dental's explanation, already stripped of the keys. */
	serverMessage: string;
	retryable: boolean;
	retryAfterMs?: number;
}

export interface FailureContext {
	method: string;
	path: string;
	itemIndex: number;
	attempts: number;
	/** Message for a 404, e.g. "Patient 123 not found". */
	notFoundMessage?: string;
}

const MAX_SERVER_MESSAGE = 300;

// Open Dental answers 400 both for bad input and for an office it cannot reach right now.
const OFFICE_UNREACHABLE = /e-?connector|timed? ?out|timeout|unreachable|not running|not responding|could not (connect|reach)|offline|connectivity/i;

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN']);

export function isOfficeUnreachable(status: number, serverMessage: string): boolean {
	return status === 400 && OFFICE_UNREACHABLE.test(serverMessage);
}

export function isRetryableStatus(status: number, serverMessage: string): boolean {
	return RETRYABLE_STATUS.has(status) || isOfficeUnreachable(status, serverMessage);
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
	return code !== undefined && RETRYABLE_NETWORK.has(code);
}

export function redact(text: string, secrets: string[]): string {
	let safe = text;
	for (const secret of secrets) {
		if (secret) safe = safe.split(secret).join('***');
	}
	return safe;
}

function decodeJsonString(text: string): string {
	if (!text.startsWith('"')) return text;
	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'string' ? parsed : text;
	} catch {
		return text;
	}
}

/**
 * Open Dental's error text from whatever shape the body came in: a JSON string, plain text, or
 * ASP.NET's {"Message": "..."}. Other objects yield nothing rather than risk echoing data.
 */
export function extractServerMessage(body: unknown): string {
	let text = '';
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		text = decodeJsonString(body.trim());
		if (text.startsWith('{')) {
			try {
				return extractServerMessage(JSON.parse(text));
			} catch {
				// not JSON after all: keep the text
			}
		}
	} else if (body && typeof body === 'object' && !Array.isArray(body)) {
		const record = body as Record<string, unknown>;
		const message = record.Message ?? record.message;
		if (typeof message === 'string') text = message;
	}
	text = text.replace(/\s+/g, ' ').trim();
	return text.length > MAX_SERVER_MESSAGE ? `${text.slice(0, MAX_SERVER_MESSAGE)}…` : text;
}

const isNetworkCode = (value: unknown): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value);

/**
 * The code of a network failure, looked up only in the places axios and n8n put it: axios sets
 * `code` (n8n 2.x passes its error on as `cause`); n8n 1.x wraps it in a NodeApiError that keeps
 * the code as `httpCode` and axios's text in `messages`.
 */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const record = current as Record<string, unknown>;
		if (isNetworkCode(record.code)) return record.code;
		if (isNetworkCode(record.httpCode)) return record.httpCode;
		current = record.cause;
	}
	const record = (error && typeof error === 'object' ? error : {}) as Record<string, unknown>;
	const texts = [error instanceof Error ? error.message : '', ...(Array.isArray(record.messages) ? record.messages : [])];
	if (texts.some((text) => /socket hang up/i.test(String(text)))) return 'ECONNRESET';
	if (texts.some((text) => /timeout/i.test(String(text)))) return 'ETIMEDOUT';
	return undefined;
}

// Words, not codes, in the message: NodeApiError replaces any message that contains a known code.
const NETWORK_PHRASES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	EPIPE: 'the connection broke',
	EAI_AGAIN: 'the host name could not be resolved right now',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host was not found',
};

function summary(failure: AttemptFailure, context: FailureContext): string {
	const { status, serverMessage } = failure;
	if (status === undefined) {
		return `Could not reach Open Dental: ${NETWORK_PHRASES[failure.networkCode ?? ''] ?? 'network error'}`;
	}
	if (isOfficeUnreachable(status, serverMessage)) {
		return 'Open Dental could not reach the dental office (its eConnector may be offline)';
	}
	if (status === 400) return 'Open Dental rejected the request';
	if (status === 401) return 'Open Dental refused the API keys, or they lack permission for this method';
	if (status === 404) return context.notFoundMessage ?? 'Open Dental could not find the requested resource';
	if (status === 410) return 'This Open Dental method is no longer available';
	if (status === 429) return 'Open Dental rate limit exceeded';
	if (status === 504) return 'The Open Dental query took longer than its 60 s limit';
	if (status >= 500) return `Open Dental server error (${status})`;
	return `Open Dental returned HTTP ${status}`;
}

function hint(failure: AttemptFailure): string {
	const { status, serverMessage } = failure;
	if (status === undefined) {
		return `Network error ${failure.networkCode ?? 'without a code'}. Check the Server and Host in the credential and that the Open Dental API is running.`;
	}
	if (isOfficeUnreachable(status, serverMessage)) return 'Ask the office to check that the eConnector service is running.';
	if (status === 401) return 'Check both keys, that the office enabled the customer key (Setup > Advanced Setup > API), and that the key has the permission this method needs.';
	if (status === 429) return "Another workflow or tool may be using the same customer key. Check the credential's Rate Limit.";
	if (status === 504) return 'Narrow the filters (e.g. Updated Since) so the query finishes faster.';
	return '';
}

/** A NodeApiError built only from safe parts: the cause is a small object, never the HTTP error. */
export function toNodeApiError(node: INode, failure: AttemptFailure, context: FailureContext): NodeApiError {
	let message = summary(failure, context);
	if (failure.retryable && context.attempts > 1) message += ` (gave up after ${context.attempts} attempts)`;
	const description = [failure.serverMessage && `Open Dental said: "${failure.serverMessage}"`, hint(failure), `Request: ${context.method} ${context.path}`]
		.filter(Boolean)
		.join(' ');
	const httpCode = failure.status === undefined ? undefined : String(failure.status);
	// No "code" key: NodeApiError would swap our message for its generic one for known network codes.
	const cause: JsonObject = { message, ...(httpCode ? { httpCode } : {}) };
	return new NodeApiError(node, cause, { message, description, httpCode, itemIndex: context.itemIndex });
}

/** A 2xx answer of the wrong shape, e.g. a proxy's HTML page or an object where a list belongs. */
export function unexpectedResponse(node: INode, expected: string, path: string, itemIndex: number): NodeApiError {
	const message = `Open Dental answered with something other than ${expected}`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `Request: GET ${path}. Check that the credential's server and base URL point to the Open Dental API.`,
		itemIndex,
	});
}

/** A later page repeated rows already seen: the server ignores Offset, and reading on would loop. */
export function offsetIgnored(node: INode, path: string, offset: number, itemIndex: number): NodeApiError {
	const message = 'Open Dental returned the same rows again for a later page';
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `Request: GET ${path} with Offset=${offset}. The server seems to ignore Offset; stopping instead of looping. Check the credential's server or base URL.`,
		itemIndex,
	});
}
