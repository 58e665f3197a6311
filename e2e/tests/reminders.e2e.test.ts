// The three reminder examples as users import them, in real n8n (both pinned versions) against the
// simulator: tomorrow's reminders and the recall campaign run from their "Test now" trigger with
// `n8n execute`; the reply workflow is activated on `n8n start` and driven through its webhook.
import type { Appointment, Patient, RequestLogEntry, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { COMM_CREDENTIAL, loadExamples, manualTrigger, openDentalNode, workflow } from '../lib/fixtures';
import { N8n, nodeItems } from '../lib/n8n';
import { nextDay, officeDate } from '../lib/officeDate';
import { postWhenRegistered, publicApi } from '../lib/publicApi';
import { startServer } from '../lib/server';
import { TARGETS } from '../lib/targets';
import { credentials } from './workflows';

jest.setTimeout(180_000);

const SEND = 'Send text (replace with your SMS node)';
const EXPORT = 'Export (replace with your mailing tool)';
// The example's Confirmation Status Not In: Appointment Confirmed, Texted, eConfirm Sent, eConfirm Accepted.
const ALREADY_HANDLED = [21, 23, 24, 25];
const TEXTED = 23;
const CONFIRMED = 21;

const digits = (text: string) => text.replace(/\D/g, '');
const canText = (patient: Patient) =>
	patient.TxtMsgOk === 'Yes' && digits(patient.WirelessPhone).length >= 10 && !['Inactive', 'Archived', 'Deleted', 'Deceased'].includes(patient.PatStatus);

/** "2026-12-02 13:05:00" → "1:05 PM", as the example's message writes it. */
function clockTime(officeLocal: string): string {
	const [hour, minute] = officeLocal.slice(11, 16).split(':').map(Number);
	return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}
const line = (entry: RequestLogEntry) => `${entry.method} ${entry.path}`;

describe.each(TARGETS.map((target) => [target.n8nVersion, target] as const))('reminder examples in n8n %s', (_version, target) => {
	let sim: Simulator;
	let n8n: N8n;
	let zone: string;
	let server: Awaited<ReturnType<typeof startServer>> | undefined;

	// A commlog for one patient, for the write that times out after Open Dental stored it.
	const TIMEOUT_NOTE = 'Reminder sent by text (timeout test)';
	const timeoutWorkflow = (patNum: number) =>
		workflow('odCommlogTimeout', 'Commlog that times out', [
			[manualTrigger(), openDentalNode('Log', { resource: 'commlog', operation: 'create', patNum, note: TIMEOUT_NOTE, additionalFields: { mode: 'Text' } }, COMM_CREDENTIAL)],
		]);

	beforeAll(async () => {
		// Open every day, so that "tomorrow" has appointments whatever day the test runs.
		sim = await startSimulator({ patients: 400, throttle: { mode: 'off' }, appointments: { openOnWeekends: true, perDay: 20 } });
		zone = sim.getConfig().officeTimeZone;
		n8n = await N8n.create(target, { timezone: zone });
		await n8n.importCredentials(credentials(sim));
		const patient = sim.patients().find((p) => p.PatStatus === 'Patient')!;
		await n8n.importWorkflows([...Object.values(loadExamples()), timeoutWorkflow(patient.PatNum)]);
	}, 180_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.close();
		n8n?.remove();
	});

	beforeEach(() => sim.reset());

	const execute = (workflowId: string) => n8n.executeComplete(workflowId);

	/** Tomorrow as the node saw it: the day after the office's date when its first request arrived. */
	function tomorrowOfRun(): string {
		const [first] = sim.requests().filter((entry) => entry.path === '/appointments');
		const tomorrow = nextDay(officeDate(first.at, zone));
		expect(first.query).toMatchObject({ dateStart: tomorrow, dateEnd: tomorrow, AptStatus: 'Scheduled' });
		return tomorrow;
	}

	test("\"Tomorrow's appointment reminders\" texts each patient who may be texted once, logs it and marks it Texted; a second run texts nobody", async () => {
		const before = sim.records('appointment');
		const patients = new Map(sim.patients().map((patient) => [patient.PatNum, patient]));
		const commlogsBefore = sim.records('commlog').length;

		const { run, code } = await execute('odReminders');
		expect(code).toBe(0);
		const tomorrow = tomorrowOfRun();
		const scheduled = before.filter((apt) => apt.AptDateTime.startsWith(tomorrow) && apt.AptStatus === 'Scheduled');
		const open = scheduled.filter((apt) => !ALREADY_HANDLED.includes(apt.Confirmed));
		const texted = open.filter((apt) => canText(patients.get(apt.PatNum)!));
		expect(texted.length).toBeGreaterThan(0);
		expect(texted.length).toBeLessThan(open.length);

		const message = (apt: Appointment) => {
			const patient = patients.get(apt.PatNum)!;
			return `Hi ${patient.Preferred || patient.FName}, this is a reminder of your dental appointment tomorrow at ${clockTime(apt.AptDateTime)}. Reply C to confirm or X to cancel.`;
		};
		const sent = nodeItems(run, SEND).map((item) => item.json);
		expect(sent.map((item) => [item.AptNum, item.to, item.message])).toEqual(texted.map((apt) => [apt.AptNum, patients.get(apt.PatNum)!.WirelessPhone, message(apt)]));

		// Requests: the day's scheduled appointments (every page), each of their patients once, then the writes.
		const distinctPatients = [...new Set(open.map((apt) => apt.PatNum))];
		expect(sim.requests().map(line)).toEqual([
			...Array(Math.floor(scheduled.length / 100) + 1).fill('GET /appointments'),
			...distinctPatients.map((patNum) => `GET /patients/${patNum}`),
			...texted.map(() => 'POST /commlogs'),
			...texted.map((apt) => `PUT /appointments/${apt.AptNum}/Confirm`),
		]);
		const written = sim.records('commlog').slice(commlogsBefore);
		expect(written.map((commlog) => [commlog.PatNum, commlog.Note, commlog.Mode_, commlog.commType, commlog.SentOrReceived])).toEqual(
			texted.map((apt) => [apt.PatNum, `Appointment reminder sent by text: ${message(apt)}`, 'Text', 'ApptRelated', 'Sent']),
		);
		const after = new Map(sim.records('appointment').map((apt) => [apt.AptNum, apt]));
		for (const apt of before) {
			expect(after.get(apt.AptNum)!.Confirmed).toBe(texted.includes(apt) ? TEXTED : apt.Confirmed);
		}

		sim.clearRequests();
		const again = await execute('odReminders');
		expect(again.code).toBe(0);
		expect(again.run.data.resultData.runData[SEND]).toBeUndefined();
		expect(sim.requests().filter((entry) => entry.method !== 'GET')).toEqual([]);
		expect(sim.records('commlog')).toHaveLength(commlogsBefore + texted.length);
	});

	test('"Recall campaign" sets the status of each patient reachable by text or email, with one Recall commlog each', async () => {
		// Open Dental takes the list's default due dates from its own today: noon keeps that day the
		// same for the expected list and the workflow's read.
		sim.clock.set(`${sim.clock.today()} 12:00:00`);
		const list = await readAll('/recalls/List');
		const reachable = list.filter((row) => /^Text:./.test(String(row.Contact)) || String(row.Contact).includes('@'));
		expect(reachable.length).toBeGreaterThan(0);
		expect(reachable.length).toBeLessThan(list.length);
		const commlogsBefore = sim.records('commlog').length;
		sim.clearRequests();

		const { run, code } = await execute('odRecallCampaign');
		expect(code).toBe(0);
		const channel = (row: Record<string, unknown>) => (String(row.Contact).startsWith('Text:') ? 'Text' : 'Email');
		expect(nodeItems(run, EXPORT).map((item) => [item.json.PatNum, item.json.Type, item.json.channel])).toEqual(
			reachable.map((row) => [row.PatNum, row.Type, channel(row)]),
		);
		const statusWrites = sim.requests().filter((entry) => entry.path === '/recalls/Status');
		expect(statusWrites.map((entry) => entry.body)).toEqual(
			reachable.map((row) => ({
				PatNum: row.PatNum,
				recallType: row.Type,
				RecallStatus: channel(row) === 'Email' ? 143 : 141,
				commlogMode: channel(row),
				commlogNote: `Recall reminder sent by ${channel(row).toLowerCase()}`,
			})),
		);
		const written = sim.records('commlog').slice(commlogsBefore);
		expect(written.map((commlog) => [commlog.PatNum, commlog.commType])).toEqual(reachable.map((row) => [row.PatNum, 'Recall']));
		// Reminded patients leave the list until their next reminder is due.
		const remaining = await readAll('/recalls/List');
		expect(remaining.map((row) => `${row.PatNum}/${row.Type}`)).toEqual(
			list.filter((row) => !reachable.includes(row)).map((row) => `${row.PatNum}/${row.Type}`),
		);
	});

	test('a commlog whose answer times out after Open Dental stored it is written once, and the error says it may have been', async () => {
		sim.configure({ processingLimitMs: 1000 });
		sim.addFault({ method: 'POST', path: '/commlogs', fault: 'committedHang', delayMs: 5000 });
		const { code, run } = await execute('odCommlogTimeout');
		expect(code).toBe(1);
		const error = run.data.resultData.error;
		expect(error.message).toBe('The Open Dental query took longer than its 60 s limit; the commlog may or may not have been written');
		expect(error.description).toContain('The node did not send it again, so it cannot have been written twice.');
		expect(sim.records('commlog').filter((commlog) => commlog.Note === TIMEOUT_NOTE)).toHaveLength(1);
		expect(sim.requests().map((entry) => `${line(entry)} ${entry.status}`)).toEqual(['POST /commlogs 504']);
	});

	test('"Confirm from a text reply", activated: C confirms, X cancels, anything else changes nothing; each reply is logged once', async () => {
		server = await startServer(n8n);
		const api = await publicApi(server);
		await api.activate('odConfirmReply');

		// Three patients whose wireless number finds only them, each booked at 10:00 on the office's
		// tomorrow and on the day after, and on no other day: whichever of the two days "tomorrow" is
		// when the node runs (the office's midnight may pass meanwhile), each has one appointment then.
		const tomorrow = nextDay(officeDate(Date.now(), zone));
		const days = [tomorrow, nextDay(tomorrow)];
		const phones = sim.patients().flatMap((p) => [p.HmPhone, p.WkPhone, p.WirelessPhone].map(digits).filter(Boolean));
		const uniquePhone = (patient: Patient) => digits(patient.WirelessPhone).length >= 10 && phones.filter((phone) => phone.includes(digits(patient.WirelessPhone))).length === 1;
		const booked = new Set(sim.records('appointment').filter((apt) => days.some((day) => apt.AptDateTime.startsWith(day))).map((apt) => apt.PatNum));
		const chosen = sim.patients().filter((patient) => patient.PatStatus === 'Patient' && uniquePhone(patient) && !booked.has(patient.PatNum)).slice(0, 3);
		expect(chosen).toHaveLength(3);
		const bookings = new Map(
			chosen.map((patient) => [
				patient.PatNum,
				days.map((day) => sim.insert('appointment', { PatNum: patient.PatNum, AptDateTime: `${day} 10:00:00`, AptStatus: 'Scheduled', Op: 1, Confirmed: 19, Pattern: '//XXXX//', ClinicNum: 1, ProvNum: 1 }) as unknown as Appointment),
			]),
		);
		const [toConfirm, toCancel, undecided] = chosen;

		let runs = 0;
		/** Posts the reply, waits for its run, and returns the requests and the appointment of the day the node read. */
		const reply = async (patient: Patient, text: string) => {
			sim.clearRequests();
			const answer = await postWhenRegistered(server!.url, 'open-dental-text-reply', { from: patient.WirelessPhone, text });
			expect(answer.status).toBe(200);
			runs += 1;
			await waitFor(async () => (await api.finishedExecutions('odConfirmReply')).length >= runs);
			const [latest] = await api.finishedExecutions('odConfirmReply');
			expect(latest.status).toBe('success');
			const day = sim.requests().find((entry) => entry.path === '/appointments')?.query.dateStart;
			const appointment = bookings.get(patient.PatNum)![days.indexOf(String(day))];
			expect(appointment).toBeDefined();
			return { requests: sim.requests().map(line), appointment };
		};
		const stored = (aptNum: number) => sim.records('appointment').find((apt) => apt.AptNum === aptNum)!;
		const repliesOf = (patNum: number) => sim.records('commlog').filter((c) => c.PatNum === patNum && c.Note.startsWith('Patient replied by text: '));

		const confirmed = await reply(toConfirm, 'C');
		expect(confirmed.requests).toEqual(['GET /patients', 'GET /appointments', `PUT /appointments/${confirmed.appointment.AptNum}/Confirm`, 'POST /commlogs']);
		expect(stored(confirmed.appointment.AptNum).Confirmed).toBe(CONFIRMED);
		expect(repliesOf(toConfirm.PatNum).map((c) => [c.Note, c.SentOrReceived, c.Mode_])).toEqual([['Patient replied by text: C', 'Received', 'Text']]);

		const cancelled = await reply(toCancel, 'cancel please');
		expect(cancelled.requests).toEqual(['GET /patients', 'GET /appointments', `PUT /appointments/${cancelled.appointment.AptNum}/Break`, 'POST /commlogs']);
		expect(stored(cancelled.appointment.AptNum).AptStatus).toBe('UnschedList');
		expect(repliesOf(toCancel.PatNum)).toHaveLength(1);

		const unclear = await reply(undecided, 'what time was it again?');
		expect(unclear.requests).toEqual(['GET /patients', 'GET /appointments']);
		expect(stored(unclear.appointment.AptNum)).toEqual(unclear.appointment);
		expect(repliesOf(undecided.PatNum)).toEqual([]);
		// The other day's appointments were never touched.
		for (const [first, second] of bookings.values()) {
			for (const apt of [first, second]) {
				if ([confirmed, cancelled, unclear].some((run) => run.appointment.AptNum === apt.AptNum)) continue;
				expect(stored(apt.AptNum)).toEqual(apt);
			}
		}
	});

	/** Every page of a list straight from the simulator, for the expected answer. */
	async function readAll(path: string): Promise<Array<Record<string, unknown>>> {
		const [key] = credentials(sim).filter((credential) => credential.id === COMM_CREDENTIAL.id);
		const rows: Array<Record<string, unknown>> = [];
		for (let offset = 0; ; offset += 100) {
			const response = await fetch(`${sim.baseUrl}${path}?Offset=${offset}`, {
				headers: { Authorization: `ODFHIR ${key.data.developerKey}/${key.data.customerKey}`, 'Content-Type': 'application/json' },
			});
			const page = (await response.json()) as Array<Record<string, unknown>>;
			rows.push(...page);
			if (page.length < 100) break;
		}
		sim.clearRequests();
		return rows;
	}
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > until) throw new Error(`not done within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
