'use strict';

const { performance } = require('node:perf_hooks');

// The simulator's sense of time: when a request arrives (the throttle and the request log), how
// long a held request waits (latency, delay mode, faults), and what the office clock reads.
// Real time by default; tests pass manualTime() and move it themselves, so nothing they assert
// depends on how fast a busy machine runs.

/**
 * @typedef {object} SimTime
 * @property {() => number} now monotonic milliseconds
 * @property {() => number} epochNow wall-clock milliseconds since 1970 at now()
 * @property {(ms: number) => Promise<void>} sleep
 * @property {() => void} cancelAll drops every pending sleep and tick (the server is closing)
 * @property {(ms: number, tick: () => void) => () => void} [every] calls tick every ms in the
 *   background (the API Events rounds); returns what stops it
 */

/** @returns {SimTime} */
function realTime() {
	const timers = new Set();
	const intervals = new Set();
	return {
		now: () => performance.now(),
		epochNow: () => performance.timeOrigin + performance.now(),
		sleep: (ms) =>
			new Promise((resolve) => {
				if (!(ms > 0)) return resolve();
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, ms);
				timers.add(timer);
			}),
		every: (ms, tick) => {
			const interval = setInterval(tick, ms);
			// A background tick must not keep the process alive on its own.
			interval.unref();
			intervals.add(interval);
			return () => {
				clearInterval(interval);
				intervals.delete(interval);
			};
		},
		cancelAll: () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			for (const interval of intervals) clearInterval(interval);
			intervals.clear();
		},
	};
}

/**
 * Time that moves only when advance() is called: sleeps end once it has moved past them, in order.
 * A repeating tick fires once per advance() that reaches it, however many periods it passed.
 * @param {number} [startEpochMs] the wall-clock time at 0
 */
function manualTime(startEpochMs = Date.UTC(2026, 0, 5, 15, 0, 0)) {
	let now = 0;
	/** @type {Array<{ at: number, resolve: () => void }>} */
	let waiting = [];
	/** @type {Array<{ next: number, ms: number, tick: () => void }>} */
	let repeating = [];
	return {
		now: () => now,
		epochNow: () => startEpochMs + now,
		/** @param {number} ms @returns {Promise<void>} */
		sleep: (ms) =>
			new Promise((resolve) => {
				if (!(ms > 0)) return resolve();
				waiting.push({ at: now + ms, resolve: () => resolve() });
			}),
		/** @param {number} ms */
		advance(ms) {
			now += ms;
			const due = waiting.filter((entry) => entry.at <= now).sort((a, b) => a.at - b.at);
			waiting = waiting.filter((entry) => entry.at > now);
			for (const entry of due) entry.resolve();
			for (const entry of repeating.filter((candidate) => candidate.next <= now)) {
				entry.next += (Math.floor((now - entry.next) / entry.ms) + 1) * entry.ms;
				entry.tick();
			}
		},
		/** @param {number} ms @param {() => void} tick */
		every(ms, tick) {
			const entry = { next: now + ms, ms, tick };
			repeating.push(entry);
			return () => {
				repeating = repeating.filter((candidate) => candidate !== entry);
			};
		},
		/** Sleeps not yet over (repeating ticks are not sleeps). */
		pending: () => waiting.length,
		cancelAll: () => {
			waiting = [];
			repeating = [];
		},
	};
}

module.exports = { realTime, manualTime };
