import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { PERMISSION_PRICE, type PaidPermission, refusalReason } from './permissions';
import { transportSettings } from './settings';

/** One failed attempt, reduced to what is safe to keep: no request, no headers, no records. */
export interface AttemptFailure {
	status?: number;
	/** Network error code when no response arrived (ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
	/** Failures the transport itself ended: a redirect it would not follow, an answer too large, a deadline. */
	kind?: 'redirect' | 'tooLarge' | 'deadline' | 'notJson';
	/** host[:port] a redirect pointed to (never its path or query). */
	redirectHost?: string;
	/** The byte limit that ended a tooLarge attempt. */
	limit?: number;
	/** Open Dental's explanation, already stripped of the keys. */
	serverMessage: string;
	retryable: boolean;
	retryAfterMs?: number;
}

export interface FailureContext {
	method: string;
	path: string;
	itemIndex?: number;
	attempts: number;
	/** Message for a 404, e.g. "Patient 123 not found". */
	notFoundMessage?: string;
	/** The paid permission the method needs. */
	permission?: PaidPermission;
	/** What a 400 with Open Dental's explanation means, e.g. "Open Dental could not run the query". */
	rejectedMessage?: string;
	/** What the request writes, when it is a write. */
	writes?: string;
	/** The last attempt may have been carried out although it failed (a write that was not sent again). */
	uncertain?: boolean;
	/** Some attempt of a write that may be sent again may have been carried out. */
	earlierUncertain?: boolean;
}

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

// Network failures that happen before the request reaches the server: it cannot have been carried out.
const NOT_SENT_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether the office may have carried out a request whose attempt failed: it went out and nothing
 * said it was refused (a dropped connection, a timeout, a server fault, a 2xx the node could not
 * read). A 4xx, a redirect and a connection that never opened prove it was not.
 */
export function mayHaveTakenEffect(failure: AttemptFailure): boolean {
	if (failure.kind === 'redirect') return false;
	if (failure.kind) return true;
	if (failure.status === undefined) return !NOT_SENT_NETWORK.has(failure.networkCode ?? '');
	return failure.status >= 500;
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

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** The one-line summary of a failed request, shared by the node's errors and the credential test. */
export function failureSummary(failure: AttemptFailure, notFoundMessage?: string): string {
	const { status, serverMessage } = failure;
	if (failure.kind === 'redirect') {
		return `Open Dental answered with a redirect (HTTP ${status}) ${failure.redirectHost ? `to ${failure.redirectHost}` : 'without a valid target'}`;
	}
	if (failure.kind === 'tooLarge') return `Open Dental's answer was larger than ${megabytes(failure.limit ?? 0)}`;
	if (failure.kind === 'deadline') return 'Open Dental did not answer in time';
	if (failure.kind === 'notJson') return 'Open Dental answered with something other than JSON';
	if (status === undefined) {
		return `Could not reach Open Dental: ${NETWORK_PHRASES[failure.networkCode ?? ''] ?? 'network error'}`;
	}
	if (isOfficeUnreachable(status, serverMessage)) {
		return 'Open Dental could not reach the dental office (its eConnector may be offline)';
	}
	if (status === 400) return 'Open Dental rejected the request';
	if (status === 401) return 'Open Dental refused the API keys, or they lack permission for this method';
	if (status === 404) return notFoundMessage ?? 'Open Dental could not find the requested resource';
	if (status === 410) return 'This Open Dental method is no longer available';
	if (status === 429) return 'Open Dental rate limit exceeded';
	if (status === 504) return 'The Open Dental query took longer than its 60 s limit';
	if (status >= 500) return `Open Dental server error (${status})`;
	return `Open Dental returned HTTP ${status}`;
}

const CHECK_ADDRESS = "Check the credential's Server, Host and Base URL";

/** What to do about a failure, in a sentence or two; '' when the summary says it all. */
export function failureHint(failure: AttemptFailure): string {
	const { status, serverMessage } = failure;
	if (failure.kind === 'redirect') {
		return `The node does not follow redirects, so the keys were not sent there. ${CHECK_ADDRESS}: if that address is the right one, enter it there.`;
	}
	if (failure.kind === 'tooLarge') return `Reading stopped at the limit. ${CHECK_ADDRESS} point to the Open Dental API.`;
	if (failure.kind === 'deadline') {
		const { attemptDeadlineMs, requestDeadlineMs } = transportSettings().limits;
		return `An attempt may take ${seconds(attemptDeadlineMs)} with its answer, a request ${seconds(requestDeadlineMs)} with its retries. ${CHECK_ADDRESS} and that the Open Dental API is running.`;
	}
	if (failure.kind === 'notJson') return `${CHECK_ADDRESS} point to the Open Dental API (…/api/v1).`;
	if (status === undefined) {
		return `Network error ${failure.networkCode ?? 'without a code'}. ${CHECK_ADDRESS} and that the Open Dental API is running.`;
	}
	if (isOfficeUnreachable(status, serverMessage)) return 'Ask the office to check that the eConnector service is running.';
	if (status === 401) return 'Check both keys, that the office enabled the customer key (Setup > Advanced Setup > API), and that the key has the permission this method needs.';
	if (status === 429) return "Another workflow or tool may be using the same customer key. Check the credential's Rate Limit.";
	if (status === 504) return 'Narrow the filters (e.g. Updated Since) so the query finishes faster.';
	return '';
}

/** A 401 for a method that needs a paid permission: a missing permission is not a wrong key. */
function refusedPermission(failure: AttemptFailure, permission: PaidPermission): { summary: string; hint: string } | undefined {
	if (failure.status !== 401) return undefined;
	const price = PERMISSION_PRICE[permission];
	const enable = `${permission} is a paid Open Dental API permission (${price}); the office enables it for its customer key in Open Dental's developer portal. A Read All key can only read.`;
	const reason = refusalReason(failure.serverMessage);
	if (reason === 'keys') return undefined;
	if (reason === 'notReadOnly') {
		return {
			summary: 'Open Dental refused the query as not read-only',
			hint: "Open Dental runs only statements it can tell are reads; the keys and the permission are fine. Rewrite the report as a plain SELECT (no temporary tables, variables or locking).",
		};
	}
	if (reason === 'permission') {
		return { summary: `This customer key lacks Open Dental's ${permission} permission, which this operation needs`, hint: enable };
	}
	return { summary: `Open Dental refused the request: the keys are wrong, or the key lacks the ${permission} permission this operation needs`, hint: `${enable} Check both keys too.` };
}

/** A 400 whose explanation is the answer (a query's SQL error): the request's meaning, then Open Dental's text. */
function rejection(failure: AttemptFailure, context: FailureContext): string | undefined {
	if (failure.status !== 400 || !context.rejectedMessage || !failure.serverMessage || isOfficeUnreachable(400, failure.serverMessage)) return undefined;
	return `${context.rejectedMessage}: ${failure.serverMessage}`;
}

/** What the error says about a write that failed: whether it may have been carried out, and what to do. */
function writeOutcome(context: FailureContext): { suffix: string; advice: string } {
	const what = context.writes ?? 'the change';
	if (context.uncertain) {
		return {
			suffix: `; ${what} may or may not have been written`,
			advice: `The node did not send it again, so it cannot have been written twice. Check ${what} in Open Dental before running this item again.`,
		};
	}
	if (context.earlierUncertain) {
		return { suffix: '', advice: `An attempt failed in a way that may have written ${what} (sending it again changes nothing): check it in Open Dental.` };
	}
	return { suffix: '', advice: '' };
}

/** A NodeApiError built only from safe parts: the cause is a small object, never the HTTP error. */
export function toNodeApiError(node: INode, failure: AttemptFailure, context: FailureContext): NodeApiError {
	const refused = context.permission ? refusedPermission(failure, context.permission) : undefined;
	const outcome = writeOutcome(context);
	let message = refused?.summary ?? rejection(failure, context) ?? failureSummary(failure, context.notFoundMessage);
	if (failure.retryable && context.attempts > 1 && !context.uncertain) message += ` (gave up after ${context.attempts} attempts)`;
	message += outcome.suffix;
	const description = [
		failure.serverMessage && `Open Dental said: "${failure.serverMessage}"`,
		refused?.hint ?? failureHint(failure),
		outcome.advice,
		`Request: ${context.method} ${context.path}`,
	]
		.filter(Boolean)
		.join(' ');
	const httpCode = failure.status === undefined ? undefined : String(failure.status);
	// No "code" key: NodeApiError would swap our message for its generic one for known network codes.
	const cause: JsonObject = { message, ...(httpCode ? { httpCode } : {}) };
	return new NodeApiError(node, cause, { message, description, httpCode, itemIndex: context.itemIndex });
}

/** An error of a read that cannot go on, with no HTTP status of its own. */
function readError(node: INode, message: string, description: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { message } as JsonObject, { message, description, itemIndex });
}

const CHECK_SERVER = "Check that the credential's server and base URL point to the Open Dental API.";

// `request` below is the method and path, e.g. "GET /patients/Simple", never the query or body.

/** A 2xx answer of the wrong shape, e.g. a proxy's HTML page or an object where a list belongs. */
export function unexpectedResponse(node: INode, expected: string, request: string, itemIndex?: number): NodeApiError {
	return readError(node, `Open Dental answered with something other than ${expected}`, `Request: ${request}. ${CHECK_SERVER}`, itemIndex);
}

/** A later page repeated rows already seen: the server ignores Offset, and reading on would loop. */
export function offsetIgnored(node: INode, request: string, offset: number, itemIndex?: number): NodeApiError {
	return readError(
		node,
		'Open Dental returned the same rows again for a later page',
		`Request: ${request} with Offset=${offset}. The server seems to ignore Offset; stopping instead of looping. Check the credential's server or base URL.`,
		itemIndex,
	);
}

/** A page whose entries are not records (`idField` undefined), or records without the list's id field. */
export function notRecords(node: INode, request: string, offset: number, idField: string | undefined, itemIndex?: number): NodeApiError {
	const message = idField ? `Open Dental answered with rows that have no ${idField}` : 'Open Dental answered with a list of something other than records';
	return readError(node, message, `Request: ${request} with Offset=${offset}. Every row of this list is a record with its own ID. ${CHECK_SERVER}`, itemIndex);
}

/** A list of records without Open Dental's serverDateTime, which a watermark needs (before 21.2). */
export function noServerTime(node: INode, request: string, plural: string): NodeApiError {
	return readError(node, `Open Dental sent ${plural} without serverDateTime`, `Request: ${request}. The trigger needs Open Dental 21.2 or later, whose lists carry the server's time.`);
}

/** Rows changed before the DateTStamp asked for: this Open Dental version ignores the filter. */
export function stampFilterIgnored(node: INode, request: string, plural: string, sinceVersion: string): NodeApiError {
	return readError(
		node,
		`This Open Dental version does not filter ${plural} by DateTStamp`,
		`Request: ${request}. Open Dental answered with ${plural} changed before the time asked for, so it ignores the filter (added in version ${sinceVersion}). Update Open Dental to use this event.`,
	);
}

/** A read that reached the rows or pages one read may take: more is a runaway, not a sync. */
export function readTooLong(node: INode, request: string, bound: number, unit: 'rows' | 'pages', itemIndex?: number): NodeApiError {
	return readError(
		node,
		`The list has more than ${bound.toLocaleString('en-US')} ${unit}, the most one read takes`,
		`Request: ${request}. Narrow the filters (e.g. Updated Since) or set a Limit; if the list cannot be this long, check that the credential's server and base URL point to the Open Dental API.`,
		itemIndex,
	);
}
