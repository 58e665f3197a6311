// The report examples and the Events Trigger in real n8n (both pinned versions) against the
// simulator. The two reports run from their "Test now" trigger with `n8n execute`: every row past
// 100 exact, and a write statement refused before any request. The appointment events example is
// ACTIVATED on `n8n start`: a change reaches it within 2 s, once, also when Open Dental sends it
// again; a forged delivery is refused; deactivation ends the subscription.
import type { Simulator } from '../../simulator';
import { DEFAULT_KEYS, startSimulator } from '../../simulator';
import { arrivals, waitFor, withFastEvents } from '../lib/activeTrigger';
import { loadExamples, manualTrigger, openDentalNode, QUERY_CREDENTIAL, simulatorCredential, workflow } from '../lib/fixtures';
import { N8n, nodeItems } from '../lib/n8n';
import { publicApi } from '../lib/publicApi';
import { startServer } from '../lib/server';
import { TARGETS } from '../lib/targets';
import { credentials } from './workflows';

jest.setTimeout(240_000);

const EVENTS = 'odAppointmentEvents';
const EVENTS_FULL = 'odAppointmentEventsFullKey';
const TRIGGER = 'Appointment changed';
const HANDLER = 'Handle the change (replace with your node)';
const FULL_ACCESS = DEFAULT_KEYS.find((key) => key.customerKey === 'FullAccessKey001')!;
const FULL_CREDENTIAL = { id: 'odSimulatorFullCred', name: 'Open Dental simulator (all permissions)' };

type Doc = { id: string; name: string; nodes: Array<{ name: string; parameters: Record<string, unknown>; webhookId?: string; credentials?: object }> };

/** The events example answering within a second, under another id, webhook and credential if given. */
function fastEvents(example: Doc, id = EVENTS, credential?: { id: string; name: string }): Doc {
	const copy = withFastEvents(example, TRIGGER) as Doc;
	copy.id = id;
	const trigger = copy.nodes.find((node) => node.name === TRIGGER)!;
	if (credential) {
		copy.name = `${copy.name} (all permissions)`;
		trigger.webhookId = '0c8d5e41-7a2b-4f3c-8e6d-9b1a2c3d4e5f';
		trigger.credentials = { openDentalApi: credential };
	}
	return copy;
}

const lastProcedureDates = (sim: Simulator) => {
	const last = new Map<number, string>();
	for (const proc of sim.records('procedurelog')) {
		if (proc.ProcStatus !== 2) continue;
		const day = String(proc.ProcDate).slice(0, 10);
		if ((last.get(proc.PatNum) ?? '') < day) last.set(proc.PatNum, day);
	}
	return last;
};

describe.each(TARGETS.map((target) => [target.n8nVersion, target] as const))('reports and API events in n8n %s', (_version, target) => {
	let sim: Simulator;
	let n8n: N8n;
	let server: Awaited<ReturnType<typeof startServer>> | undefined;
	let api: Awaited<ReturnType<typeof publicApi>>;

	beforeAll(async () => {
		// Open every day, so that yesterday has production whatever day the test runs; rounds every 100 ms.
		sim = await startSimulator({ patients: 250, throttle: { mode: 'off' }, appointments: { openOnWeekends: true }, events: { tickMs: 100 } });
		n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
		await n8n.importCredentials([...credentials(sim), simulatorCredential({ ...FULL_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: FULL_ACCESS })]);
		const examples = loadExamples() as Record<string, Doc>;
		const refused = workflow('odWriteRefused', 'A write as a report', [
			[manualTrigger(), openDentalNode('Report', { resource: 'query', operation: 'run', sql: 'UPDATE patient SET LName = "x"', returnAll: true }, QUERY_CREDENTIAL)],
		]);
		await n8n.importWorkflows([
			examples['daily-production-by-provider'],
			examples['patients-not-seen-18-months'],
			refused,
			fastEvents(examples['appointment-events']),
			fastEvents(examples['appointment-events'], EVENTS_FULL, FULL_CREDENTIAL),
		]);
	}, 240_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.close();
		n8n?.remove();
	});

	test('"Patients not seen in 18 months" returns every such patient, past 100 rows, a request per 100', async () => {
		sim.clearRequests();
		const { run } = await n8n.executeComplete('odPatientsNotSeen');
		const last = lastProcedureDates(sim);
		const cutoff = new Date(`${sim.clock.now().slice(0, 10)}T00:00:00Z`);
		const day = cutoff.getUTCDate();
		cutoff.setUTCMonth(cutoff.getUTCMonth() - 18, 1);
		cutoff.setUTCDate(Math.min(day, new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate()));
		const before = cutoff.toISOString().slice(0, 10);
		const expected = sim
			.patients()
			.filter((patient) => patient.PatStatus === 'Patient' && last.has(patient.PatNum) && last.get(patient.PatNum)! < before)
			.map((patient) => ({ patNum: patient.PatNum, name: `${patient.FName} ${patient.LName}`, mobile: patient.WirelessPhone, email: patient.Email, lastVisit: last.get(patient.PatNum) }));
		expect(expected.length).toBeGreaterThan(100);

		expect(nodeItems(run, 'Reactivation list (replace with your mailing tool)').map((item) => item.json)).toEqual(expected.map((row) => expect.objectContaining(row)));
		const sql = (loadExamples() as Record<string, Doc>)['patients-not-seen-18-months'].nodes.find((node) => node.name === 'Patients not seen in 18 months')!.parameters.sql;
		expect(sim.requests().map((entry) => ({ request: `${entry.method} ${entry.path}`, query: entry.query, body: entry.body }))).toEqual(
			Array.from({ length: Math.floor(expected.length / 100) + 1 }, (_, page) => ({
				request: 'PUT /queries/ShortQuery',
				query: { Limit: '100', Offset: String(page * 100) },
				body: { SqlCommand: sql },
			})),
		);
	});

	test('"Daily production by provider" sums yesterday\'s completed procedures per provider in one request', async () => {
		sim.clearRequests();
		const { run } = await n8n.executeComplete('odDailyProduction');
		const today = new Date(`${sim.clock.now().slice(0, 10)}T00:00:00Z`);
		const yesterday = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
		const byProvider = new Map<number, { count: number; cents: number }>();
		for (const proc of sim.records('procedurelog')) {
			if (proc.ProcStatus !== 2 || String(proc.ProcDate).slice(0, 10) !== yesterday) continue;
			const entry = byProvider.get(proc.ProvNum) ?? { count: 0, cents: 0 };
			entry.count++;
			entry.cents += Math.round(Number(proc.ProcFee) * 100);
			byProvider.set(proc.ProvNum, entry);
		}
		expect(byProvider.size).toBeGreaterThan(1);
		const items = nodeItems(run, 'Report row (replace with your sheet or email node)').map((item) => [item.json.procedures, item.json.production]);
		expect(items).toEqual([...byProvider.keys()].sort((a, b) => a - b).map((provNum) => [byProvider.get(provNum)!.count, byProvider.get(provNum)!.cents / 100]));
		expect(sim.requests().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['PUT /queries/ShortQuery']);
	});

	test('a write statement is refused before any request', async () => {
		sim.clearRequests();
		const { run } = await n8n.execute('odWriteRefused');
		expect(run?.data?.resultData?.error?.message).toBe('Item 0: "SQL" starts with UPDATE: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run');
		expect(sim.requests()).toEqual([]);
	});

	describe('the Events Trigger, activated', () => {
		const received = async () => (await arrivals(api, EVENTS, HANDLER)).map((item) => `${item.AptNum as number}:${item.Note as string}`);
		let url = '';
		const live = () => sim.events.subscriptions().filter((row) => row.EndPointUrl === url && row.DateTimeStop.startsWith('0001'));
		/** Two more of the office's polls (1 s apart): time for a duplicate to have come. */
		const twoMorePolls = async () => await new Promise((resolve) => setTimeout(resolve, 2500));
		const touchAppointment = (aptNum: number, note: string) => sim.update('appointment', aptNum, { Note: note });

		beforeAll(async () => {
			server = await startServer(n8n, { env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all' } });
			api = await publicApi(server);
			sim.clearRequests();
			await api.activate(EVENTS);
			url = await waitFor(() => sim.events.subscriptions().find((row) => row.WatchTable === 'Appointment')?.EndPointUrl, 'the subscription');
		}, 240_000);

		test('activation creates one subscription: this URL, the table, the workstation, the seconds', async () => {
			expect(url).toMatch(new RegExp(`^${server!.url}/webhook/.+/events$`));
			expect(sim.events.subscriptions().map(({ WatchTable, Workstation, PollingSeconds, CustomerKey }) => ({ WatchTable, Workstation, PollingSeconds, CustomerKey }))).toEqual([
				{ WatchTable: 'Appointment', Workstation: 'SERVER', PollingSeconds: 1, CustomerKey: DEFAULT_KEYS[0].customerKey },
			]);
			expect(sim.requests().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /subscriptions', 'POST /subscriptions']);
		});

		test('a change arrives within 2 s, once', async () => {
			const aptNum = sim.records('appointment')[3].AptNum;
			const changedAt = Date.now();
			touchAppointment(aptNum, 'moved to 3 pm');
			const delivery = await waitFor(() => sim.events.deliveries().find((entry) => entry.url === url && entry.ok && entry.keys.includes(aptNum)), 'the delivery');
			expect(delivery.answeredAtMs! - changedAt).toBeLessThanOrEqual(2000);
			await waitFor(async () => (await received()).length >= 1, 'the item');
			await twoMorePolls();
			expect(await received()).toEqual([`${aptNum}:moved to 3 pm`]);
		});

		test('a delivery Open Dental took for failed comes again whole, and each change still once', async () => {
			const [first, second] = sim.records('appointment').slice(10, 12).map((apt) => apt.AptNum);
			sim.events.failNext(1);
			touchAppointment(first, 'confirmed by phone');
			touchAppointment(second, 'running late');
			await waitFor(() => sim.events.deliveries().some((entry) => entry.url === url && entry.ok && entry.keys.includes(first)), 'the re-sent delivery');
			await waitFor(async () => (await received()).length >= 3, 'the items').catch(() => undefined);
			await twoMorePolls();
			expect((await received()).slice(1)).toEqual([`${first}:confirmed by phone`, `${second}:running late`]);
			expect(sim.events.deliveries().filter((entry) => entry.url === url && entry.keys.includes(first)).length).toBeGreaterThanOrEqual(2);
		});

		test('a delivery without the customer key is refused with 401 and starts nothing', async () => {
			const before = (await api.finishedExecutions(EVENTS)).length;
			const forged = [{ AptNum: 1, PatNum: 1, Note: 'forged', DateTStamp: '2026-01-01 00:00:00' }];
			const post = async (headers: Record<string, string>) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(forged) })).status;
			expect(await post({ Authorization: 'WrongCustKey0042' })).toBe(401);
			expect(await post({})).toBe(401);
			expect(await post({ Authorization: `ODFHIR ${DEFAULT_KEYS[0].developerKey}/${DEFAULT_KEYS[0].customerKey}` })).toBe(401);
			await twoMorePolls();
			expect((await api.finishedExecutions(EVENTS)).length).toBe(before);
		});

		test('deactivation ends the subscription: a free key stops it (PUT), nothing is sent after', async () => {
			await api.deactivate(EVENTS);
			await waitFor(() => live().length === 0, 'the subscription to end');
			const [ended] = sim.events.subscriptions().filter((row) => row.EndPointUrl === url);
			expect(ended.DateTimeStop < sim.clock.now()).toBe(true);
			const sent = sim.events.deliveries().length;
			touchAppointment(sim.records('appointment')[20].AptNum, 'after deactivation');
			await new Promise((resolve) => setTimeout(resolve, 2500));
			expect(sim.events.deliveries().length).toBe(sent);
		});

		test('deactivation with a key that may delete leaves no subscription behind', async () => {
			await api.activate(EVENTS_FULL);
			await waitFor(() => sim.events.subscriptions().some((row) => row.CustomerKey === FULL_ACCESS.customerKey), 'the subscription');
			await api.deactivate(EVENTS_FULL);
			await waitFor(() => !sim.events.subscriptions().some((row) => row.CustomerKey === FULL_ACCESS.customerKey), 'the subscription to be deleted');
			expect(sim.requests().filter((entry) => entry.customerKey === FULL_ACCESS.customerKey).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
				'GET /subscriptions',
				'POST /subscriptions',
				'GET /subscriptions',
				expect.stringMatching(/^DELETE \/subscriptions\/\d+$/),
			]);
		});
	});
});
