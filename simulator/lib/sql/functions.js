'use strict';

const { SqlError } = require('./tokenizer');
const { ISO_DATETIME, DATE_TEXT, isNull, toNumber } = require('./compare');
const { dateOfDay, dayOfDate, addMonths, DAY_SECONDS } = require('../calendar');

// The scalar functions of the ShortQuery subset and MySQL's date arithmetic. Dates they return are
// ISO text at midnight, as ShortQuery serializes a DATE column; "today" and "now" are the office
// clock's, read once per query.

/** @typedef {{ now: string, today: string }} QueryClock office-local 'yyyy-MM-dd HH:mm:ss' and 'yyyy-MM-dd' */

const MONTHS_PER = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const DAYS_PER = { DAY: 1, WEEK: 7 };
const SECONDS_PER = { SECOND: 1, MINUTE: 60, HOUR: 3600 };

/** [date, time] of a date or date-time value; null for anything else or an impossible date (2025-02-30). */
function dateParts(value) {
	if (isNull(value)) return null;
	const match = DATE_TEXT.exec(String(value));
	if (!match || dateOfDay(dayOfDate(match[1])) !== match[1]) return null;
	return [match[1], match[2] || '00:00:00'];
}

const secondsOf = (time) => time.split(':').reduce((total, part) => total * 60 + Number(part), 0);
const pad = (n) => `${n}`.padStart(2, '0');
const timeOf = (seconds) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

/**
 * DATE_ADD(value, INTERVAL amount unit), or DATE_SUB with sign -1. A month later clamps to the
 * month's end, as MySQL does (2025-03-31 minus 1 MONTH is 2025-02-28). A date or date-time value
 * (ISO) gives ISO; date text gives text, with a time only when it had one or the unit is below a day.
 */
function shiftDate(value, amount, unit, sign) {
	const parts = dateParts(value);
	if (!parts || isNull(amount)) return null;
	const n = Math.trunc(toNumber(amount)) * sign;
	let day = dayOfDate(parts[0]);
	let seconds = secondsOf(parts[1]);
	if (MONTHS_PER[unit]) day = addMonths(day, n * MONTHS_PER[unit]);
	else if (DAYS_PER[unit]) day += n * DAYS_PER[unit];
	else {
		const total = day * DAY_SECONDS + seconds + n * SECONDS_PER[unit];
		day = Math.floor(total / DAY_SECONDS);
		seconds = total - day * DAY_SECONDS;
	}
	const date = dateOfDay(day);
	if (ISO_DATETIME.test(String(value))) return `${date}T${timeOf(seconds)}`;
	const withTime = String(value).length > 10 || SECONDS_PER[unit];
	return withTime ? `${date} ${timeOf(seconds)}` : date;
}

/** The calendar part of a date value, or null. @param {(date: string) => any} pick */
const datePart = (pick) => ([value]) => {
	const parts = dateParts(value);
	return parts ? pick(parts[0]) : null;
};

// MySQL rounds exact values half away from zero.
function round(value, digits) {
	const factor = 10 ** digits;
	return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}

/** name → [least arguments, most arguments, implementation(values, clock)] */
const FUNCTIONS = {
	CURDATE: [0, 0, (_, clock) => `${clock.today}T00:00:00`],
	CURRENT_DATE: [0, 0, (_, clock) => `${clock.today}T00:00:00`],
	NOW: [0, 0, (_, clock) => clock.now.replace(' ', 'T')],
	CURRENT_TIMESTAMP: [0, 0, (_, clock) => clock.now.replace(' ', 'T')],
	DATE: [1, 1, datePart((date) => `${date}T00:00:00`)],
	YEAR: [1, 1, datePart((date) => Number(date.slice(0, 4)))],
	MONTH: [1, 1, datePart((date) => Number(date.slice(5, 7)))],
	DAY: [1, 1, datePart((date) => Number(date.slice(8, 10)))],
	IFNULL: [2, 2, ([value, other]) => (isNull(value) ? other : value)],
	COALESCE: [1, Infinity, (values) => values.find((value) => !isNull(value)) ?? null],
	CONCAT: [1, Infinity, (values) => (values.some(isNull) ? null : values.map(String).join(''))],
	ROUND: [1, 2, ([value, digits = 0]) => (isNull(value) || isNull(digits) ? null : round(toNumber(value), Math.trunc(toNumber(digits))))],
};

/**
 * A function's implementation, checked against the number of arguments given.
 * @param {string} name in capitals @param {string} written as the query spells it @param {number} count
 */
function scalarFunction(name, written, count) {
	const entry = FUNCTIONS[name];
	if (!entry) throw new SqlError(400, `FUNCTION opendental.${written} does not exist`);
	const [least, most, implementation] = entry;
	if (count < least || count > most) throw new SqlError(400, `Incorrect parameter count in the call to native function '${written}'`);
	return implementation;
}

module.exports = { scalarFunction, shiftDate };
