'use strict';

// Recall types (Setup > Recall Types). Prophy and Perio are 1 and 2, the types the
// RecallTypesShowingInList preference ('1,2') puts on the Recall List by default.
const recallType = (RecallTypeNum, Description, DefaultInterval, TimePattern, Procedures, AppendToSpecial) =>
	Object.freeze({ RecallTypeNum, Description, DefaultInterval, TimePattern, Procedures, AppendToSpecial });

const RECALL_TYPES = Object.freeze([
	recallType(1, 'Prophy', '6m1d', '/XXXX/', 'D1110', 'false'),
	recallType(2, 'Perio', '3m1d', '/XXXXX/', 'D4910', 'false'),
	recallType(3, 'Child Prophy', '', 'XXX', 'D1120,D1208', 'false'),
	recallType(4, '4BW', '1y1d', '', 'D0274', 'true'),
	recallType(5, 'Pano', '5y', '', 'D0330', 'true'),
]);

const recallTypeByNum = (num) => RECALL_TYPES.find((type) => type.RecallTypeNum === num) || null;
const recallTypeNamed = (name) => RECALL_TYPES.find((type) => type.Description === name) || null;

// "6m1d" → { years, months, weeks, days }, as Open Dental's Interval parses it.
function parseInterval(text) {
	const parts = { years: 0, months: 0, weeks: 0, days: 0 };
	const units = { y: 'years', m: 'months', w: 'weeks', d: 'days' };
	for (const [, count, unit] of String(text).matchAll(/(\d+)([ymwd])/g)) parts[units[unit]] = Number(count);
	return parts;
}

// The database keeps an interval as one number, a byte per unit: days + weeks·256 + months·65536
// + years·16777216 (so "6m1d" is 393217).
function intervalToInt(text) {
	const { years, months, weeks, days } = parseInterval(text);
	return days + weeks * 256 + months * 65536 + years * 16777216;
}

module.exports = { RECALL_TYPES, recallTypeByNum, recallTypeNamed, parseInterval, intervalToInt };
