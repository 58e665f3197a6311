'use strict';

const { mulberry32 } = require('./prng');
const { validateChanges } = require('./changes');
const { clone } = require('./config');

// Canned answers per fault type: [status, default message].
const ERROR_FAULTS = {
	eConnectorDown: [400, 'The eConnector is not running at the dental office.'],
	officeTimeout: [400, 'Request timed out.'],
	validation: [400, 'The request is invalid.'],
	unauthorized: [401, 'Invalid credentials.'],
	gone: [410, 'This resource is no longer available.'],
	rateLimit: [429, 'Too many requests.'],
	serverError: [500, 'Internal server error.'],
	badGateway: [502, 'Bad gateway.'],
	unavailable: [503, 'Service unavailable.'],
	gatewayTimeout: [504, 'The method did not finish within the 60 second limit.'],
};
// These do not answer by themselves: they change how the normal answer is made. mutate applies the
// rule's changes to the data and then serves the request as usual.
const BEHAVIOUR_FAULTS = ['reset', 'hang', 'insertPatient', 'mutate'];
// These let the request take effect (a write is applied) and only then spoil the answer: a 500, a
// dropped connection, or a late answer. A client that retries must find its write already there.
const COMMITTED_FAULTS = ['committedServerError', 'committedReset', 'committedHang'];
const FAULT_TYPES = [...Object.keys(ERROR_FAULTS), ...BEHAVIOUR_FAULTS, ...COMMITTED_FAULTS];

const isPositiveInt = (n) => Number.isInteger(n) && n >= 1;

function validateRule(rule, tableNames) {
	if (!rule || typeof rule !== 'object') throw new Error('a fault rule must be an object');
	if (!FAULT_TYPES.includes(rule.fault)) throw new Error(`fault must be one of ${FAULT_TYPES.join(', ')}`);
	if (rule.fault === 'mutate') validateChanges(rule.changes, tableNames);
	else if (rule.changes !== undefined) throw new Error('changes go with fault "mutate" only');
	if (rule.nth !== undefined && !(Array.isArray(rule.nth) && rule.nth.every(isPositiveInt))) {
		throw new Error('nth must be an array of 1-based request numbers');
	}
	if (rule.every !== undefined && !isPositiveInt(rule.every)) throw new Error('every must be an integer >= 1');
	if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) throw new Error('times must be an integer >= 0');
	if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
		throw new Error('probability must be between 0 and 1');
	}
	if (rule.retryAfter !== undefined && !['seconds', 'date', 'none'].includes(rule.retryAfter)) {
		throw new Error('retryAfter must be seconds, date or none');
	}
}

// Ordered list of fault rules. Each rule counts the requests that match its
// method/path (`matched`) and how often it fired (`fired`). The first rule
// whose conditions hold wins; all when-clauses given must hold together.
class FaultRules {
	/** @param {string[]} [tableNames] the tables a mutate rule may change */
	constructor(tableNames = []) {
		this.tableNames = tableNames;
		this.rules = [];
		this.nextId = 1;
	}

	add(ruleOrArray) {
		const list = Array.isArray(ruleOrArray) ? ruleOrArray : [ruleOrArray];
		list.forEach((rule) => validateRule(rule, this.tableNames));
		const ids = list.map((rule) => {
			const id = `fault-${this.nextId++}`;
			// The changes are copied: the caller's objects changing later must not change the rule.
			const stored = { ...rule, ...(rule.changes && { changes: clone(rule.changes) }), id, matched: 0, fired: 0 };
			// The PRNG lives outside the listed fields so rules stay JSON-friendly.
			Object.defineProperty(stored, 'rng', { value: mulberry32(rule.seed === undefined ? 1 : rule.seed) });
			this.rules.push(stored);
			return id;
		});
		return Array.isArray(ruleOrArray) ? ids : ids[0];
	}

	clear() {
		this.rules = [];
	}

	list() {
		return this.rules.map((rule) => ({ ...rule }));
	}

	// Called once per request that reached the fault step; returns the rule
	// that fires, or null.
	pick(method, path) {
		let winner = null;
		for (const rule of this.rules) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path !== undefined && rule.path !== path) continue;
			if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue;
			rule.matched += 1;
			if (winner || !conditionsHold(rule)) continue;
			rule.fired += 1;
			winner = rule;
		}
		return winner;
	}
}

function conditionsHold(rule) {
	if (rule.times !== undefined && rule.fired >= rule.times) return false;
	if (rule.nth !== undefined && !rule.nth.includes(rule.matched)) return false;
	if (rule.every !== undefined && rule.matched % rule.every !== 0) return false;
	if (rule.probability !== undefined && !(rule.rng() < rule.probability)) return false;
	return true;
}

module.exports = { FaultRules, ERROR_FAULTS, COMMITTED_FAULTS, FAULT_TYPES };
