'use strict';

const { parseDateTime } = require('../clock');
const { NO_DATETIME } = require('../calendar');
const { parsePaging, pageOf } = require('../paging');

// The office's workstations (table computer, GET /computers) and which of Open Dental's programs
// run on each. Both OpenDental.exe and OpenDentalAPIService.exe process API subscriptions, so a
// machine that runs both fires every event twice, as the real office does.

/** What config `runs` may say, and the programs each means, in the order they fire. */
const PROGRAMS = {
	openDental: ['openDental'],
	apiService: ['apiService'],
	both: ['openDental', 'apiService'],
};

// A small office: the server runs the API Service (recommended: it fires after hours too), two
// workstations run Open Dental, and one has been off for days (its heartbeat stopped then).
const DEFAULT_COMPUTERS = Object.freeze([
	Object.freeze({ CompName: 'SERVER', runs: 'apiService' }),
	Object.freeze({ CompName: 'FRONTDESK', runs: 'openDental' }),
	Object.freeze({ CompName: 'OP1', runs: 'openDental' }),
	Object.freeze({ CompName: 'XRAY', runs: null, lastHeartBeat: '2025-12-29 17:42:10' }),
]);

const COMPUTER_PROPERTIES = ['CompName', 'runs', 'lastHeartBeat'];

function validateComputers(computers) {
	if (!Array.isArray(computers)) throw new Error('computers must be an array');
	const names = new Set();
	computers.forEach((computer, index) => {
		const at = `computers[${index}]`;
		if (!computer || typeof computer !== 'object' || Array.isArray(computer)) throw new Error(`${at} must be an object`);
		const unknown = Object.keys(computer).find((name) => !COMPUTER_PROPERTIES.includes(name));
		if (unknown) throw new Error(`${at}: unknown property "${unknown}"`);
		if (typeof computer.CompName !== 'string' || computer.CompName === '') throw new Error(`${at}.CompName must be a non-empty string`);
		if (names.has(computer.CompName)) throw new Error(`${at}.CompName "${computer.CompName}" is already taken`);
		names.add(computer.CompName);
		if (computer.runs !== null && !Object.prototype.hasOwnProperty.call(PROGRAMS, computer.runs)) {
			throw new Error(`${at}.runs must be one of ${Object.keys(PROGRAMS).join(', ')} or null (stopped)`);
		}
		const heartBeat = computer.lastHeartBeat;
		if (heartBeat !== undefined && heartBeat !== null && parseDateTime(heartBeat) === null) {
			throw new Error(`${at}.lastHeartBeat must be "yyyy-MM-dd HH:mm:ss"`);
		}
	});
}

// A running machine beats every few minutes; the minute it last did is close enough.
const heartBeatOf = (computer, now) => (computer.runs ? `${now.slice(0, 16)}:00` : computer.lastHeartBeat ?? NO_DATETIME);

/** The computer rows, numbered by position, as GET /computers answers them. */
function computerRows(computers, now) {
	return computers.map((computer, index) => ({
		ComputerNum: index + 1, CompName: computer.CompName, LastHeartBeat: heartBeatOf(computer, now),
	}));
}

// GET /computers (23.1.30): paged like the other lists.
function getComputers({ query, sim, key }) {
	return pageOf(computerRows(sim.config.computers, sim.clock.now()), null, parsePaging(query, sim.config, key));
}

/**
 * The programs that process a subscription for `workstation` ('' = every machine), each
 * { CompName, program }: none for a stopped or unknown machine, two for one that runs both.
 */
function firingPrograms(workstation, computers) {
	return computers
		.filter((computer) => computer.runs && (workstation === '' || computer.CompName === workstation))
		.flatMap((computer) => PROGRAMS[computer.runs].map((program) => ({ CompName: computer.CompName, program })));
}

module.exports = { DEFAULT_COMPUTERS, validateComputers, computerRows, getComputers, firingPrograms };
