'use strict';

const { HttpError } = require('./respond');
const { hasPermission } = require('./auth');

const INTEGER_RE = /^-?\d+$/;

function pageCap(config, key) {
	if (config.pageCap !== null) return config.pageCap;
	const enterprise = key && hasPermission(key, 'Enterprise');
	if (config.mode === 'local') return enterprise ? 10000 : 1000;
	return enterprise ? 1000 : 100;
}

function parseNonNegative(name, text, min) {
	if (!INTEGER_RE.test(text) || Number(text) < min) throw new HttpError(400, `${name} is invalid.`);
	return Number(text);
}

// Only PascalCase Limit/Offset count: a lowercase "offset" is ignored, just
// like the real Remote API, which silently returns page one again.
function parsePaging(query, config, key) {
	const cap = pageCap(config, key);
	const limit = query.Limit === undefined ? cap : Math.min(parseNonNegative('Limit', query.Limit, 1), cap);
	let offset = query.Offset === undefined ? 0 : parseNonNegative('Offset', query.Offset, 0);
	if (config.ignoreOffset) offset = 0;
	return { offset, limit };
}

// rows[offset : offset + limit] of the rows that pass `keep`, without
// building the full filtered list (it stops once the page is full).
function pageOf(rows, keep, { offset, limit }) {
	if (!keep) return rows.slice(offset, offset + limit);
	const page = [];
	let skipped = 0;
	for (let i = 0; i < rows.length && page.length < limit; i += 1) {
		if (!keep(rows[i])) continue;
		if (skipped < offset) skipped += 1;
		else page.push(rows[i]);
	}
	return page;
}

module.exports = { pageCap, parsePaging, pageOf };
