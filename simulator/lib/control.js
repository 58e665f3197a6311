'use strict';

const { sendJson } = require('./respond');
const { readBody, parseJsonBody } = require('./request-body');

// The /__sim API: test and demo hooks outside /api/v1, no auth, JSON in and
// out. Control calls are not written to the request log, so polling the log
// does not change it.

async function readJson(req) {
	const { text, tooLarge } = await readBody(req);
	if (tooLarge) throw new Error('control body too large');
	try {
		return parseJsonBody(text) ?? {};
	} catch {
		throw new Error('control body must be JSON');
	}
}

class ControlError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

function tableOf(sim, query) {
	if (!sim.tables.has(query.table)) throw new ControlError(400, `table must be one of: ${[...sim.tables.keys()].join(', ')}`);
	return sim.table(query.table);
}

/** The record's key, named by the table's primary key (?PatNum=5) or as ?id=5. */
function keyOf(table, query) {
	const { primaryKey } = table.resource;
	const value = query[primaryKey] ?? query.id;
	if (!/^\d+$/.test(value || '')) throw new ControlError(400, `${primaryKey} must be an integer`);
	return Number(value);
}

/** Changes a record's fields (none: only its DateTStamp), as an edit in Open Dental would. */
function change(sim, query, fields) {
	const table = tableOf(sim, query);
	const key = keyOf(table, query);
	const record = sim.update(query.table, key, fields);
	if (!record) throw new ControlError(404, `${query.table} ${key} not found`);
	return record;
}

const clockState = (sim) => ({ now: sim.clock.now(), frozen: sim.clock.isFrozen() });

// set, then advanceMs, then freeze: each optional. Frozen or not, set and advanceMs move the clock.
function setClock(sim, body) {
	if (body.freeze !== undefined && typeof body.freeze !== 'boolean') throw new ControlError(400, 'freeze must be true or false');
	if (body.set !== undefined) sim.clock.set(body.set);
	if (body.advanceMs !== undefined) sim.clock.advance(body.advanceMs);
	if (body.freeze === true) sim.clock.freeze();
	if (body.freeze === false) sim.clock.unfreeze();
	return clockState(sim);
}

/** Deletes a record; an appointment leaves its Deleted history row. */
function remove(sim, query) {
	const table = tableOf(sim, query);
	const key = keyOf(table, query);
	const record = sim.remove(query.table, key);
	if (!record) throw new ControlError(404, `${query.table} ${key} not found`);
	return record;
}

const ACTIONS = {
	'GET /requests': (sim) => sim.requests(),
	'DELETE /requests': (sim) => (sim.clearRequests(), { cleared: true }),
	'GET /config': (sim) => sim.getConfig(),
	'POST /config': (sim, { body }) => sim.configure(body),
	'GET /faults': (sim) => sim.faults(),
	'POST /faults': (sim, { body }) => {
		const ids = sim.addFault(body);
		return { ids: Array.isArray(ids) ? ids : [ids] };
	},
	'DELETE /faults': (sim) => (sim.clearFaults(), { cleared: true }),
	'POST /seed': (sim, { body }) => sim.seed(body),
	'GET /clock': (sim) => clockState(sim),
	'POST /clock': (sim, { body }) => setClock(sim, body),
	'POST /touch': (sim, { query }) => change(sim, query, {}),
	'POST /records': (sim, { query, body }) => sim.insert(tableOf(sim, query).resource.table, body),
	'PATCH /records': (sim, { query, body }) => change(sim, query, body),
	'DELETE /records': (sim, { query }) => remove(sim, query),
	'POST /patients': (sim, { body }) => sim.insertPatient(body),
	'POST /reset': (sim) => (sim.reset(), { reset: true }),
	'POST /events/run': (sim, { body }) => sim.events.run(body),
	'POST /events/fail-next': (sim, { body }) => ({ pending: sim.events.failNext(body.count ?? 1) }),
	'GET /events/deliveries': (sim) => sim.events.deliveries(),
	'DELETE /events/deliveries': (sim) => (sim.events.clearDeliveries(), { cleared: true }),
	'GET /events/subscriptions': (sim) => sim.events.subscriptions(),
};

async function handleControl(sim, req, res, subPath, query) {
	const action = ACTIONS[`${req.method} ${subPath}`];
	try {
		const body = req.method === 'POST' || req.method === 'PATCH' ? await readJson(req) : (req.resume(), undefined);
		if (!action) throw new ControlError(404, `Unknown control endpoint ${req.method} /__sim${subPath}`);
		// A round of API Events answers once its deliveries are done.
		const result = await action(sim, { body, query });
		const created = req.method === 'POST' && (subPath === '/patients' || subPath === '/records');
		sendJson(res, created ? 201 : 200, result);
	} catch (error) {
		sendJson(res, error.status || 400, { error: error.message });
	}
}

module.exports = { handleControl };
