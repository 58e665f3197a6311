'use strict';

const http = require('node:http');
const { buildConfig, deepMerge, validateConfig, clone } = require('./config');
const { createClock } = require('./clock');
const { RecordStore } = require('./store');
const { RESOURCES } = require('./resources');
const { FaultRules } = require('./faults');
const { Throttle } = require('./throttle');
const { RequestLog } = require('./request-log');
const { mulberry32 } = require('./prng');
const { handleRequest } = require('./server');
const { realTime } = require('./time');
const { OFFICE_USER } = require('./resources/histappointments/schema');
const { EventEngine } = require('./events');

// One simulated Open Dental office: live config, data, clock, throttle state,
// fault rules and request log, plus the HTTP server that exposes them.
class Simulator {
	/** @param {import('../index').StartOptions} [options] */
	constructor({ port = 0, host = '127.0.0.1', time = realTime(), ...overrides } = {}) {
		this.requestedPort = port;
		this.host = host;
		// Known once listen() resolves.
		this.port = 0;
		this.origin = '';
		this.baseUrl = '';
		this.controlUrl = '';
		this.startupConfig = buildConfig(overrides);
		this.config = clone(this.startupConfig);
		/** @type {import('./time').SimTime} */
		this.time = time;
		this.clock = createClock(() => this.config.officeTimeZone, () => this.time.epochNow());
		/** @type {Map<string, RecordStore>} */
		this.tables = new Map(RESOURCES.map((resource) => [resource.table, new RecordStore(resource)]));
		this.server = http.createServer((req, res) => handleRequest(this, req, res));
		// The office machines that deliver API Events; reset() restarts them with fresh subscriptions.
		/** @type {EventEngine} */
		this.events = new EventEngine(this);
		this.reset();
	}

	/** @returns {Promise<this>} */
	listen() {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.requestedPort, this.host, () => {
				this.server.off('error', reject);
				this.port = /** @type {import('node:net').AddressInfo} */ (this.server.address()).port;
				const hostPart = this.host.includes(':') ? `[${this.host}]` : this.host;
				this.origin = `http://${hostPart}:${this.port}`;
				this.baseUrl = `${this.origin}/api/v1`;
				this.controlUrl = `${this.origin}/__sim`;
				resolve(this);
			});
		});
	}

	close() {
		this.events.stop();
		this.time.cancelAll();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** Holds a request for `ms` of the simulator's time (close() drops every hold). */
	sleep(ms) {
		return this.time.sleep(ms);
	}

	nextLatency() {
		const latency = this.config.latencyMs;
		if (!Array.isArray(latency)) return latency;
		return latency[0] + this.latencyRng() * (latency[1] - latency[0]);
	}

	configure(partial) {
		this.config = validateConfig(deepMerge(clone(this.config), partial));
		this.events.sync();
		return this.getConfig();
	}

	getConfig() {
		return clone(this.config);
	}

	/**
	 * @overload
	 * @param {import('../index').FaultRule} rule
	 * @returns {string}
	 */
	/**
	 * @overload
	 * @param {import('../index').FaultRule[]} rules
	 * @returns {string[]}
	 */
	/** @param {import('../index').FaultRule | import('../index').FaultRule[]} ruleOrArray */
	addFault(ruleOrArray) {
		return this.faultRules.add(ruleOrArray);
	}

	clearFaults() {
		this.faultRules.clear();
	}

	faults() {
		return this.faultRules.list();
	}

	requests() {
		return this.log.list();
	}

	clearRequests() {
		this.log.clear();
	}

	seed({ patients = this.config.patients, seed = this.config.seed } = {}) {
		if (!Number.isInteger(patients) || patients < 0) throw new Error('patients must be an integer >= 0');
		if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
		this.config.patients = patients;
		this.config.seed = seed;
		this.seedTables();
		return { patients, seed };
	}

	// Every table from its own PRNG stream, in registry order: a table may build on the ones seeded
	// before it (appointments draw from the patients), and no table changes another's draws.
	seedTables() {
		const context = { config: this.config, today: this.clock.today(), seeded: {} };
		for (const table of this.tables.values()) {
			table.replace(table.resource.seed(context));
			context.seeded[table.resource.table] = table.all();
		}
	}

	/** One table of the office, e.g. 'patient'. @param {string} name */
	table(name) {
		const table = this.tables.get(name);
		if (!table) throw new Error(`unknown table "${name}"; known: ${[...this.tables.keys()].join(', ')}`);
		return table;
	}

	recordContext() {
		return { now: this.clock.now(), today: this.clock.today() };
	}

	/** Adds a record with the next key and DateTStamp = office now; returns a copy. */
	insert(table, fields = {}) {
		const record = this.table(table).insert(fields, this.recordContext());
		this.writeHistory(table, record, 'Created', OFFICE_USER);
		return { ...record };
	}

	/** Changes fields of a record and sets its DateTStamp to office now; a copy, or null when there is none. */
	update(table, key, fields = {}) {
		return this.edit(table, key, fields);
	}

	/**
	 * update() that names the history row's action and user: the REST writes use it (a break is
	 * Missed or Cancelled, and the API is user 0).
	 */
	edit(table, key, fields = {}, { action = 'Changed', userNum = OFFICE_USER } = {}) {
		const record = this.table(table).update(key, fields, this.recordContext());
		if (!record) return null;
		this.writeHistory(table, record, action, userNum);
		return { ...record };
	}

	/** Sets a record's DateTStamp to office now, as any edit in Open Dental does. */
	touch(table, key) {
		return this.update(table, key, {});
	}

	/** Takes a record out of its table (nothing else goes with it); the removed record, or null. */
	remove(table, key) {
		const record = this.table(table).remove(key);
		if (!record) return null;
		this.writeHistory(table, record, 'Deleted', OFFICE_USER);
		return { ...record };
	}

	// The history row Open Dental writes for a table that keeps one (appointments): the record as it
	// now stands (as it last stood, for Deleted), stamped with the office clock.
	writeHistory(table, record, action, userNum) {
		const { historyTable } = this.table(table).resource;
		if (!historyTable) return;
		const history = { ...record, HistUserNum: userNum, HistDateTStamp: this.clock.now(), HistApptAction: action };
		this.table(historyTable).insert(history, this.recordContext());
	}

	/**
	 * @overload
	 * @param {'patient'} table
	 * @returns {import('../index').Patient[]}
	 */
	/**
	 * @overload
	 * @param {'appointment'} table
	 * @returns {import('../index').Appointment[]}
	 */
	/**
	 * @overload
	 * @param {'recall'} table
	 * @returns {import('../index').Recall[]}
	 */
	/**
	 * @overload
	 * @param {'commlog'} table
	 * @returns {import('../index').Commlog[]}
	 */
	/**
	 * @overload
	 * @param {'commoptout'} table
	 * @returns {import('../index').CommOptOut[]}
	 */
	/**
	 * @overload
	 * @param {'histappointment'} table
	 * @returns {import('../index').HistAppointment[]}
	 */
	/**
	 * @overload
	 * @param {'procedurelog'} table
	 * @returns {import('../index').ProcedureLog[]}
	 */
	/**
	 * @overload
	 * @param {import('../index').TableName} table
	 * @returns {import('../index').SimRecord[]}
	 */
	/**
	 * Copies of a table's records in key order, for tests that compute an expected result.
	 * @param {import('../index').TableName} table
	 * @returns {any[]}
	 */
	records(table) {
		return this.table(table).all().map((record) => ({ ...record }));
	}

	/** @typedef {import('../index').Patient} Patient */

	/** @returns {Patient} */
	insertPatient(fields = {}) {
		return /** @type {Patient} */ (this.insert('patient', fields));
	}

	/** @returns {Patient[]} */
	patients() {
		return this.records('patient');
	}

	/** @returns {Patient | null} */
	touchPatient(patNum) {
		return /** @type {Patient | null} */ (this.touch('patient', patNum));
	}

	// Back to the state right after start: startup config, fresh data, real
	// time, no faults, empty log and no throttle history.
	reset() {
		this.config = clone(this.startupConfig);
		this.faultRules = new FaultRules([...this.tables.keys()]);
		this.throttle = new Throttle();
		this.log = new RequestLog();
		this.latencyRng = mulberry32(this.config.seed);
		this.clock.reset();
		this.seedTables();
		this.events.reset();
	}
}

module.exports = { Simulator };
