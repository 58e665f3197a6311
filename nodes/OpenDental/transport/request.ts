import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { OpenDentalConnection } from './connection';
import {
	type AttemptFailure,
	extractServerMessage,
	isRetryableNetworkCode,
	isRetryableStatus,
	networkErrorCode,
	redact,
	toNodeApiError,
} from './errors';
import { acquireSlot, CancelledError, cancellable, type Clock, deferLane, systemClock, widenGuard } from './pacer';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry';

export interface OpenDentalRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. "/patients/Simple". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex: number;
	notFoundMessage?: string;
	/** Aborted when the caller no longer needs the answer: the first attempt still goes out (so the requests
	 * made do not depend on timing), but no retry does. */
	signal?: AbortSignal;
}

/** Seams for tests; production uses the defaults. */
export interface TransportOptions {
	clock?: Clock;
	retry?: RetryPolicy;
	random?: () => number;
}

// Open Dental stops work at 60 s and answers 504; wait a little longer so we see that answer.
const REQUEST_TIMEOUT_MS = 75_000;

type Attempt = { ok: true; body: unknown } | { ok: false; failure: AttemptFailure } | { ok: false; cancelled: true };

async function sendOnce(
	ctx: IExecuteFunctions,
	connection: OpenDentalConnection,
	request: OpenDentalRequest,
	clock: Clock,
	signal: AbortSignal | undefined,
): Promise<Attempt> {
	const release = await acquireSlot(connection.laneId, connection, clock);
	try {
		if (signal?.aborted) return { ok: false, cancelled: true };
		// Not httpRequestWithAuthentication: it looks the credential up and resolves its header on every
		// call, after the slot was taken, and that delay varies enough to bunch arrivals at a throttled server.
		const response = (await ctx.helpers.httpRequest({
			method: request.method,
			baseURL: connection.baseUrl,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { Authorization: connection.authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
			json: true,
			timeout: REQUEST_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			abortSignal: signal,
		})) as IN8nHttpFullResponse;
		const status = response.statusCode;
		if (status >= 200 && status < 300) return { ok: true, body: response.body };
		const serverMessage = redact(extractServerMessage(response.body), connection.secrets);
		return {
			ok: false,
			failure: {
				status,
				serverMessage,
				retryable: isRetryableStatus(status, serverMessage),
				retryAfterMs: parseRetryAfter(response.headers?.['retry-after'], clock.now()),
			},
		};
	} catch (error) {
		if (signal?.aborted) return { ok: false, cancelled: true };
		// The helper's error carries the request config, Authorization header included: keep only its code.
		const networkCode = networkErrorCode(error);
		return { ok: false, failure: { networkCode, serverMessage: '', retryable: isRetryableNetworkCode(networkCode) } };
	} finally {
		release();
	}
}

/**
 * The one way this package talks to Open Dental: paced per customer key, retried within a budget
 * on throttling, server faults, dropped connections and an unreachable office, and mapped to a
 * clear NodeApiError otherwise.
 */
export async function openDentalRequest(
	this: IExecuteFunctions,
	connection: OpenDentalConnection,
	request: OpenDentalRequest,
	options: TransportOptions = {},
): Promise<unknown> {
	const signal = this.getExecutionCancelSignal?.();
	try {
		return await sendWithRetries(this, connection, request, options, signal);
	} catch (error) {
		if (error instanceof CancelledError) {
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: request.itemIndex });
		}
		// Already a NodeApiError: re-wrapping returns it unchanged.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

async function sendWithRetries(
	ctx: IExecuteFunctions,
	connection: OpenDentalConnection,
	request: OpenDentalRequest,
	options: TransportOptions,
	signal: AbortSignal | undefined,
): Promise<unknown> {
	const baseClock = options.clock ?? systemClock;
	// The first attempt's pacing wait ends only if the execution stops (it always goes out); waits
	// for a retry also end when the caller no longer needs the answer.
	const firstClock = cancellable(baseClock, signal);
	const clock = cancellable(baseClock, anyOf(signal, request.signal));
	const policy = options.retry ?? DEFAULT_RETRY_POLICY;
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		if (attempt > 1 && request.signal?.aborted) throw new CancelledError();
		const result = await sendOnce(ctx, connection, request, attempt === 1 ? firstClock : clock, signal);
		if (result.ok) return result.body;
		if ('cancelled' in result) throw new CancelledError();
		const { failure } = result;
		if (failure.status === 429) widenGuard(connection.laneId, connection.intervalMs);
		const delayMs = failure.retryAfterMs ?? backoffDelay(attempt, policy, options.random);
		const budgetLeft = attempt < policy.maxAttempts && waitedMs + delayMs <= policy.maxTotalWaitMs;
		if (!failure.retryable || !budgetLeft) {
			throw toNodeApiError(ctx.getNode(), failure, {
				method: request.method,
				path: request.path,
				itemIndex: request.itemIndex,
				attempts: attempt,
				notFoundMessage: request.notFoundMessage,
			});
		}
		waitedMs += delayMs;
		if (failure.status === 429) {
			// The throttle belongs to the key: hold back every request on it, not just this one.
			deferLane(connection.laneId, clock.now() + delayMs);
		} else {
			await clock.sleep(delayMs);
		}
	}
}

function anyOf(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
	const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
	return present.length > 1 ? AbortSignal.any(present) : present[0];
}
