import type { JsonObject } from 'n8n-workflow';
import type { OpenDentalContext } from './context';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { attemptOnce, type AttemptContext, type OpenDentalRequest, type RequestBudget } from './attempt';
import type { OpenDentalConnection } from './connection';
import { type AttemptFailure, mayHaveTakenEffect, toNodeApiError } from './errors';
import { helperExchange, type HttpExchange } from './exchange';
import { CancelledError, cancellable, deferLane, widenGuard } from './pacer';
import { backoffDelay } from './retry';
import { transportSettings } from './settings';

export type { OpenDentalRequest } from './attempt';

/**
 * The one way this package talks to Open Dental: paced per customer key, retried within a budget
 * on throttling, server faults, dropped connections and an unreachable office, bounded in time and
 * size, and mapped to a clear NodeApiError otherwise.
 */
export async function openDentalRequest(this: OpenDentalContext, connection: OpenDentalConnection, request: OpenDentalRequest): Promise<unknown> {
	const cancel = this.getExecutionCancelSignal?.();
	try {
		return await sendWithRetries(helperExchange(this.helpers), connection, request, cancel);
	} catch (error) {
		if (error instanceof CancelledError) {
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: request.itemIndex });
		}
		if (error instanceof RequestFailedError && error.failure.status === 404 && request.notFoundIsNull) return null;
		if (error instanceof RequestFailedError) {
			throw toNodeApiError(this.getNode(), error.failure, {
				method: request.method,
				path: request.path,
				itemIndex: request.itemIndex,
				attempts: error.attempts,
				notFoundMessage: request.notFoundMessage,
				permission: request.permission,
				rejectedMessage: request.rejectedMessage,
				writes: request.writes,
				uncertain: error.uncertain,
				earlierUncertain: error.earlierUncertain,
			});
		}
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

/** A request that failed for good, with its last attempt's failure (safe to show). */
export class RequestFailedError extends Error {
	constructor(
		readonly failure: AttemptFailure,
		readonly attempts: number,
		/** A write whose last attempt may have been carried out, and which was therefore not sent again. */
		readonly uncertain = false,
		/** Some attempt of a write may have been carried out (an idempotent write sent again). */
		readonly earlierUncertain = false,
	) {
		super('Open Dental request failed');
	}
}

/** Reads, and writes that set a value, may be sent again; other writes only when it is proven they were not carried out. */
const isIdempotent = (request: OpenDentalRequest) => request.idempotent ?? request.method === 'GET';

/**
 * Sends a request until it succeeds, fails in a way a retry cannot mend, or runs out of attempts
 * or time. Throws CancelledError when stopped, RequestFailedError otherwise.
 */
export async function sendWithRetries(
	http: HttpExchange,
	connection: OpenDentalConnection,
	request: OpenDentalRequest,
	cancel: AbortSignal | undefined,
	maxAttempts = transportSettings().retry.maxAttempts,
): Promise<unknown> {
	const { clock: baseClock, retry: policy, random, limits } = transportSettings();
	// The first attempt's pacing wait ends only if the execution stops (it always goes out); waits
	// for a retry also end when the caller no longer needs the answer.
	const firstClock = cancellable(baseClock, cancel);
	const clock = cancellable(baseClock, anyOf(cancel, request.signal));
	const budget: RequestBudget = {};
	const context = (attempt: number): AttemptContext => ({ http, connection, clock: attempt === 1 ? firstClock : clock, cancel, budget, limits });
	const idempotent = isIdempotent(request);
	let earlierUncertain = false;
	for (let attempt = 1; ; attempt++) {
		if (attempt > 1 && request.signal?.aborted) throw new CancelledError();
		const result = await attemptOnce(context(attempt), request);
		if (result.ok) return result.body;
		if ('cancelled' in result) throw new CancelledError();
		const { failure } = result;
		const uncertain = mayHaveTakenEffect(failure);
		// A write that may have been carried out is never sent twice.
		if (!idempotent && uncertain) throw new RequestFailedError(failure, attempt, true, earlierUncertain);
		if (failure.status === 429) widenGuard(connection.laneId, connection.intervalMs);
		const delayMs = failure.retryAfterMs ?? backoffDelay(attempt, policy, random);
		const timeLeft = (budget.endsAt ?? Number.POSITIVE_INFINITY) - baseClock.now();
		// Only a write can have written something; a read-only query sent again cannot.
		earlierUncertain ||= uncertain && request.writes !== undefined;
		if (!failure.retryable || attempt >= maxAttempts || delayMs >= timeLeft) throw new RequestFailedError(failure, attempt, false, earlierUncertain);
		if (failure.status === 429) {
			// The throttle belongs to the key: hold back every request on it, not just this one.
			deferLane(connection.laneId, baseClock.now() + delayMs);
		} else {
			await clock.sleep(delayMs);
		}
	}
}

function anyOf(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
	const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
	return present.length > 1 ? AbortSignal.any(present) : present[0];
}
