import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { discardBody, NOT_JSON, parseJson, readUpTo } from './body';
import type { OpenDentalConnection } from './connection';
import { type AttemptFailure, isRetryableNetworkCode, isRetryableStatus, networkErrorCode } from './errors';
import type { ExchangeResponse, HttpExchange } from './exchange';
import { acquireSlot, type Clock } from './pacer';
import { parseRetryAfter } from './retry';
import { redact, extractServerMessage } from './serverMessage';
import type { TransportLimits } from './limits';
import type { PaidPermission } from './permissions';

export interface OpenDentalRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. "/patients/Simple". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The input item the request is for; errors name it only when there is one. */
	itemIndex?: number;
	notFoundMessage?: string;
	/** A 404 answers null instead of failing: for lookups where a missing record is an answer. */
	notFoundIsNull?: boolean;
	/**
	 * Whether sending it twice does no more than sending it once: reads, and writes that set a value.
	 * Default: GET only. Any other request is sent again only when its failure proves it was not carried out.
	 */
	idempotent?: boolean;
	/** What a write writes, for its errors: "the commlog", "the confirmation status". */
	writes?: string;
	/** The paid API permission the method needs, named when Open Dental refuses it. */
	permission?: PaidPermission;
	/** What a 400 with Open Dental's explanation means for this request; the explanation follows it. */
	rejectedMessage?: string;
	/** Aborted when the caller no longer needs the answer: the first attempt still goes out (so the requests
	 * made do not depend on timing), but no retry does. */
	signal?: AbortSignal;
}

export type Attempt = { ok: true; body: unknown } | { ok: false; failure: AttemptFailure } | { ok: false; cancelled: true };

/** The time one request may still take: set when its first attempt leaves. */
export interface RequestBudget {
	endsAt?: number;
}

export interface AttemptContext {
	http: HttpExchange;
	connection: OpenDentalConnection;
	/** Paces the start; its sleeps end when the attempt is no longer wanted. */
	clock: Clock;
	/** The execution's stop: ends every wait and the exchange itself. */
	cancel?: AbortSignal;
	budget: RequestBudget;
	limits: TransportLimits;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// n8n's own idle timeout stays as a backstop behind the attempt's deadline, which ends it first.
const IDLE_TIMEOUT_GRACE_MS = 5_000;

const failed = (failure: AttemptFailure): Attempt => ({ ok: false, failure });

/** host[:port] of a redirect's target, never its path or query; keys blanked in case it echoes them. */
function redirectHost(location: unknown, requestUrl: string, secrets: string[]): string | undefined {
	if (typeof location !== 'string' || location.trim() === '') return undefined;
	try {
		return redact(new URL(location.trim(), requestUrl).host, secrets).slice(0, 255) || undefined;
	} catch {
		return undefined;
	}
}

/** Settles the exchange's promise, or rejects as soon as `signal` aborts; a late answer is freed. */
async function untilAborted(response: Promise<ExchangeResponse>, signal: AbortSignal): Promise<ExchangeResponse> {
	return await new Promise<ExchangeResponse>((resolve, reject) => {
		const onAbort = () => {
			response.then((late) => discardBody(late.body), () => undefined);
			reject(new Error('The attempt was abandoned'));
		};
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, { once: true });
		response.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}

/** Reads and judges an answer within the limits; the body stays unread only for redirects. */
async function judge(response: ExchangeResponse, ctx: AttemptContext, requestUrl: string, signal: AbortSignal): Promise<Attempt> {
	const { statusCode: status, headers } = response;
	if (REDIRECTS.has(status)) {
		return failed({ status, kind: 'redirect', redirectHost: redirectHost(headers.location, requestUrl, ctx.connection.secrets), serverMessage: '', retryable: false });
	}
	if (status >= 200 && status < 300) {
		const { maxResponseBytes } = ctx.limits;
		const read = await readUpTo(response.body, headers, maxResponseBytes, signal);
		if (read === 'tooLarge') return failed({ kind: 'tooLarge', limit: maxResponseBytes, serverMessage: '', retryable: false });
		const body = parseJson(read);
		if (body === NOT_JSON) return failed({ status, kind: 'notJson', serverMessage: '', retryable: false });
		return { ok: true, body };
	}
	// An error body too long to be a message is left unquoted.
	const read = await readUpTo(response.body, headers, ctx.limits.maxErrorBodyBytes, signal);
	const serverMessage = read === 'tooLarge' ? '' : extractServerMessage('bytes' in read ? read.bytes : read.decoded, ctx.connection.secrets);
	return failed({
		status,
		serverMessage,
		retryable: isRetryableStatus(status, serverMessage),
		retryAfterMs: parseRetryAfter(headers['retry-after'], ctx.clock.now()),
	});
}

/**
 * One attempt: a slot on the key's lane, the exchange, and the answer read to its end, all within
 * the attempt's deadline (and what is left of the request's). The lane is held until the answer is
 * read, and never longer than that deadline.
 */
export async function attemptOnce(ctx: AttemptContext, request: OpenDentalRequest): Promise<Attempt> {
	const { connection, limits, budget, cancel } = ctx;
	let release: () => void;
	try {
		release = await acquireSlot(connection.laneId, connection, ctx.clock, cancel);
	} catch {
		// Only a stop (or an unwanted retry) ends the wait for a slot.
		return { ok: false, cancelled: true };
	}
	let response: ExchangeResponse | undefined;
	try {
		if (cancel?.aborted) return { ok: false, cancelled: true };
		const now = ctx.clock.now();
		budget.endsAt ??= now + limits.requestDeadlineMs;
		const deadlineMs = Math.min(limits.attemptDeadlineMs, budget.endsAt - now);
		if (deadlineMs <= 0) return failed({ kind: 'deadline', serverMessage: '', retryable: true });
		const deadline = ctx.clock.deadline(deadlineMs);
		const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
		try {
			const exchange = ctx.http({
				method: request.method,
				baseUrl: connection.baseUrl,
				path: request.path,
				qs: request.qs,
				body: request.body,
				headers: { Authorization: connection.authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
				timeoutMs: deadlineMs + IDLE_TIMEOUT_GRACE_MS,
				signal,
			});
			response = await untilAborted(exchange, signal);
			return await judge(response, ctx, `${connection.baseUrl}${request.path}`, signal);
		} catch (error) {
			if (cancel?.aborted) return { ok: false, cancelled: true };
			if (deadline.aborted) return failed({ kind: 'deadline', serverMessage: '', retryable: true });
			// The helper's error carries the request config, Authorization header included: keep only its code.
			const networkCode = networkErrorCode(error);
			return failed({ networkCode, serverMessage: '', retryable: isRetryableNetworkCode(networkCode) });
		}
	} finally {
		// Frees the connection of an answer not read to its end (a redirect, an abandoned read).
		if (response) discardBody(response.body);
		release();
	}
}
