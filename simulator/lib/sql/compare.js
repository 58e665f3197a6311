'use strict';

// How MySQL compares, groups and tests values of this subset. Values are numbers, text or null;
// dates and date-times are ISO text 'yyyy-MM-ddTHH:mm:ss' (a date at midnight), as ShortQuery
// answers them.

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DATE_TEXT = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/;
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

const isNull = (value) => value === null || value === undefined;

/** MySQL's number of a value: text by its leading number, 0 when it has none. */
const toNumber = (value) => (typeof value === 'number' ? value : Number.parseFloat(value) || 0);

// The cheap look first: compare() runs for every row of a report.
const isIso = (text) => text.length === 19 && text[10] === 'T' && ISO_DATETIME.test(text);

/** 'yyyy-MM-dd[ HH:mm:ss]' (or ISO) as ISO date-time text; null for other text. @param {string} text */
function asDateTime(text) {
	const date = DATE_TEXT.exec(text);
	return date ? `${date[1]}T${date[2] || '00:00:00'}` : null;
}

/**
 * -1, 0 or 1; null when either is NULL (unknown). Numerically when either is a number; a date or
 * date-time against date text as date-times (either side); other text without regard to case, as
 * MySQL's default collation compares.
 */
function compare(value, other) {
	if (isNull(value) || isNull(other)) return null;
	if (typeof value === 'number' || typeof other === 'number') return Math.sign(toNumber(value) - toNumber(other));
	let left = String(value);
	let right = String(other);
	const leftIso = isIso(left);
	if (leftIso !== isIso(right)) {
		left = leftIso ? left : asDateTime(left) ?? left;
		right = leftIso ? asDateTime(right) ?? right : right;
	}
	left = left.toLowerCase();
	right = right.toLowerCase();
	return left < right ? -1 : left > right ? 1 : 0;
}

/** Sort order of two values: NULL first, then as compare() orders them. */
function orderOf(a, b) {
	if (isNull(a) || isNull(b)) return isNull(a) === isNull(b) ? 0 : isNull(a) ? -1 : 1;
	return compare(a, b);
}

/**
 * A text key that values equal under compare() share, to match join columns: numbers and numeric
 * text by number, dates by their ISO form, other text in lower case; null for NULL.
 */
function keyOf(value) {
	if (isNull(value)) return null;
	if (typeof value === 'number') return `n${value}`;
	const text = String(value);
	if (NUMBER_TEXT.test(text)) return `n${Number(text)}`;
	return `s${(asDateTime(text) ?? text).toLowerCase()}`;
}

/** A key for GROUP BY and DISTINCT: one column's values, text without regard to case; NULLs together. */
function groupKey(value) {
	if (isNull(value)) return 'null';
	return typeof value === 'number' ? `n${value}` : `s${String(value).toLowerCase()}`;
}

/** A value as a condition: true, false or null (unknown); numbers are true unless 0. */
function truth(value) {
	if (isNull(value)) return null;
	return toNumber(value) !== 0;
}

/** A condition's value as MySQL gives it: 1, 0 or NULL. @param {boolean | null} result */
const bit = (result) => (result === null ? null : result ? 1 : 0);

module.exports = { ISO_DATETIME, DATE_TEXT, isNull, toNumber, asDateTime, compare, orderOf, keyOf, groupKey, truth, bit };
