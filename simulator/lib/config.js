'use strict';

const DEV_KEY = 'NFF6i0KrXrxDkZHt';

// Fake key pairs, one per tier. The first is Open Dental's published test pair.
const DEFAULT_KEYS = deepFreeze([
	{ developerKey: DEV_KEY, customerKey: 'VzkmZEaUWOjnQX2z', permissions: ['ReadAll'] },
	{ developerKey: DEV_KEY, customerKey: 'PaidCustKey00001', permissions: ['ReadAll', 'Comm'] },
	{ developerKey: DEV_KEY, customerKey: 'EntCustKey000001', permissions: ['ReadAll', 'Comm', 'Enterprise'] },
	{ developerKey: DEV_KEY, customerKey: 'DisabledCustKey1', permissions: ['ReadAll'], disabled: true },
	{ developerKey: DEV_KEY, customerKey: 'NoReadCustKey001', permissions: ['Comm'] },
]);

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
	return config;
}

// Builds a full, validated config from defaults plus overrides.
function buildConfig(overrides = {}) {
	return validateConfig(deepMerge(defaultConfig(), overrides));
}

module.exports = { DEFAULT_KEYS, defaultConfig, buildConfig, deepMerge, validateConfig, clone };
