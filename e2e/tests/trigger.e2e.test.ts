// The Open Dental Trigger in real n8n (both pinned versions), with the CRM sync example ACTIVATED
// on `n8n start` and polling every 2 s against the simulator: every change reaches the CRM
// placeholder exactly once, across the first activation, same-second changes, changes while a
// poll pages, a restart of n8n, deactivation and re-activation, and a failing poll. Then an
// appointment trigger: watched changes with their previous values, and a deletion.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { arrivals, waitFor, withFastPolls } from '../lib/activeTrigger';
import { loadExamples, noOpNode, openDentalTriggerNode, workflow } from '../lib/fixtures';
import { N8n } from '../lib/n8n';
import { publicApi } from '../lib/publicApi';
import { startServer } from '../lib/server';
import { TARGETS } from '../lib/targets';
import { credentials } from './workflows';

jest.setTimeout(240_000);

const WORKFLOW = 'odSyncPatients';
const TRIGGER = 'New or changed patient';
const CRM = 'Upsert contact (replace with your CRM or mailing-list node)';
const APPOINTMENTS = 'odAppointmentChanges';
const APPOINTMENT_CHANGES = 'Appointment changes';
const appointmentWorkflow = workflow(APPOINTMENTS, 'Appointment changes', [
	[
		openDentalTriggerNode('Changed or deleted appointment', { events: ['appointmentChanged', 'appointmentDeleted'], watchFields: ['status', 'confirmation'] }),
		noOpNode(APPOINTMENT_CHANGES),
	],
]);

describe.each(TARGETS.map((target) => [target.n8nVersion, target] as const))('CRM sync trigger, activated, in n8n %s', (_version, target) => {
	let sim: Simulator;
	let n8n: N8n;
	let server: Awaited<ReturnType<typeof startServer>> | undefined;
	let api: Awaited<ReturnType<typeof publicApi>>;
	/** Every change expected at the CRM node so far, as "change:externalId", in order of arrival. */
	const expected: string[] = [];

	const start = async () => {
		server = await startServer(n8n, { env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all' } });
		api = await publicApi(server, { apiKey: api?.apiKey });
	};
	const polls = (path = '/patients/Simple') => sim.requests().filter((entry) => entry.path === path && entry.query.DateTStamp !== undefined).length;
	const received = async () => (await arrivals(api, WORKFLOW, CRM)).map((item) => `${item.change as string}:${item.externalId as string}`);
	/** Waits for `count` more polls to have started (so a duplicate would have had its chance). */
	const morePolls = async (count: number, path?: string) => {
		const from = polls(path);
		await waitFor(() => polls(path) >= from + count, `${count} more polls`);
	};
	/** Waits until the CRM node got everything expected, then two more polls, and compares exactly. */
	const expectArrivals = async (...changes: string[]) => {
		expected.push(...changes);
		// On a timeout the comparison below says what is missing.
		await waitFor(async () => (await received()).length >= expected.length, `${expected.length} items at the CRM node`).catch(() => undefined);
		await morePolls(2);
		expect(await received()).toEqual(expected);
	};
	const updated = (...patNums: number[]) => patNums.map((patNum) => `updated:od-${patNum}`);

	beforeAll(async () => {
		sim = await startSimulator({ patients: 300, throttle: { mode: 'off' } });
		n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
		await n8n.importCredentials(credentials(sim));
		const examples = loadExamples() as Record<string, object>;
		await n8n.importWorkflows([withFastPolls(examples['sync-patients-to-crm'], TRIGGER), appointmentWorkflow]);
		await start();
	}, 240_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.close();
		n8n?.remove();
	});

	test('the first activation emits nothing and starts from the office\'s "now"', async () => {
		sim.touchPatient(7); // before activation
		await api.activate(WORKFLOW);
		await waitFor(() => sim.requests().some((entry) => entry.path === '/patients/Simple' && entry.query.Limit === '1'), 'the first poll');
		await morePolls(3);
		expect(await received()).toEqual([]);
	});

	test('a changed and a new patient arrive once each', async () => {
		sim.touchPatient(3);
		const added = sim.insertPatient({ LName: 'Nguyen', FName: 'Lan', Email: 'lan.nguyen@example.com' });
		await expectArrivals(...updated(3), `created:od-${added.PatNum}`);
		const items = await arrivals(api, WORKFLOW, CRM);
		expect(items.at(-1)).toMatchObject({ externalId: `od-${added.PatNum}`, firstName: 'Lan', lastName: 'Nguyen', email: 'lan.nguyen@example.com', change: 'created' });
	});

	test('changes in the same second as the watermark arrive once each', async () => {
		sim.clock.freeze();
		try {
			sim.touchPatient(11);
			await expectArrivals(...updated(11));
			// The polls since answered with this same serverDateTime: 12 and 13 share its second.
			sim.touchPatient(12);
			sim.touchPatient(13);
			await expectArrivals(...updated(12, 13));
		} finally {
			sim.clock.unfreeze();
		}
	});

	test('changes while a poll pages arrive once per change', async () => {
		sim.clock.freeze();
		// A record changed twice in one second has one DateTStamp: one change. Leave the last test's second.
		sim.clock.advance(1000);
		try {
			for (let patNum = 1; patNum <= 250; patNum++) sim.touchPatient(patNum);
			sim.clock.advance(1000);
			// Between page 1 and page 2 of the next read: patient 50 (page 1, read) and 220 (page 3, not yet) change again.
			sim.addFault({ path: '/patients/Simple', nth: [2], fault: 'mutate', changes: [{ op: 'touch', table: 'patient', key: 50 }, { op: 'touch', table: 'patient', key: 220 }] });
			await expectArrivals(...updated(...Array.from({ length: 250 }, (_, i) => i + 1)), ...updated(50));
		} finally {
			sim.clock.unfreeze();
			sim.clearFaults();
		}
	});

	test('changes made while n8n was stopped arrive once after it starts again', async () => {
		await server!.stop();
		sim.touchPatient(21);
		sim.touchPatient(22);
		await start();
		await expectArrivals(...updated(21, 22));
	});

	test('deactivated, then activated again: the changes in between arrive once, the earlier ones never again', async () => {
		await api.deactivate(WORKFLOW);
		sim.touchPatient(31);
		sim.insertPatient({ LName: 'Okafor', FName: 'Ada' });
		const added = sim.patients().at(-1)!;
		await api.activate(WORKFLOW);
		await expectArrivals(...updated(31), `created:od-${added.PatNum}`);
	});

	test('a failing poll (401) is an error execution; the next poll brings the change once', async () => {
		const failed = async () => ((await api.finishedExecutions(WORKFLOW)) as Array<{ status: string }>).filter((execution) => execution.status === 'error');
		const errorsBefore = (await failed()).length;
		sim.addFault({ path: '/patients/Simple', fault: 'unauthorized', times: 1 });
		sim.touchPatient(41);
		await expectArrivals(...updated(41));
		expect(await failed()).toHaveLength(errorsBefore + 1);
	});

	test('appointments: a confirmation and a status change arrive once with their previous values, a deletion once', async () => {
		await api.activate(APPOINTMENTS);
		await waitFor(() => polls('/appointments') >= 2, 'the appointment trigger to poll');
		const upcoming = sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled' && apt.AptDateTime > sim.clock.now());
		const [toConfirm, toBreak, toDelete] = upcoming;
		const confirmed = toConfirm.Confirmed === 21 ? 22 : 21;
		sim.update('appointment', toConfirm.AptNum, { Confirmed: confirmed });
		sim.update('appointment', toBreak.AptNum, { AptStatus: 'Broken' });
		sim.remove('appointment', toDelete.AptNum);
		const changes = async () =>
			(await arrivals(api, APPOINTMENTS, APPOINTMENT_CHANGES)).map((item) => [item._event, item.AptNum, item.changedFields ?? item.HistApptAction, item.previous ?? null]);
		await waitFor(async () => (await changes()).length >= 3, '3 appointment changes').catch(() => undefined);
		await morePolls(2, '/appointments');
		// A poll under way when the changes were made may bring the deletion before the changes: compare in AptNum order.
		const byAptNum = (rows: unknown[][]) => [...rows].sort((a, b) => Number(a[1]) - Number(b[1]));
		expect(byAptNum(await changes())).toEqual([
			['appointmentChanged', toConfirm.AptNum, ['confirmation'], { Confirmed: toConfirm.Confirmed }],
			['appointmentChanged', toBreak.AptNum, ['status'], { AptStatus: 'Scheduled' }],
			['appointmentDeleted', toDelete.AptNum, 'Deleted', null],
		]);
		await api.deactivate(APPOINTMENTS);
	});
});
