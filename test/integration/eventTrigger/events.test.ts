// The Events Trigger in n8n-core's hook and webhook contexts against the simulator's API Events,
// over real HTTP both ways: the subscription it makes, reuses and ends (the exact requests), and
// what it emits from the office's deliveries (each change once) and from forged ones (nothing).
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { OpenDentalEventTrigger } from '../../../nodes/OpenDentalEventTrigger/OpenDentalEventTrigger.node';
import { DEFAULT_KEYS, type Simulator, startSimulator } from '../../../simulator';
import { runLoadOptions } from '../../harness/n8nLoadOptions';
import { WebhookUnderTest } from '../../harness/n8nWebhook';
import { simulatorCredential } from '../setup';

const FREE = DEFAULT_KEYS[0];
const FULL = DEFAULT_KEYS.find((key) => key.customerKey === 'FullAccessKey001')!;
const OFFICE_ZONE = 'America/Chicago';

let sim: Simulator;
let triggers: WebhookUnderTest[] = [];

beforeAll(async () => {
	sim = await startSimulator({ patients: 60, throttle: { mode: 'off' }, events: { auto: false } });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ events: { auto: false } });
	// Open Dental polls up to (not including) the second it polls in: the office clock is held and moved on by hand.
	sim.clock.set('2026-01-06 09:00:00');
	sim.clock.freeze();
});
afterEach(async () => {
	await Promise.all(triggers.map(async (node) => await node.close()));
	triggers = [];
});

const credential = (key = FREE) => simulatorCredential(sim, { customerKey: key.customerKey, officeTimeZone: OFFICE_ZONE });

async function activeTrigger(parameters: Record<string, unknown> = {}, key = FREE, webhookBaseUrl?: string): Promise<WebhookUnderTest> {
	const trigger = await new WebhookUnderTest({
		nodeType: new OpenDentalEventTrigger(),
		credentialType: new OpenDentalApi(),
		credentials: credential(key),
		parameters: { watchTable: 'Appointment', workstation: 'SERVER', pollingSeconds: 1, ...parameters },
		webhookBaseUrl,
	}).start();
	triggers.push(trigger);
	return trigger;
}

/** n8n's activation: create when checkExists finds nothing. */
async function activate(node: WebhookUnderTest): Promise<void> {
	if (!(await node.hook('checkExists'))) await node.hook('create');
}

const lines = () => sim.requests().map((entry) => `${entry.method} ${entry.path}`);
// n8n keeps a node's static data under "node:<its name>".
const state = (node: WebhookUnderTest) => node.staticData()['node:Node Under Test'] as Record<string, Record<string, unknown>> | undefined;
const notes = (node: WebhookUnderTest) => node.items().map((item) => `${item.AptNum as number}:${item.Note as string}`);
/** A change in the office, then a second on: the next poll's window holds it. */
function change(aptNum: number, note: string): void {
	sim.update('appointment', aptNum, { Note: note });
	sim.clock.advance(1000);
}
const deliver = async () => await sim.events.run({ ignoreInterval: true });

describe('activation and deactivation', () => {
	it('creates one subscription for this URL, table, workstation and seconds, and remembers its number', async () => {
		const node = await activeTrigger();
		await activate(node);

		expect(lines()).toEqual(['GET /subscriptions', 'POST /subscriptions']);
		expect(sim.requests()[1].body).toEqual({ EndPointUrl: node.url(), Workstation: 'SERVER', PollingSeconds: 1, WatchTable: 'Appointment', Note: 'n8n workflow harness-workflow, node Node Under Test' });
		const [subscription] = sim.events.subscriptions();
		expect(subscription).toMatchObject({ EndPointUrl: node.url(), WatchTable: 'Appointment', Workstation: 'SERVER', PollingSeconds: 1, CustomerKey: FREE.customerKey });
		expect(state(node)?.openDentalEvents).toMatchObject({ v: 1, setup: 'Appointment', seq: 0, subscription: subscription.SubscriptionNum, seen: {}, fingerprints: [] });
	});

	it('activated again, finds its subscription and sends nothing; changed settings are put, copies ended', async () => {
		const node = await activeTrigger();
		await activate(node);
		sim.clearRequests();
		expect(await node.hook('checkExists')).toBe(true);
		expect(lines()).toEqual(['GET /subscriptions']);

		// The same workflow activated again with another workstation and polling seconds.
		const changed = await activeTrigger({ workstation: 'FRONTDESK', pollingSeconds: 5 }, FREE, `${node.origin}/webhook`);
		expect(changed.url()).toBe(node.url());
		// A copy made by hand (or by an activation whose answer was lost).
		await fetch(`${sim.baseUrl}/subscriptions`, {
			method: 'POST',
			headers: { Authorization: `ODFHIR ${FREE.developerKey}/${FREE.customerKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ EndPointUrl: changed.url(), Workstation: 'SERVER', PollingSeconds: 1, WatchTable: 'Appointment' }),
		});
		sim.clearRequests();
		expect(await changed.hook('checkExists')).toBe(true);
		const [first, copy] = sim.events.subscriptions();
		expect(lines()).toEqual(['GET /subscriptions', `DELETE /subscriptions/${copy.SubscriptionNum}`, `PUT /subscriptions/${copy.SubscriptionNum}`, `PUT /subscriptions/${first.SubscriptionNum}`]);
		expect(sim.requests()[3].body).toEqual({ Workstation: 'FRONTDESK', PollingSeconds: 5 });
		expect(first).toMatchObject({ Workstation: 'FRONTDESK', PollingSeconds: 5, DateTimeStop: '0001-01-01 00:00:00' });
		expect(copy.DateTimeStop < sim.clock.now()).toBe(true);
	});

	it('deactivated with a free key: DELETE is refused (401), so the stop time is set to yesterday; nothing is sent after', async () => {
		const node = await activeTrigger();
		await activate(node);
		const number = sim.events.subscriptions()[0].SubscriptionNum;
		sim.clearRequests();

		expect(await node.hook('delete')).toBe(true);

		expect(lines()).toEqual(['GET /subscriptions', `DELETE /subscriptions/${number}`, `PUT /subscriptions/${number}`]);
		expect(sim.requests().map((entry) => entry.status)).toEqual([200, 401, 200]);
		// The day before the subscription's start: the office's clock, behind n8n's here.
		expect(sim.requests()[2].body).toEqual({ DateTimeStop: '2026-01-05 00:00:00', Note: 'Ended by n8n' });
		change(sim.records('appointment')[0].AptNum, 'after');
		expect(await deliver()).toEqual([]);
	});

	it('deactivated with a key that may delete: no subscription is left', async () => {
		const node = await activeTrigger({}, FULL);
		await activate(node);
		const number = sim.events.subscriptions()[0].SubscriptionNum;
		sim.clearRequests();
		await node.hook('delete');
		expect(lines()).toEqual(['GET /subscriptions', `DELETE /subscriptions/${number}`]);
		expect(sim.events.subscriptions()).toEqual([]);
	});

	it('refuses Polling Seconds outside 1–3600 before any request', async () => {
		const node = await activeTrigger({ pollingSeconds: 0 });
		await expect(node.hook('checkExists')).rejects.toThrow('"Polling Seconds" must be a whole number from 1 to 3600');
		expect(sim.requests()).toEqual([]);
	});

	it('refuses plain http to an address outside the office before any request', async () => {
		const node = await activeTrigger({}, FREE, 'http://n8n.example.com/webhook');
		await expect(node.hook('create')).rejects.toThrow(
			`The webhook URL ${node.url()} is plain http to n8n.example.com, outside the office's network: patient records and the customer key would cross the internet unencrypted`,
		);
		expect(sim.requests()).toEqual([]);
	});
});

describe('deliveries', () => {
	it('emits a changed appointment once, simplified, with the table and the machine; the same rows sent again add nothing', async () => {
		const node = await activeTrigger();
		await activate(node);
		const apt = sim.records('appointment').find((row) => row.AptStatus === 'Scheduled')!;
		change(apt.AptNum, 'moved');

		const first = await deliver();
		expect(first.map(({ workstation, keys, status, ok }) => ({ workstation, keys, status, ok }))).toEqual([{ workstation: 'SERVER', keys: [apt.AptNum], status: 200, ok: true }]);
		const [item] = node.items();
		expect(item).toMatchObject({ AptNum: apt.AptNum, PatNum: apt.PatNum, Note: 'moved', _event: 'Appointment', _workstation: 'SERVER' });
		expect(item.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[56]:00$/);

		// The same batch again (an office that took the answer for lost sends it whole once more).
		const again = await fetch(node.url(), { method: 'POST', headers: { Authorization: FREE.customerKey, 'Content-Type': 'application/json', 'Event-Type': 'WatchTable: Appointment', Workstation: 'OP1' }, body: JSON.stringify(sim.records('appointment').filter((row) => row.AptNum === apt.AptNum)) });
		expect(again.status).toBe(200);
		expect(node.calls.map((call) => [call.status, call.items.length])).toEqual([
			[200, 1],
			[200, 0],
		]);
		sim.clock.advance(1000);
		expect(await deliver()).toEqual([]);
		expect(notes(node)).toEqual([`${apt.AptNum}:moved`]);
	});

	it('two machines firing (every workstation; Open Dental and the API Service on one) add nothing', async () => {
		const node = await activeTrigger({ workstation: '' });
		sim.configure({ computers: [{ CompName: 'SERVER', runs: 'both' }, { CompName: 'FRONTDESK', runs: 'openDental' }] });
		await activate(node);
		const apt = sim.records('appointment')[5];
		change(apt.AptNum, 'one');

		const round = await deliver();
		expect(round.map((delivery) => [delivery.workstation, delivery.keys, delivery.ok])).toEqual([
			['SERVER', [apt.AptNum], true],
			['SERVER', [apt.AptNum], true],
			['FRONTDESK', [apt.AptNum], true],
		]);
		expect(notes(node)).toEqual([`${apt.AptNum}:one`]);
		expect(node.calls.map((call) => call.items.length)).toEqual([1, 0, 0]);
	});

	it('a delivery Open Dental took for failed after n8n had it comes again whole, and adds nothing', async () => {
		const node = await activeTrigger();
		await activate(node);
		const [a, b] = sim.records('appointment').slice(5, 7);
		sim.update('appointment', a.AptNum, { Note: 'one' });
		change(b.AptNum, 'two');
		sim.events.failNext(1);

		expect((await deliver()).map((delivery) => [delivery.keys, delivery.status, delivery.ok])).toEqual([[[a.AptNum, b.AptNum], 200, false]]);
		sim.clock.advance(1000);
		expect((await deliver()).map((delivery) => [delivery.keys, delivery.ok])).toEqual([[[a.AptNum, b.AptNum], true]]);
		expect(notes(node)).toEqual([`${a.AptNum}:one`, `${b.AptNum}:two`]);
		expect(node.calls.map((call) => call.items.length)).toEqual([2, 0]);
	});

	it('refuses a delivery without the customer key (401) or of another table (400), emitting nothing and keeping its memory', async () => {
		const node = await activeTrigger();
		await activate(node);
		const before = node.staticData();
		const rows = JSON.stringify([{ AptNum: 1, PatNum: 1, Note: 'forged', DateTStamp: '2026-01-01 00:00:00' }]);
		const post = async (headers: Record<string, string>) => (await fetch(node.url(), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rows })).status;

		expect(await post({ Authorization: 'WrongCustKey0042' })).toBe(401);
		expect(await post({})).toBe(401);
		expect(await post({ Authorization: `ODFHIR ${FREE.developerKey}/${FREE.customerKey}` })).toBe(401);
		expect(await post({ Authorization: FREE.customerKey, 'Event-Type': 'WatchTable: Patient' })).toBe(400);
		expect(node.items()).toEqual([]);
		expect(node.staticData()).toEqual(before);
	});
});

describe('the Workstation dropdown', () => {
	it("lists the office's machines with when each was last seen, and every workstation last", async () => {
		// Heartbeats are read against n8n's clock: the office's runs in real time here.
		sim.clock.reset();
		const options = await runLoadOptions({ nodeType: new OpenDentalEventTrigger(), credentialType: new OpenDentalApi(), credentials: credential(), parameters: {}, method: 'getWorkstations' });
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['SERVER', 'SERVER'],
			['FRONTDESK', 'FRONTDESK'],
			['OP1', 'OP1'],
			['XRAY (not seen lately)', 'XRAY'],
			['Every Workstation (Duplicates)', ''],
		]);
		expect(options[3].description).toMatch(/^last seen \d+ days ago: not running Open Dental or its API Service\?\. Last heartbeat 2025-12-29 17:42:10 office time\.$/);
		expect(lines()).toEqual(['GET /computers']);
	});
});
