'use strict';

// What is measured: sizes, repetitions, simulator settings and the variants of each scenario.
// `--quick` shrinks everything for a smoke run.

const THROTTLE_INTERVAL_MS = 1000;
// The node's window on an unthrottled key (1, 2, then this many pages in flight): the raw
// baselines replay its requests with the same ramp.
const NODE_WINDOW = 4;
// Memory pass: each run in a fresh n8n, after one warm-up run of the same variant on this many.
const MEMORY_WARMUP_PATIENTS = 1000;
const MEMORY_VARIANTS = ['node', 'http100', 'http1000'];

/** Throttled Remote: the paid key's 1 request / s, enforced by rejecting (429) early requests. */
function throttledRemote(quick) {
	return {
		key: 'throttledRemote',
		title: 'Throttled Remote',
		group: 'remote',
		patients: quick ? 300 : 2000,
		reps: quick ? 1 : 3,
		pageSize: 100,
		intervalMs: THROTTLE_INTERVAL_MS,
		// Between runs: longer than the key's interval, so no run inherits the last one's slot.
		pauseMs: 2 * THROTTLE_INTERVAL_MS,
		variants: [
			{ key: 'node', label: 'Open Dental node (100/page, paid)', kind: 'node' },
			{ key: 'http100', label: 'HTTP Request (100/page, 1000 ms interval)', kind: 'http', pageSize: 100, intervalMs: THROTTLE_INTERVAL_MS },
		],
	};
}

/**
 * API Service: unthrottled, 1000-row pages, ~20 ms a request on the office network. `memoryReps`
 * runs per variant in fresh n8n processes, in `order` (its reverse on every second rep).
 */
function apiService(patients, reps, memoryReps, order) {
	return {
		key: `apiService${patients}`,
		title: `API Service, ${patients.toLocaleString('en-US')} patients`,
		group: 'service',
		patients,
		reps,
		pageSize: 1000,
		pauseMs: 500,
		window: NODE_WINDOW,
		memory: {
			warmupPatients: MEMORY_WARMUP_PATIENTS,
			reps: memoryReps,
			order: Array.from({ length: memoryReps }, (_, rep) => (rep % 2 ? [...order].reverse() : order)).flat(),
		},
		variants: [
			{ key: 'node', label: 'Open Dental node (1000/page)', kind: 'node' },
			{ key: 'raw', label: 'raw HTTP, same requests (outside n8n)', kind: 'raw' },
			{ key: 'fetch', label: 'raw HTTP, same requests (inside n8n)', kind: 'fetch' },
			{ key: 'http100', label: 'HTTP Request (100/page)', kind: 'http', pageSize: 100, intervalMs: 0 },
			{ key: 'http1000', label: 'HTTP Request (1000/page)', kind: 'http', pageSize: 1000, intervalMs: 0 },
		],
	};
}

/** Simulator settings per group: one simulator for each, re-seeded per scenario. */
const SIMULATORS = {
	remote: { mode: 'remote', latencyMs: [80, 120], throttle: { mode: 'reject', paidMs: THROTTLE_INTERVAL_MS } },
	service: { mode: 'local', latencyMs: [15, 25], throttle: { mode: 'off' } },
};

function scenarios({ quick }) {
	// The memory pass alternates the variant order between scenarios.
	const reversed = [...MEMORY_VARIANTS].reverse();
	if (quick) return [throttledRemote(true), apiService(5000, 1, 1, MEMORY_VARIANTS)];
	// One memory run per variant at 100,000 keeps the whole bench near 11 minutes on 2 cores.
	return [throttledRemote(false), apiService(20000, 5, 2, MEMORY_VARIANTS), apiService(100000, 3, 1, reversed)];
}

module.exports = { scenarios, SIMULATORS };
