'use strict';

// The reminder example ("Tomorrow's appointment reminders", as users import it) on a paid key
// (1 request / s, with the Comm and Queries permissions): a day of appointments, each of another
// patient, run once with each patient lookup. The time with Open Dental is set against the
// throttle floor, (requests − 1) × the key's interval: the least any client could need.

const { startSimulator, DEFAULT_KEYS, intervalFor } = require('../simulator');
const { N8n, describeExecution } = require('../e2e/lib/n8n');
const { COMM_CREDENTIAL, loadExamples, simulatorCredential } = require('../e2e/lib/fixtures');
const { nextDay, officeDate } = require('../e2e/lib/officeDate');

const KEY = DEFAULT_KEYS.find((key) => key.customerKey === 'CommQueryKey0001');
const LOOKUPS = ['perPatient', 'query'];
const SEND = 'Send text (replace with your SMS node)';


/** A day of `count` appointments tomorrow, each of a different active patient, none confirmed yet. */
function bookTomorrow(sim, count) {
	sim.seed();
	const tomorrow = nextDay(officeDate(Date.now(), sim.getConfig().officeTimeZone));
	const patients = sim.patients().filter((patient) => patient.PatStatus === 'Patient').slice(0, count);
	if (patients.length < count) throw new Error(`the simulated office has only ${patients.length} active patients`);
	patients.forEach((patient, index) => {
		const minutes = 8 * 60 + (index % 100) * 5;
		const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
		sim.insert('appointment', { PatNum: patient.PatNum, AptDateTime: `${tomorrow} ${time}`, AptStatus: 'Scheduled', Op: 1 + (index % 4), Confirmed: 19, Pattern: '//XXXX//', ClinicNum: 1, ProvNum: 1 });
	});
	return tomorrow;
}

/** The example with the other lookup, under its own id. */
function withLookup(example, lookup) {
	const copy = JSON.parse(JSON.stringify(example));
	copy.id = `odReminders${lookup === 'query' ? 'Query' : 'Each'}`;
	const reader = copy.nodes.find((node) => node.parameters.resource === 'appointment' && node.parameters.operation === 'getAll');
	reader.parameters.options = { ...reader.parameters.options, patientLookup: lookup };
	return copy;
}

// 200 appointments take about 400 requests at 1 request / s with the per-patient lookup.
const RUN_TIMEOUT_MS = 20 * 60 * 1000;

async function runOnce(n8n, sim, workflow, lookup, intervalMs) {
	sim.clearRequests();
	const result = await n8n.execute(workflow.id, { timeoutMs: RUN_TIMEOUT_MS });
	const outcome = describeExecution(workflow.name, result);
	if (!outcome.ok) throw new Error(outcome.message);
	const log = sim.requests();
	const ends = log.map((entry) => entry.at + (entry.durationMs ?? 0));
	const apiMs = Math.max(...ends) - log[0].at;
	const floorMs = (log.length - 1) * intervalMs;
	const count = (test) => log.filter(test).length;
	const texted = result.run.data.resultData.runData[SEND]?.[0]?.data?.main?.[0]?.length ?? 0;
	return {
		lookup,
		requests: log.length,
		pages: count((entry) => entry.path === '/appointments'),
		lookups: count((entry) => entry.path.startsWith('/patients/') || entry.path === '/queries/ShortQuery'),
		writes: count((entry) => entry.method !== 'GET' && entry.path !== '/queries/ShortQuery'),
		texted,
		rejected429: count((entry) => entry.status === 429),
		n8nMs: result.durationMs,
		apiMs,
		floorMs,
		vsFloor: apiMs / floorMs,
	};
}

/** Runs the reminder example with each lookup on a fresh day of `appointments` appointments. */
async function runReminderBench({ target, progress, appointments }) {
	const sim = await startSimulator({
		patients: Math.max(1000, appointments * 2),
		latencyMs: [80, 120],
		throttle: { mode: 'reject', paidMs: 1000 },
		appointments: { perDay: 0 },
	});
	const n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
	try {
		const intervalMs = intervalFor(KEY, sim.getConfig());
		await n8n.importCredentials([simulatorCredential({ ...COMM_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: KEY, rateLimit: 'paid' })]);
		const example = loadExamples()['appointment-reminders'];
		const workflows = Object.fromEntries(LOOKUPS.map((lookup) => [lookup, withLookup(example, lookup)]));
		await n8n.importWorkflows(Object.values(workflows));
		const runs = [];
		for (const lookup of LOOKUPS) {
			const day = bookTomorrow(sim, appointments);
			progress(`Reminder example, ${appointments} appointments on ${day}, patient lookup "${lookup}"...`);
			runs.push(await runOnce(n8n, sim, workflows[lookup], lookup, intervalMs));
		}
		return { appointments, intervalMs, runs };
	} finally {
		await sim.close();
		n8n.remove();
	}
}

const LOOKUP_LABELS = { perPatient: 'one request per patient', query: 'one query per 100 patients' };
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The markdown table of the reminder runs. */
function reminderTable({ appointments, intervalMs, runs }) {
	const lines = [
		`Reminder example, ${appointments} appointments tomorrow, paid key (1 request per ${intervalMs} ms):`,
		'',
		'| Patient lookup | Requests (pages + lookups + writes) | Texted | Whole n8n run | With Open Dental | Throttle floor | vs floor | 429s |',
		'|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const run of runs) {
		lines.push(
			`| ${LOOKUP_LABELS[run.lookup]} | ${run.requests} (${run.pages} + ${run.lookups} + ${run.writes}) | ${run.texted} | ${seconds(run.n8nMs)} | ${seconds(run.apiMs)} | ${seconds(run.floorMs)} | ${run.vsFloor.toFixed(3)}× | ${run.rejected429} |`,
		);
	}
	return lines.join('\n');
}

module.exports = { runReminderBench, reminderTable };
