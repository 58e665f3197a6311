'use strict';

const { Simulator } = require('./lib/simulator');
const { DEFAULT_KEYS } = require('./lib/config');
const { intervalFor } = require('./lib/throttle');
const { pageCap } = require('./lib/paging');
const { maxInFlight } = require('./lib/request-log');
const { manualTime } = require('./lib/time');
const { OPT_OUT } = require('./lib/resources/commoptouts');

// Starts a simulated Open Dental REST API and resolves once it listens.
async function startSimulator(options = {}) {
	return new Simulator(options).listen();
}

module.exports = { startSimulator, DEFAULT_KEYS, OPT_OUT, intervalFor, pageCap, maxInFlight, manualTime };
