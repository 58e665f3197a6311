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
		return this.entries.map((entry) => ({ ...entry, query: { ...entry.query }, headers: { ...entry.headers } }));
	}
}

module.exports = { RequestLog };
