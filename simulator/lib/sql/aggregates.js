'use strict';

const { isNull, toNumber, orderOf, groupKey } = require('./compare');

// MySQL's aggregate functions over one group's values: NULLs are skipped; COUNT of nothing is 0,
// SUM, AVG, MIN and MAX of nothing are NULL. DISTINCT counts each value once.

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']);

// Money has at most two decimals: summing it in whole cents keeps 0.1 + 0.2 at 0.3 (the fees of a
// report add up to the cent, as a DECIMAL column would).
function sumOf(numbers) {
	const cents = numbers.map((n) => Math.round(n * 100));
	if (numbers.every((n, index) => Math.abs(n * 100 - cents[index]) < 1e-6)) {
		return cents.reduce((total, n) => total + n, 0) / 100;
	}
	return numbers.reduce((total, n) => total + n, 0);
}

function distinctOf(values) {
	const seen = new Map();
	for (const value of values) if (!seen.has(groupKey(value))) seen.set(groupKey(value), value);
	return [...seen.values()];
}

/**
 * The aggregate of one group. @param {string} name COUNT, SUM, AVG, MIN or MAX
 * @param {any[]} values the argument's value on each row of the group @param {boolean} distinct
 */
function aggregate(name, values, distinct) {
	let present = values.filter((value) => !isNull(value));
	if (distinct) present = distinctOf(present);
	if (name === 'COUNT') return present.length;
	if (present.length === 0) return null;
	if (name === 'SUM') return sumOf(present.map(toNumber));
	if (name === 'AVG') return sumOf(present.map(toNumber)) / present.length;
	const sign = name === 'MIN' ? -1 : 1;
	return present.reduce((best, value) => (orderOf(value, best) * sign > 0 ? value : best));
}

module.exports = { AGGREGATES, aggregate };
