'use strict';

// The office's calendar, as the node reads "today" and "tomorrow" from it: for the expected
// answers of the reminder tests and the benchmark's bookings.

/** The office's date ("yyyy-MM-dd") at an instant. */
function officeDate(epochMs, timeZone) {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}

/** The calendar day after a "yyyy-MM-dd" date. */
const nextDay = (date) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

module.exports = { officeDate, nextDay };
