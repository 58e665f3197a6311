'use strict';

// The demo's API Events run: "Appointment changes within seconds" activated in the running n8n
// (the office machine polling every second for the demo), two appointments changed in the
// simulated office, what reached the workflow and how soon, and the subscription ended after.

const { arrivals, waitFor } = require('./activeTrigger');

const TRIGGER = 'Appointment changed';
const HANDLER = 'Handle the change (replace with your node)';
const number = (value) => value.toLocaleString('en-US');

/** Activates the events example, changes the office, and returns the lines the demo prints about it. */
async function runEventsDemo(api, sim, workflow) {
	const started = Date.now();
	sim.clearRequests();
	await api.activate(workflow.id);
	const subscription = await waitFor(() => sim.events.subscriptions().find((row) => row.WatchTable === 'Appointment' && row.DateTimeStop.startsWith('0001')), 'the subscription');
	const activation = sim.requests().map((entry) => `${entry.method} ${entry.path}`);

	// The front desk: one appointment confirmed by phone, another given a note.
	const scheduled = sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled');
	const changedAt = new Map();
	changedAt.set(scheduled[0].AptNum, Date.now());
	sim.update('appointment', scheduled[0].AptNum, { Note: 'Confirmed by phone' });
	changedAt.set(scheduled[1].AptNum, Date.now());
	sim.update('appointment', scheduled[1].AptNum, { Note: 'Running 10 minutes late' });
	await waitFor(async () => (await arrivals(api, workflow.id, HANDLER)).length >= 2, 'two changes at the handler');
	// Two more of the office's polls: time for a copy to come.
	await new Promise((resolve) => setTimeout(resolve, 2500));
	const items = await arrivals(api, workflow.id, HANDLER);
	const latency = [...changedAt].map(([aptNum, at]) => {
		const delivery = sim.events.deliveries().find((entry) => entry.ok && entry.keys.includes(aptNum) && entry.answeredAtMs >= at);
		return delivery ? delivery.answeredAtMs - at : NaN;
	});
	await api.deactivate(workflow.id);
	const ended = await waitFor(() => sim.events.subscriptions().find((row) => row.SubscriptionNum === subscription.SubscriptionNum && !row.DateTimeStop.startsWith('0001')), 'the subscription to end');
	const ending = sim.requests().slice(activation.length).map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
	// One more change after deactivation: nothing may reach n8n for it.
	const sentBefore = sim.events.deliveries().length;
	sim.update('appointment', scheduled[2].AptNum, { Note: 'Changed after deactivation' });
	await new Promise((resolve) => setTimeout(resolve, 2500));
	const sentAfter = sim.events.deliveries().length - sentBefore;

	const lines = [
		`activated: ${activation.join(', ')} → subscription ${subscription.SubscriptionNum} for table ${subscription.WatchTable}, workstation ${subscription.Workstation}, every ${subscription.PollingSeconds} s`,
		`changed in the office: appointments ${[...changedAt.keys()].join(' and ')}`,
		...items.map((item) => `→ handler: appointment ${item.AptNum} "${item.Note}" (sent by ${item._workstation})`),
		`each change arrived once: ${items.length === 2 ? 'yes' : 'NO'}; n8n had it ${latency.map((ms) => `${number(Math.round(ms))} ms`).join(' and ')} after the change`,
		`deactivated: ${ending.join(', ')} → stopped from ${ended.DateTimeStop} (this key may not DELETE)`,
		`a change after deactivation: ${sentAfter} deliveries in the 2.5 s after it`,
	];
	return { name: `${workflow.name} (activated)`, lines, durationMs: Date.now() - started, ok: items.length === 2 && sentAfter === 0 };
}

module.exports = { runEventsDemo, TRIGGER };
