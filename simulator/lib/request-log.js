'use strict';

// Keeps the newest entries only, so a long-running demo cannot grow without bound.
const MAX_ENTRIES = 10000;

class RequestLog {
	constructor() {
		this.clear();
	}

	clear() {
		this.entries = [];
		this.seq = 0;
	}

	begin(fields) {
		this.seq += 1;
		const entry = {
			seq: this.seq,
			at: fields.at,
			method: fields.method,
			path: fields.path,
			rawQuery: fields.rawQuery,
			query: fields.query,
			headers: fields.headers,
			// The parsed JSON body of a write, once it was read and parsed; null for a GET.
			body: null,
			customerKey: null,
			status: null,
			rows: null,
			fault: null,
			throttled: false,
			durationMs: null,
		};
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
		return entry;
	}

	list() {
		return this.entries.map((entry) => ({
			...entry,
			query: { ...entry.query },
			headers: { ...entry.headers },
			body: entry.body === null ? null : JSON.parse(JSON.stringify(entry.body)),
		}));
	}
}

/**
 * Most requests the server was answering at once (arrival to response), over log entries: how
 * many a client had in flight. Entries still open (no duration) do not count.
 * @param {Array<{ at: number, durationMs: number | null }>} entries
 */
function maxInFlight(entries) {
	const events = [];
	for (const entry of entries) {
		if (entry.durationMs === null) continue;
		events.push([entry.at, 1], [entry.at + entry.durationMs, -1]);
	}
	// An end and a start at the same instant do not overlap: ends first.
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let most = 0;
	for (const [, step] of events) {
		current += step;
		most = Math.max(most, current);
	}
	return most;
}

module.exports = { RequestLog, maxInFlight };
