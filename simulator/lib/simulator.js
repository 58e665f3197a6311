'use strict';

const http = require('node:http');
const { buildConfig, deepMerge, validateConfig, clone } = require('./config');
const { createClock } = require('./clock');
const { PatientStore } = require('./patient-store');
const { FaultRules } = require('./faults');
const { Throttle } = require('./throttle');
const { RequestLog } = require('./request-log');
const { mulberry32 } = require('./prng');
const { handleRequest } = require('./server');

// One simulated Open Dental office: live config, data, clock, throttle state,
// fault rules and request log, plus the HTTP server that exposes them.
class Simulator {
	constructor({ port = 0, host = '127.0.0.1', ...overrides } = {}) {
		this.requestedPort = port;
		this.host = host;
		this.startupConfig = buildConfig(overrides);
		this.config = clone(this.startupConfig);
		this.clock = createClock(() => this.config.officeTimeZone);
		this.store = new PatientStore();
		this.timers = new Set();
		this.server = http.createServer((req, res) => handleRequest(this, req, res));
		this.reset();
	}

	listen() {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.requestedPort, this.host, () => {
				this.server.off('error', reject);
				this.port = this.server.address().port;
				const hostPart = this.host.includes(':') ? `[${this.host}]` : this.host;
				this.origin = `http://${hostPart}:${this.port}`;
				this.baseUrl = `${this.origin}/api/v1`;
				this.controlUrl = `${this.origin}/__sim`;
				resolve(this);
			});
		});
	}

	close() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	// Timers are tracked so close() never leaves a held request pending.
	sleep(ms) {
		if (!(ms > 0)) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	nextLatency() {
		const latency = this.config.latencyMs;
		if (!Array.isArray(latency)) return latency;
		return latency[0] + this.latencyRng() * (latency[1] - latency[0]);
	}

	configure(partial) {
		this.config = validateConfig(deepMerge(clone(this.config), partial));
		return this.getConfig();
	}

	getConfig() {
		return clone(this.config);
	}

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
		this.store.reseed(patients, seed);
		return { patients, seed };
	}

	insertPatient(fields = {}) {
		return { ...this.store.insert(fields, this.clock.now(), this.clock.today()) };
	}

	/** Copies of every patient in PatNum order, for tests that compute an expected result. */
	patients() {
		return this.store.inPatNumOrder().map((patient) => ({ ...patient }));
	}

	touchPatient(patNum) {
		const patient = this.store.touch(patNum, this.clock.now());
		return patient ? { ...patient } : null;
	}

	// Back to the state right after start: startup config, fresh data, real
	// time, no faults, empty log and no throttle history.
	reset() {
		this.config = clone(this.startupConfig);
		this.faultRules = new FaultRules();
		this.throttle = new Throttle();
		this.log = new RequestLog();
		this.latencyRng = mulberry32(this.config.seed);
		this.clock.reset();
		this.store.reseed(this.config.patients, this.config.seed);
	}
}

module.exports = { Simulator };
