'use strict';

// The demo's reminder run: "Tomorrow's appointment reminders" in n8n against the simulated
// office, and what it sent (to the placeholder node) and wrote back to Open Dental.

const { nodeItems, describeExecution } = require('./n8n');

const SEND = 'Send text (replace with your SMS node)';
const APPOINTMENTS = "Tomorrow's appointments";
const number = (value) => value.toLocaleString('en-US');
const plural = (count, one, many) => `${number(count)} ${count === 1 ? one : many}`;

/** Items of a node, or none when the workflow stopped before it (e.g. nobody to text). */
function itemsOf(run, nodeName) {
	return run.data.resultData.runData[nodeName] ? nodeItems(run, nodeName) : [];
}

/** What each request did, in words. */
function requestCounts(log) {
	const count = (test) => log.filter(test).length;
	return [
		plural(count((entry) => entry.path === '/appointments'), 'appointment page', 'appointment pages'),
		plural(count((entry) => entry.path.startsWith('/patients/')), 'patient lookup', 'patient lookups'),
		plural(count((entry) => entry.path === '/commlogs'), 'commlog written', 'commlogs written'),
		plural(count((entry) => entry.path.endsWith('/Confirm')), 'confirmation set', 'confirmations set'),
	].join(', ');
}

/** Runs the reminder example and returns the lines the demo prints about it. */
async function runReminders(n8n, sim, workflow) {
	sim.clearRequests();
	const commlogsBefore = sim.records('commlog').length;
	const result = await n8n.execute(workflow.id);
	const outcome = describeExecution(workflow.name, result);
	if (!outcome.ok) throw new Error(outcome.message);
	const appointments = itemsOf(result.run, APPOINTMENTS).map((item) => item.json);
	const sent = itemsOf(result.run, SEND).map((item) => item.json);
	const log = sim.requests();
	const written = sim.records('commlog').slice(commlogsBefore);
	const texted = new Set(sent.map((item) => item.AptNum));
	const marked = sim.records('appointment').filter((apt) => texted.has(apt.AptNum) && apt.confirmed === 'Texted');
	const mayText = appointments.filter((apt) => apt.patient?.canText).length;
	const reasons = {};
	for (const apt of appointments) if (apt.patient && !apt.patient.canText) reasons[apt.patient.noTextReason] = (reasons[apt.patient.noTextReason] ?? 0) + 1;

	const lines = [
		`${result.run.data.resultData.runData[APPOINTMENTS] ? plural(appointments.length, 'appointment', 'appointments') : 'no appointments'} tomorrow not yet texted or confirmed; ${number(mayText)} may be texted`,
	];
	const skipped = Object.entries(reasons).map(([reason, count]) => `${count} ${reason}`);
	if (skipped.length > 0) lines.push(`not texted: ${skipped.join(', ')}`);
	for (const item of sent.slice(0, 2)) lines.push(`sent to ${item.to}: "${item.message}"`);
	if (sent.length > 2) lines.push(`… and ${plural(sent.length - 2, 'more text', 'more texts')} (to the placeholder node: nothing left the machine)`);
	const sample = written.length > 0 ? ` ("${written[0].Note.slice(0, 48)}…")` : '';
	lines.push(`wrote ${plural(written.length, 'commlog', 'commlogs')}${sample} and marked ${plural(marked.length, 'appointment', 'appointments')} Texted in Open Dental`);
	lines.push(`${plural(log.length, 'request', 'requests')}: ${requestCounts(log)}; ${log.filter((entry) => entry.status === 429).length} rejected by the throttle`);
	return { name: workflow.name, lines, durationMs: result.durationMs, crash: outcome.crashedAfterSuccess ? `${outcome.message}, so the run counts` : undefined };
}

module.exports = { runReminders };
