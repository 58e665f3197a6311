'use strict';

const { definition, CONFIRMED } = require('./reference/definitions');
const { DEFAULT_COMPUTERS, DEFAULT_EVENTS_CONFIG, validateComputers, validateEventsConfig } = require('./events');

const DEV_KEY = 'NFF6i0KrXrxDkZHt';

// Fake key pairs, one per tier. The first is Open Dental's published test pair. New ones are
// appended: clients and tests pick keys by position.
const DEFAULT_KEYS = deepFreeze([
	{ developerKey: DEV_KEY, customerKey: 'VzkmZEaUWOjnQX2z', permissions: ['ReadAll'] },
	{ developerKey: DEV_KEY, customerKey: 'PaidCustKey00001', permissions: ['ReadAll', 'Comm'] },
	{ developerKey: DEV_KEY, customerKey: 'EntCustKey000001', permissions: ['ReadAll', 'Comm', 'Enterprise'] },
	{ developerKey: DEV_KEY, customerKey: 'DisabledCustKey1', permissions: ['ReadAll'], disabled: true },
	{ developerKey: DEV_KEY, customerKey: 'NoReadCustKey001', permissions: ['Comm'] },
	{ developerKey: DEV_KEY, customerKey: 'QueryCustKey0001', permissions: ['ReadAll', 'Queries'] },
	{ developerKey: DEV_KEY, customerKey: 'CommQueryKey0001', permissions: ['ReadAll', 'Comm', 'Queries'] },
	// AllOthers covers whatever no other permission lists, Subscriptions DELETE among them.
	{ developerKey: DEV_KEY, customerKey: 'FullAccessKey001', permissions: ['ReadAll', 'Comm', 'Queries', 'AllOthers'] },
]);

// The confirmVal names PUT /appointments/{n}/Confirm maps through the office's eConfirmation
// settings ("None" is always the first Appt Confirmed definition, so it is not among them).
const ECONFIRM_NAMES = ['Sent', 'Confirmed', 'Not Accepted', 'Failed'];

function defaultConfig() {
	return {
		mode: 'remote',
		pageCap: null,
		keys: clone(DEFAULT_KEYS),
		throttle: {
			mode: 'reject',
			readAllMs: 5000,
			paidMs: 1000,
			enterpriseMs: 500,
			timeScale: 1,
			retryAfter: 'seconds',
		},
		latencyMs: 0,
		errorBodyStyle: 'json-string',
		strictContentTypeOnGet: true,
		ignoreOffset: false,
		shuffleOrder: false,
		officeTimeZone: 'America/Chicago',
		patients: 250,
		seed: 1,
		processingLimitMs: 60000,
		// The seeded schedule: perDay appointments each weekday, or every day with openOnWeekends
		// (fewer when a day is full), from
		// daysBefore before to daysAfter after anchorDate ('yyyy-MM-dd'; null = office today at seeding).
		appointments: { perDay: 12, daysBefore: 7, daysAfter: 14, anchorDate: null, openOnWeekends: false },
		// eServices Setup > Automated Messaging: the Appt Confirmed DefNum each confirmVal sets; null =
		// not set up (then only confirmVal "None" and defNum work).
		eConfirmMapping: { Sent: 24, Confirmed: 25, 'Not Accepted': 26, Failed: 27 },
		// The office preference that makes breaking an appointment write an ApptRelated commlog.
		breakCreatesCommlog: false,
		// false: GET /commlogs ignores DateTStamp, as an office before 25.1.13 does (it answers every commlog).
		commlogStampFilter: true,
		// The office's workstations (GET /computers) and the programs that run on each:
		// 'openDental', 'apiService', 'both' or null (stopped since lastHeartBeat). See lib/events.
		computers: clone(DEFAULT_COMPUTERS),
		// API Events delivery: automatic rounds every tickMs, batches of batchSize rows, timeoutMs per POST.
		events: { ...DEFAULT_EVENTS_CONFIG },
	};
}

function deepFreeze(value) {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

function clone(value) {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Nested objects merge; arrays and scalars replace. Unknown keys are refused
// so that a typo in a test ("throtle") fails loudly instead of being ignored.
function deepMerge(target, patch, trail = '') {
	if (!isPlainObject(patch)) throw new Error(`config${trail} must be an object`);
	for (const [name, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (!Object.prototype.hasOwnProperty.call(target, name)) {
			throw new Error(`Unknown config option "${trail ? trail.slice(1) + '.' : ''}${name}"`);
		}
		if (isPlainObject(target[name]) && isPlainObject(value)) {
			deepMerge(target[name], value, `${trail}.${name}`);
		} else {
			target[name] = clone(value);
		}
	}
	return target;
}

function oneOf(name, value, allowed) {
	if (!allowed.includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}`);
}

function nonNegative(name, value) {
	if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${name} must be a number >= 0`);
}

function validateConfig(config) {
	oneOf('mode', config.mode, ['remote', 'local']);
	if (config.pageCap !== null && !(Number.isInteger(config.pageCap) && config.pageCap >= 1)) {
		throw new Error('pageCap must be null or an integer >= 1');
	}
	if (!Array.isArray(config.keys)) throw new Error('keys must be an array');
	for (const key of config.keys) {
		if (!key || typeof key.developerKey !== 'string' || typeof key.customerKey !== 'string' || !Array.isArray(key.permissions)) {
			throw new Error('each key needs developerKey, customerKey and permissions[]');
		}
	}
	const t = config.throttle;
	oneOf('throttle.mode', t.mode, ['reject', 'delay', 'off']);
	oneOf('throttle.retryAfter', t.retryAfter, ['seconds', 'date', 'none']);
	for (const name of ['readAllMs', 'paidMs', 'enterpriseMs', 'timeScale']) nonNegative(`throttle.${name}`, t[name]);
	const latency = config.latencyMs;
	if (Array.isArray(latency)) {
		if (latency.length !== 2 || latency.some((n) => typeof n !== 'number' || n < 0) || latency[0] > latency[1]) {
			throw new Error('latencyMs must be a number or [min, max]');
		}
	} else {
		nonNegative('latencyMs', latency);
	}
	oneOf('errorBodyStyle', config.errorBodyStyle, ['json-string', 'text', 'aspnet']);
	for (const name of ['strictContentTypeOnGet', 'ignoreOffset', 'shuffleOrder']) {
		if (typeof config[name] !== 'boolean') throw new Error(`${name} must be a boolean`);
	}
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: config.officeTimeZone });
	} catch {
		throw new Error(`officeTimeZone "${config.officeTimeZone}" is not a valid IANA time zone`);
	}
	if (!Number.isInteger(config.patients) || config.patients < 0) throw new Error('patients must be an integer >= 0');
	if (!Number.isInteger(config.seed)) throw new Error('seed must be an integer');
	nonNegative('processingLimitMs', config.processingLimitMs);
	validateAppointments(config.appointments);
	validateEConfirmMapping(config.eConfirmMapping);
	for (const name of ['breakCreatesCommlog', 'commlogStampFilter']) {
		if (typeof config[name] !== 'boolean') throw new Error(`${name} must be a boolean`);
	}
	validateComputers(config.computers);
	validateEventsConfig(config.events);
	return config;
}

function validateAppointments({ perDay, daysBefore, daysAfter, anchorDate, openOnWeekends }) {
	const count = (name, value, max) => {
		if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`appointments.${name} must be an integer from 0 to ${max}`);
	};
	count('perDay', perDay, 100);
	count('daysBefore', daysBefore, 3660);
	count('daysAfter', daysAfter, 3660);
	const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchorDate ?? '');
	const real = date && new Date(Date.UTC(+date[1], +date[2] - 1, +date[3])).getUTCDate() === +date[3] && +date[1] >= 1900;
	if (anchorDate !== null && !real) throw new Error('appointments.anchorDate must be null or a date "yyyy-MM-dd"');
	if (typeof openOnWeekends !== 'boolean') throw new Error('appointments.openOnWeekends must be a boolean');
}

function validateEConfirmMapping(mapping) {
	if (mapping === null) return;
	const names = isPlainObject(mapping) ? Object.keys(mapping) : [];
	if (names.length !== ECONFIRM_NAMES.length || !ECONFIRM_NAMES.every((name) => names.includes(name))) {
		throw new Error(`eConfirmMapping must be null or map each of ${ECONFIRM_NAMES.join(', ')} to a DefNum`);
	}
	for (const name of ECONFIRM_NAMES) {
		if (!definition(CONFIRMED, mapping[name])) throw new Error(`eConfirmMapping.${name} must be an Appt Confirmed (Category 2) DefNum`);
	}
}

// Builds a full, validated config from defaults plus overrides.
function buildConfig(overrides = {}) {
	return validateConfig(deepMerge(defaultConfig(), overrides));
}

module.exports = { DEFAULT_KEYS, ECONFIRM_NAMES, defaultConfig, buildConfig, deepMerge, validateConfig, clone };
