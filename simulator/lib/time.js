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
 * @property {() => void} cancelAll drops every pending sleep (the server is closing)
 */

/** @returns {SimTime} */
function realTime() {
	const timers = new Set();
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
		cancelAll: () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

/**
 * Time that moves only when advance() is called: sleeps end once it has moved past them, in order.
 * @param {number} [startEpochMs] the wall-clock time at 0
 */
function manualTime(startEpochMs = Date.UTC(2026, 0, 5, 15, 0, 0)) {
	let now = 0;
	/** @type {Array<{ at: number, resolve: () => void }>} */
	let waiting = [];
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
		},
		/** Sleeps not yet over. */
		pending: () => waiting.length,
		cancelAll: () => {
			waiting = [];
		},
	};
}

module.exports = { realTime, manualTime };
