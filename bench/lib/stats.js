'use strict';

/** Median of numbers (mean of the middle two for an even count); null for none. */
function median(values) {
	const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** a ÷ b, or null when either is missing or b is 0. */
function ratio(a, b) {
	return typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : null;
}

/** Rotating order for rep `rep` (0-based): A,B,C; then B,C,A; then C,A,B; … */
function rotation(items, rep) {
	const shift = rep % items.length;
	return [...items.slice(shift), ...items.slice(0, shift)];
}

module.exports = { median, ratio, rotation };
