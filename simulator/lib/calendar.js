'use strict';

// Office calendar arithmetic on day numbers (days since 1970-01-01) and the text forms Open Dental
// uses. Plain arithmetic instead of Date objects keeps seeding 100,000 patients fast, and year 1
// (Open Dental's "no date") works, which Date.UTC would read as 1901.

// Captured once because global lookups are slow inside Jest's vm sandbox.
const { floor } = Math;

const NO_DATE = '0001-01-01';
const NO_DATETIME = '0001-01-01 00:00:00';
const DAY_SECONDS = 86400;

const pad = (n, width = 2) => `${n}`.padStart(width, '0');

/** [year, month, day] of a day number (Hinnant's civil_from_days). @param {number} dayNumber */
function civilOfDay(dayNumber) {
	const z = dayNumber + 719468;
	const era = floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
	const mp = floor((5 * doy + 2) / 153);
	const month = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - floor((153 * mp + 2) / 5) + 1];
}

/** The day number of a calendar date (Hinnant's days_from_civil). */
function dayOfCivil(year, month, day) {
	const y = year - (month <= 2 ? 1 : 0);
	const era = floor(y / 400);
	const yoe = y - era * 400;
	const doy = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	return era * 146097 + yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy - 719468;
}

/** 'yyyy-MM-dd' of a day number. @param {number} dayNumber */
function dateOfDay(dayNumber) {
	const [year, month, day] = civilOfDay(dayNumber);
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Day number of 'yyyy-MM-dd' (or the date part of a date-time). @param {string} text */
const dayOfDate = (text) => dayOfCivil(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));

/** 'yyyy-MM-dd HH:mm:ss' of a second since 1970 (office wall clock, no zone). @param {number} second */
function dateTimeOfSecond(second) {
	const day = floor(second / DAY_SECONDS);
	const rest = second - day * DAY_SECONDS;
	return `${dateOfDay(day)} ${pad(floor(rest / 3600))}:${pad(floor(rest / 60) % 60)}:${pad(rest % 60)}`;
}

/** Seconds since 1970 of 'yyyy-MM-dd HH:mm:ss'. @param {string} text */
function secondOfDateTime(text) {
	const [hour, minute, second] = text.slice(11).split(':').map(Number);
	return dayOfDate(text) * DAY_SECONDS + hour * 3600 + minute * 60 + second;
}

/** 0 = Sunday ... 6 = Saturday; day 0 (1970-01-01) was a Thursday. @param {number} dayNumber */
const weekdayOfDay = (dayNumber) => (((dayNumber + 4) % 7) + 7) % 7;

/** 'M/d/yyyy' as Open Dental's US-English ToShortDateString renders it, '' for no date. @param {string} text */
function usDate(text) {
	if (text.slice(0, 10) === NO_DATE) return '';
	return `${Number(text.slice(5, 7))}/${Number(text.slice(8, 10))}/${text.slice(0, 4)}`;
}

/** The same day `months` calendar months later (earlier when negative), clamped to the month's end. */
function addMonths(dayNumber, months) {
	const [year, month, day] = civilOfDay(dayNumber);
	const index = year * 12 + month - 1 + months;
	const toYear = floor(index / 12);
	const toMonth = index - toYear * 12 + 1;
	const first = dayOfCivil(toYear, toMonth, 1);
	const monthLength = dayOfCivil(toMonth === 12 ? toYear + 1 : toYear, toMonth === 12 ? 1 : toMonth + 1, 1) - first;
	return first + Math.min(day, monthLength) - 1;
}

module.exports = {
	NO_DATE, NO_DATETIME, DAY_SECONDS, pad, dateOfDay, dayOfDate, dateTimeOfSecond, secondOfDateTime,
	weekdayOfDay, usDate, addMonths,
};
