'use strict';

// The demo's trigger run: "Sync new and changed patients to a CRM" activated in a running n8n
// (polling every 2 s for the demo), some patients changed and added in the simulated office, and
// what reached the CRM placeholder, once each.

const { arrivals, waitFor } = require('./activeTrigger');

const TRIGGER = 'New or changed patient';
const CRM = 'Upsert contact (replace with your CRM or mailing-list node)';
const number = (value) => value.toLocaleString('en-US');
const plural = (count, one, many) => `${number(count)} ${count === 1 ? one : many}`;

const trigger = (log) => log.filter((entry) => entry.path === '/patients/Simple');
const polls = (sim) => trigger(sim.requests()).filter((entry) => entry.query.DateTStamp !== undefined).length;

/** Activates the sync example in the running n8n (`api`), changes the office, and returns the lines the demo prints about it. */
async function runTriggerDemo(api, sim, workflow) {
	const started = Date.now();
	sim.clearRequests();
	await api.activate(workflow.id);
	await waitFor(() => polls(sim) >= 2, 'the trigger to poll');
	const quiet = (await arrivals(api, workflow.id, CRM)).length;

	// The front desk at work: two patients edited, two added.
	const patients = sim.patients().filter((patient) => patient.PatStatus === 'Patient');
	sim.update('patient', patients[0].PatNum, { Email: 'new.address@example.com' });
	sim.update('patient', patients[1].PatNum, { WirelessPhone: '(503) 555-0188', TxtMsgOk: 'Yes' });
	const added = [sim.insertPatient({ LName: 'Nguyen', FName: 'Lan' }), sim.insertPatient({ LName: 'Okafor', FName: 'Ada' })];
	const changes = 4;
	await waitFor(async () => (await arrivals(api, workflow.id, CRM)).length >= changes, `${changes} changes at the CRM node`);
	const from = polls(sim);
	await waitFor(() => polls(sim) >= from + 2, 'two more polls');
	const items = await arrivals(api, workflow.id, CRM);
	await api.deactivate(workflow.id);
	const log = trigger(sim.requests());

	const lines = [
		`activated: the first poll learnt the office's time and emitted nothing (${plural(quiet, 'item', 'items')} before any change)`,
		`changed in the office: patients ${patients[0].PatNum} and ${patients[1].PatNum} edited, ${added.map((patient) => patient.PatNum).join(' and ')} added`,
		...items.map((item) => `→ CRM placeholder: ${item.change} ${item.externalId} ${item.firstName} ${item.lastName}${item.email ? ` <${item.email}>` : ''}${item.textOk ? ', may text' : ''}`),
		`each change arrived once: ${items.length === changes ? 'yes' : 'NO'} (${plural(items.length, 'item', 'items')} for ${changes} changes, none repeated in the polls after)`,
		`${plural(log.length, 'request', 'requests')}: 2 at activation (the office's time, and what changed in that second), then one per poll; ${log.filter((entry) => entry.status === 429).length} rejected by the throttle`,
	];
	return { name: `${workflow.name} (activated, polling every 2 s for the demo)`, lines, durationMs: Date.now() - started, ok: items.length === changes };
}

module.exports = { runTriggerDemo, TRIGGER };
