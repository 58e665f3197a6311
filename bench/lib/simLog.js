'use strict';

// What one run asked of the simulator, from its request log: counts only, no records.

const { maxInFlight } = require('../../simulator');

const PAGE_PATH = '/patients/Simple';

function summarizeLog(log) {
	const entries = log.filter((entry) => entry.path === PAGE_PATH);
	const statusCounts = {};
	for (const entry of entries) statusCounts[entry.status] = (statusCounts[entry.status] ?? 0) + 1;
	const last = entries[entries.length - 1];
	return {
		requests: entries.length,
		rejected429: statusCounts[429] ?? 0,
		statusCounts,
		otherPaths: log.length - entries.length,
		limits: [...new Set(entries.map((entry) => entry.query.Limit ?? null))],
		offsets: entries.map((entry) => (entry.query.Offset === undefined ? null : Number(entry.query.Offset))),
		rows: entries.reduce((sum, entry) => sum + (entry.rows ?? 0), 0),
		maxInFlight: maxInFlight(entries),
		// First arrival to last response, as the server saw it.
		apiSpanMs: entries.length ? last.at + (last.durationMs ?? 0) - entries[0].at : 0,
	};
}

/**
 * The node's page requests as a plan the raw client can replay: the Offsets of its successful
 * page requests in arrival order, its Limit and its headers (the ramp comes from the scenario).
 */
function replayPlan(log) {
	const entries = log.filter((entry) => entry.path === PAGE_PATH && entry.status === 200);
	if (entries.length === 0) throw new Error('the node made no successful page request to replay');
	const { headers, query } = entries[0];
	return {
		offsets: entries.map((entry) => Number(entry.query.Offset ?? 0)),
		limit: Number(query.Limit),
		headers: Object.fromEntries(
			[
				['Authorization', headers.authorization],
				['Content-Type', headers.contentType],
				['Accept', headers.accept],
			].filter(([, value]) => value !== null),
		),
	};
}

module.exports = { summarizeLog, replayPlan, maxInFlight };
