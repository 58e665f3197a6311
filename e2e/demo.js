'use strict';

// The demo behind `npm run demo`: the simulator as a dental office, real n8n with the packed
// package, the example workflows run headless, and a summary of what the node did.

const { startSimulator, DEFAULT_KEYS, intervalFor } = require('../simulator');
const { ensureInstalled } = require('./lib/install');
const { N8n, nodeItems, describeExecution } = require('./lib/n8n');
const { startServer } = require('./lib/server');
const { isPortTaken } = require('./lib/ports');
const { stopAll } = require('./lib/proc');
const { COMM_CREDENTIAL, EXAMPLE_CREDENTIAL, QUERY_CREDENTIAL, loadExamples, simulatorCredential } = require('./lib/fixtures');
const { runReminders } = require('./lib/demoReminders');
const { runReports } = require('./lib/demoReports');
const { runEventsDemo, TRIGGER: EVENTS_TRIGGER } = require('./lib/demoEvents');
const { runTriggerDemo, TRIGGER } = require('./lib/demoTrigger');
const { publicApi } = require('./lib/publicApi');
const { withFastEvents, withFastPolls } = require('./lib/activeTrigger');
const { getTarget } = require('./lib/targets');

const PAID_KEY = DEFAULT_KEYS[1];
const QUERY_KEY = DEFAULT_KEYS.find((key) => key.customerKey === 'CommQueryKey0001');

const seconds = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const number = (value) => value.toLocaleString('en-US');

/** The Open Dental node of an example: the one node whose type is the package's. */
function openDentalNodeName(workflow) {
	return workflow.nodes.find((node) => node.type.startsWith('n8n-nodes-open-dental.')).name;
}

function describePacing(log, intervalMs) {
	const rejected = log.filter((entry) => entry.status === 429).length;
	const verdict = `${rejected} rejected by the throttle${rejected ? ' (retried)' : ''}`;
	if (log.length < 2) return `a single request, ${verdict}`;
	const gaps = log.slice(1).map((entry, i) => entry.at - log[i].at);
	const lo = Math.round(Math.min(...gaps));
	const hi = Math.round(Math.max(...gaps));
	return `starts ${number(lo)}–${number(hi)} ms apart (the key allows 1 per ${number(intervalMs)} ms), ${verdict}`;
}

function describeRequests(log) {
	const pages = new Set(log.filter((entry) => entry.status === 200).map((entry) => entry.query.Offset));
	const retries = log.length - pages.size;
	const plural = (count, one, many) => `${number(count)} ${count === 1 ? one : many}`;
	return `${plural(log.length, 'request', 'requests')}: ${plural(pages.size, 'page', 'pages')}, ${plural(retries, 'retry', 'retries')}`;
}

async function runExample(n8n, sim, workflow, intervalMs) {
	sim.clearRequests();
	const result = await n8n.execute(workflow.id);
	// One line: the workflow, n8n's exit code or signal, the node's error; never the run's records.
	const outcome = describeExecution(workflow.name, result);
	if (!outcome.ok) throw new Error(outcome.message);
	const items = nodeItems(result.run, openDentalNodeName(workflow));
	const log = sim.requests();
	const apiMs = log.length > 0 ? log[log.length - 1].at + (log[log.length - 1].durationMs ?? 0) - log[0].at : 0;
	// A crash after a complete, successful run leaves the result whole; it counts, and is shown.
	const crash = outcome.crashedAfterSuccess ? `${outcome.message}, so the run counts` : undefined;
	return { name: workflow.name, items, log, n8nMs: result.durationMs, apiMs, pacing: describePacing(log, intervalMs), crash };
}

function printSummary(results, { patients, changedToday, intervalMs, target }) {
	console.log(`\nOpen Dental node, n8n ${target.n8nVersion} — simulated office with ${number(patients)} patients`);
	console.log(`Remote API rules: 100 rows a page; this paid key may start 1 request per ${number(intervalMs)} ms, and the simulator rejects faster ones with 429.\n`);
	for (const result of results) {
		console.log(`  ${result.name}: ${number(result.items.length)} items`);
		console.log(`    ${describeRequests(result.log)}`);
		console.log(`    pacing: ${result.pacing}`);
		console.log(`    time: ${seconds(result.n8nMs)} for the whole n8n run, ${seconds(result.apiMs)} of it with Open Dental`);
		if (result.crash) console.log(`    ⚠ ${result.crash}`);
	}
	const [all, changed] = results;
	const distinct = new Set(all.items.map((item) => item.json.PatNum)).size;
	console.log(`\n  Every patient, once: ${distinct === patients && all.items.length === patients ? 'yes' : 'NO'} (${number(distinct)} distinct PatNums of ${number(patients)}).`);
	console.log(`  Changed in the last day: ${changed.items.length} of the ${changedToday} the simulator marked as changed today.`);
	console.log('  Records are simplified by default: no SSN; turn Simplify off for the full record.');
}

/** A run's name, time and lines, as the demo prints the reminder and trigger runs. */
function printRun(reminders) {
	console.log(`\n  ${reminders.name} (${seconds(reminders.durationMs)}):`);
	for (const line of reminders.lines) console.log(`    ${line}`);
	if (reminders.crash) console.log(`    ⚠ ${reminders.crash}`);
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
const untilStopped = () => new Promise((resolve) => {
	process.once('SIGINT', resolve);
	process.once('SIGTERM', resolve);
});

async function runDemo({ editor, editorPort, patients, changedToday, owner }) {
	const target = getTarget('n8n-2.41.1');
	let sim;
	let n8n;
	let server;
	const cleanUp = async () => {
		await stopAll();
		await server?.stop();
		await sim?.close();
		n8n?.remove();
	};
	// Ctrl-C during the headless part: stop the n8n processes and the simulator, then exit.
	const interrupt = () => {
		console.log('\nStopping...');
		cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	try {
		if (editor && (await isPortTaken(editorPort))) {
			throw new Error(`port ${editorPort} is in use: stop the other n8n (or whatever listens there) and run the demo again`);
		}
		await ensureInstalled(target);

		// Open every day, so that a demo on a Friday has appointments tomorrow too.
		sim = await startSimulator({ patients, throttle: { mode: 'reject' }, appointments: { openOnWeekends: true, perDay: 40 } });
		const intervalMs = intervalFor(PAID_KEY, sim.getConfig());
		// The office's day: some patients were edited at the front desk.
		const step = Math.floor(patients / changedToday);
		for (let i = 0; i < changedToday; i++) sim.touchPatient(1 + i * step);
		console.log(`\nSimulator: ${sim.baseUrl} (${number(patients)} patients, office time zone ${sim.getConfig().officeTimeZone})`);

		n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
		await n8n.importCredentials([
			simulatorCredential({ ...EXAMPLE_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: PAID_KEY, rateLimit: 'paid' }),
			// The reminders write back: a key with the Comm permission (the paid key has it).
			simulatorCredential({ ...COMM_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: PAID_KEY, rateLimit: 'paid' }),
			// The reports: a key with the Queries permission.
			simulatorCredential({ ...QUERY_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: QUERY_KEY, rateLimit: 'paid' }),
		]);
		const examples = loadExamples();
		// The CRM sync polls every 5 minutes as shipped; every 2 s for the demo.
		examples['sync-patients-to-crm'] = withFastPolls(examples['sync-patients-to-crm'], TRIGGER);
		// The office machine sends appointment changes every 30 s as shipped; every second for the demo.
		examples['appointment-events'] = withFastEvents(examples['appointment-events'], EVENTS_TRIGGER);
		await n8n.importWorkflows(Object.values(examples));
		console.log(`n8n ${target.n8nVersion}: package loaded from its npm pack tarball; credentials "${EXAMPLE_CREDENTIAL.name}", "${COMM_CREDENTIAL.name}" and "${QUERY_CREDENTIAL.name}" and ${Object.keys(examples).length} example workflows imported.`);

		const order = ['all-patients', 'patients-changed-since', 'find-patient-by-phone'];
		const results = [];
		for (const name of order) {
			process.stdout.write(`Running "${examples[name].name}"... `);
			const result = await runExample(n8n, sim, examples[name], intervalMs);
			console.log(`${number(result.items.length)} items`);
			results.push(result);
		}
		process.stdout.write(`Running "${examples['appointment-reminders'].name}"... `);
		const reminders = await runReminders(n8n, sim, examples['appointment-reminders']);
		console.log('done');
		process.stdout.write('Running the two report examples... ');
		const reports = await runReports(n8n, sim, examples['patients-not-seen-18-months'], examples['daily-production-by-provider']);
		console.log('done');
		process.stdout.write('Starting n8n to activate the triggers... ');
		server = await startServer(n8n, { env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all' } });
		const api = await publicApi(server, { owner });
		console.log('done');
		process.stdout.write(`Activating "${examples['sync-patients-to-crm'].name}" and changing patients... `);
		const sync = await runTriggerDemo(api, sim, examples['sync-patients-to-crm']);
		console.log('done');
		process.stdout.write(`Activating "${examples['appointment-events'].name}" and changing appointments... `);
		const events = await runEventsDemo(api, sim, examples['appointment-events']);
		console.log('done');
		await server.stop();
		server = undefined;
		printSummary(results, { patients, changedToday, intervalMs, target });
		printRun(reminders);
		printRun(reports);
		printRun(sync);
		printRun(events);
		if (!reports.ok) throw new Error('the 18-month report did not read past the first page');
		if (!sync.ok) throw new Error('the trigger did not deliver each change exactly once');
		if (!events.ok) throw new Error('the events trigger did not deliver each change exactly once');

		if (!editor) return;
		process.removeListener('SIGINT', interrupt);
		console.log('\nStarting the n8n editor...');
		// The owner account was set up for the trigger run.
		server = await startServer(n8n, { port: editorPort });
		console.log(`\nn8n editor: ${server.url}  (the simulator stays up for it: ${sim.baseUrl})`);
		console.log(`  log in as ${owner.email} / ${owner.password}`);
		console.log('  The examples are under Overview; open one and press "Execute workflow".');
		console.log('Press Ctrl-C to stop n8n and the simulator.');
		await Promise.race([untilStopped(), server.exited]);
		console.log('\nStopping...');
	} finally {
		process.removeListener('SIGINT', interrupt);
		await cleanUp();
	}
}

module.exports = { runDemo };
