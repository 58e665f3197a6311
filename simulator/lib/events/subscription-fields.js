'use strict';

const { HttpError } = require('../respond');
const { has, requiredText, optionalText, optionalEnum } = require('../body-fields');
const { parseDateTime } = require('../clock');
const { NO_DATETIME } = require('../calendar');

// The body fields of Subscriptions POST and PUT (apisubscriptions.html), checked as the other
// writes are: a missing or malformed field is a 400 naming it.

// EnumWatchTable and EnumApiUiEventType, spelled as Open Dental stores them.
const WATCH_TABLES = ['Appointment', 'AppointmentDeleted', 'Operatory', 'PatField', 'Patient', 'Provider', 'Schedule', 'ToothInitial'];
const UI_EVENT_TYPES = ['PatientSelected'];
// PUT may change EndPointUrl, Workstation, PollingSeconds, DateTimeStart, DateTimeStop and Note; these stay.
const FIXED = ['SubscriptionNum', 'CustomerKey', 'WatchTable', 'UiEventType'];

/** An absolute http(s) URL: the office machines POST to it. */
function endPointUrl(fields) {
	const text = requiredText(fields, 'EndPointUrl');
	let url = null;
	try {
		url = new URL(text);
	} catch {
		url = null;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new HttpError(400, 'EndPointUrl must be an absolute http or https URL.');
	}
	return text;
}

function pollingSeconds(fields) {
	const value = fields.PollingSeconds;
	if (!Number.isInteger(value) || value < 1) throw new HttpError(400, 'PollingSeconds must be a positive whole number of seconds.');
	return value;
}

function dateTime(fields, name, fallback) {
	const value = optionalText(fields, name, null);
	if (value === null) return fallback;
	if (parseDateTime(value) === null) throw new HttpError(400, `${name} format must be yyyy-MM-dd HH:mm:ss`);
	return value;
}

/** What a database event or a UI event subscribes to: exactly one of WatchTable and UiEventType. */
function eventKind(fields) {
	const watched = has(fields, 'WatchTable') && fields.WatchTable !== '';
	const ui = has(fields, 'UiEventType') && fields.UiEventType !== '';
	if (watched && ui) throw new HttpError(400, 'Only one of WatchTable or UiEventType is allowed.');
	if (!watched && !ui) throw new HttpError(400, 'WatchTable or UiEventType is required.');
	if (ui) return { WatchTable: '', UiEventType: optionalEnum(fields, 'UiEventType', UI_EVENT_TYPES, '') };
	return { WatchTable: optionalEnum(fields, 'WatchTable', WATCH_TABLES, ''), UiEventType: '' };
}

/** The stored fields of a new subscription (without its key and CustomerKey); DateTimeStart defaults to `now`. */
function newSubscriptionFields(fields, now) {
	const EndPointUrl = endPointUrl(fields);
	const kind = eventKind(fields);
	if (kind.WatchTable && !has(fields, 'PollingSeconds')) throw new HttpError(400, 'PollingSeconds is required for a WatchTable subscription.');
	return {
		EndPointUrl,
		Workstation: optionalText(fields, 'Workstation', ''),
		...kind,
		PollingSeconds: has(fields, 'PollingSeconds') ? pollingSeconds(fields) : 0,
		DateTimeStart: dateTime(fields, 'DateTimeStart', now),
		DateTimeStop: dateTime(fields, 'DateTimeStop', NO_DATETIME),
		Note: optionalText(fields, 'Note', ''),
	};
}

/** The fields a PUT changes (those it names); the fixed ones are refused rather than ignored. */
function changedSubscriptionFields(fields) {
	const fixed = FIXED.find((name) => has(fields, name));
	if (fixed) throw new HttpError(400, `${fixed} cannot be changed. Create a new subscription instead.`);
	const changes = {};
	if (has(fields, 'EndPointUrl')) changes.EndPointUrl = endPointUrl(fields);
	if (has(fields, 'Workstation')) changes.Workstation = optionalText(fields, 'Workstation', '');
	if (has(fields, 'PollingSeconds')) changes.PollingSeconds = pollingSeconds(fields);
	for (const name of ['DateTimeStart', 'DateTimeStop']) {
		if (has(fields, name)) changes[name] = dateTime(fields, name, null);
	}
	if (has(fields, 'Note')) changes.Note = optionalText(fields, 'Note', '');
	return changes;
}

module.exports = { WATCH_TABLES, UI_EVENT_TYPES, newSubscriptionFields, changedSubscriptionFields };
