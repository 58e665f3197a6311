'use strict';

const { HttpError } = require('./respond');
const { parseDateTime } = require('./clock');

// Parsers for filter parameters. A blank value ("LName=") counts as absent,
// matching the docs' "blank = all". Names are case-sensitive like Limit/Offset.

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const present = (value) => value !== undefined && value !== '';

function text(query, name) {
	return present(query[name]) ? String(query[name]) : null;
}

function integer(query, name) {
	if (!present(query[name])) return null;
	if (!/^-?\d+$/.test(query[name])) throw new HttpError(400, `${name} is invalid.`);
	return Number(query[name]);
}

function enumValue(query, name, allowed) {
	if (!present(query[name])) return null;
	if (!allowed.includes(query[name])) throw new HttpError(400, `${name} is invalid.`);
	return query[name];
}

function date(query, name) {
	if (!present(query[name])) return null;
	const value = query[name];
	if (!DATE_RE.test(value) || parseDateTime(`${value} 00:00:00`) === null) {
		throw new HttpError(400, `${name} format must be yyyy-MM-dd`);
	}
	return value;
}

// Returns the normalised "yyyy-MM-dd HH:mm:ss"; date-only means midnight.
// Such strings compare correctly as plain strings.
function dateTime(query, name) {
	if (!present(query[name])) return null;
	const value = DATE_RE.test(query[name]) ? `${query[name]} 00:00:00` : query[name];
	if (parseDateTime(value) === null) throw new HttpError(400, `${name} format must be yyyy-MM-dd HH:mm:ss`);
	return value;
}

function boolean(query, name) {
	if (!present(query[name])) return null;
	const value = String(query[name]).toLowerCase();
	if (value !== 'true' && value !== 'false') throw new HttpError(400, `${name} is invalid.`);
	return value === 'true';
}

function integerList(query, name) {
	if (!present(query[name])) return null;
	const parts = String(query[name]).split(',').map((part) => part.trim());
	if (parts.some((part) => !/^-?\d+$/.test(part))) throw new HttpError(400, `${name} is invalid.`);
	return parts.map(Number);
}

module.exports = { text, integer, enumValue, date, dateTime, boolean, integerList };
