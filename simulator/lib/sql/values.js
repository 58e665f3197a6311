'use strict';

// How the database stores what the REST API renders as text: enums as their index in Open
// Dental's enum, "true"/"false" as 1/0, and dates as the ISO text ShortQuery answers with
// ('yyyy-MM-ddTHH:mm:ss', a date at midnight).

/** 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss' → 'yyyy-MM-ddTHH:mm:ss'. @param {string} text */
const isoDateTime = (text) => (text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T'));

/** "true" → 1, anything else → 0. @param {string} text */
const bit = (text) => (text === 'true' ? 1 : 0);

/** The index of an enum value's name (Open Dental's enums count from 0 in declaration order). */
function enumIndex(names, value) {
	const index = names.indexOf(value);
	if (index === -1) throw new Error(`"${value}" is not one of ${names.join(', ')}`);
	return index;
}

module.exports = { isoDateTime, bit, enumIndex };
