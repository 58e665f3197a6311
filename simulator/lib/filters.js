'use strict';

// Building blocks of list filters: each check is a row predicate, combined with AND as the
// documented filters combine.

// Combines checks into one row predicate; null when there is nothing to check, which lets paging
// slice directly instead of scanning.
function allOf(checks) {
	if (checks.length === 0) return null;
	return (row) => checks.every((check) => check(row));
}

function exact(field, value, checks) {
	if (value !== null) checks.push((row) => row[field] === value);
}

module.exports = { allOf, exact };
