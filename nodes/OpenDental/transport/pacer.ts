import { sleep } from 'n8n-workflow';

/** Time source of the transport; tests swap in a virtual clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	/** A signal that aborts once `ms` have passed. */
	deadline(ms: number): AbortSignal;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
	// Its timer does not keep the process alive and goes away with the signal.
	deadline: (ms) => AbortSignal.timeout(Math.max(0, ms)),
};

export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

/**
 * The same clock, but its sleeps end with CancelledError as soon as the execution is stopped, so
 * a stopped workflow does not wait out pacing or backoff (minutes on a free key).
 */
export function cancellable(clock: Clock, signal: AbortSignal | undefined): Clock {
	if (!signal) return clock;
	return {
		now: clock.now,
		deadline: clock.deadline,
		sleep: async (ms) => {
			if (signal.aborted) throw new CancelledError();
			let onAbort = () => {};
			const aborted = new Promise<never>((_, reject) => {
				onAbort = () => reject(new CancelledError());
				signal.addEventListener('abort', onAbort, { once: true });
			});
			try {
				await Promise.race([clock.sleep(ms), aborted]);
			} finally {
				signal.removeEventListener('abort', onAbort);
			}
		},
	};
}

export interface LaneLimits {
	/** Minimum start-to-start spacing; 0 = unthrottled. */
	intervalMs: number;
	/** Requests that may be in flight at once on this lane. */
	maxInFlight: number;
}

export type ReleaseSlot = () => void;

interface Lane {
	nextStartAt: number;
	/** Extra spacing learned from 429s the server sent although we kept the interval. */
	learnedGuardMs: number;
	inFlight: number;
	waiting: Array<() => void>;
	/** Whether a request on this lane has completed in this process (its code paths are warm). */
	warm: boolean;
}

// Module level on purpose: every execution in this n8n process that uses the same customer key
// shares one lane, because Open Dental throttles the key, not the workflow.
const lanes = new Map<string, Lane>();

function laneFor(laneId: string): Lane {
	let lane = lanes.get(laneId);
	if (!lane) {
		lane = { nextStartAt: 0, learnedGuardMs: 0, inFlight: 0, waiting: [], warm: false };
		lanes.set(laneId, lane);
	}
	return lane;
}

/**
 * The server measures the interval between arrivals, and a request leaves a little after we hand it
 * to n8n's HTTP helper (in real n8n 2.41.1: 5–10 ms later, varying by about 5 ms from one request to
 * the next). A margin of 2%, at least 20 ms and at most 50 ms, absorbs that jitter; 429s teach us more.
 */
function guardMs(lane: Lane, intervalMs: number): number {
	if (intervalMs <= 0) return 0;
	return Math.min(50, Math.max(20, Math.ceil(intervalMs * 0.02))) + lane.learnedGuardMs;
}

async function takeInFlightSlot(lane: Lane, maxInFlight: number, signal: AbortSignal | undefined): Promise<void> {
	if (lane.inFlight < Math.max(1, maxInFlight)) {
		lane.inFlight++;
		return;
	}
	if (signal?.aborted) throw new CancelledError();
	// FIFO hand-over: the releasing request passes its slot straight to the oldest waiter. A stopped
	// execution leaves the queue at once; once handed the slot, it passes it on (see acquireSlot).
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => {
			const index = lane.waiting.indexOf(takeSlot);
			if (index < 0) return;
			lane.waiting.splice(index, 1);
			reject(new CancelledError());
		};
		const takeSlot = () => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		};
		lane.waiting.push(takeSlot);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/**
 * Waits until this lane may start another request, then reserves the start. Call the returned
 * function when the response (or failure) is in. `signal` (the execution's stop) ends a wait for
 * an in-flight slot; the clock's own sleeps end the wait for the start time.
 */
export async function acquireSlot(laneId: string, limits: LaneLimits, clock: Pick<Clock, 'now' | 'sleep'>, signal?: AbortSignal): Promise<ReleaseSlot> {
	const lane = laneFor(laneId);
	await takeInFlightSlot(lane, limits.maxInFlight, signal);
	const handOver = releaserOf(lane);
	let reserved = false;
	let waited = false;
	try {
		// Loop: a 429 seen by another request may push nextStartAt further while we sleep.
		for (let wait = lane.nextStartAt - clock.now(); wait > 0; wait = lane.nextStartAt - clock.now()) {
			waited = true;
			await clock.sleep(wait);
		}
		if (limits.intervalMs > 0) {
			lane.nextStartAt = clock.now() + limits.intervalMs + guardMs(lane, limits.intervalMs);
		}
		reserved = true;
	} finally {
		// A cancelled wait must hand its slot on, or the key's lane would stay blocked for good.
		if (!reserved) handOver();
	}
	if (waited || limits.intervalMs <= 0 || lane.warm) return handOver;
	// The lane's first request in this process runs cold code (in real n8n it left 50–110 ms after
	// its slot), so its arrival is known only to lie before its response: space the next start from
	// there. Once warm, a request leaves within a few ms of its slot and start-to-start spacing holds.
	return () => {
		lane.warm = true;
		lane.nextStartAt = Math.max(lane.nextStartAt, clock.now() + limits.intervalMs + guardMs(lane, limits.intervalMs));
		handOver();
	};
}

function releaserOf(lane: Lane): ReleaseSlot {
	let released = false;
	return () => {
		if (released) return;
		released = true;
		const next = lane.waiting.shift();
		if (next) next();
		else lane.inFlight--;
	};
}

/** The server asked this key to wait (429 Retry-After): no request on the lane starts before `untilMs`. */
export function deferLane(laneId: string, untilMs: number): void {
	const lane = laneFor(laneId);
	lane.nextStartAt = Math.max(lane.nextStartAt, untilMs);
}

/** A 429 despite our spacing means the server sees requests closer together than we send them. */
export function widenGuard(laneId: string, intervalMs: number): void {
	if (intervalMs <= 0) return;
	const lane = laneFor(laneId);
	lane.learnedGuardMs = Math.min(Math.ceil(intervalMs * 0.1), lane.learnedGuardMs * 2 + 10);
}

/** Forget all lanes (tests only: production lanes live as long as the n8n process). */
export function resetPacing(): void {
	lanes.clear();
}
