// API Events: the office machines poll their subscriptions and POST what changed to a real HTTP
// receiver. The office clock is frozen and moved by the tests, the simulator runs on manual time,
// and rounds run when a test asks (events.auto off) unless a test is about the automatic ones.
import {
	type ApiSubscription, type EventDelivery, type ManualTime, manualTime, type SimComputer, type Simulator, startSimulator,
} from '../../simulator';
import { call, control, FREE } from './helpers';
import { type Receiver, startReceiver } from './event-receiver';

// The schedule is seeded around 2026-01-05, so every seeded stamp is older than the catch-up limit.
const T0 = '2026-01-20 10:00:00';
const at = (seconds: number) => {
	const date = new Date(Date.parse(`${T0.replace(' ', 'T')}Z`) + seconds * 1000);
	return date.toISOString().slice(0, 19).replace('T', ' ');
};
const EPOCH = Date.UTC(2026, 0, 5, 15, 0, 0);
const CUSTOMER_KEY = 'VzkmZEaUWOjnQX2z';

describe('simulator: API Events', () => {
	let sim: Simulator;
	let time: ManualTime;
	let receiver: Receiver;
	beforeAll(async () => {
		time = manualTime(EPOCH);
		sim = await startSimulator({ throttle: { mode: 'off' }, time, appointments: { anchorDate: '2026-01-05' }, events: { auto: false } });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await sim.close();
		await receiver.close();
	});
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' }, events: { auto: false } });
		sim.clock.set(T0);
		sim.clock.freeze();
		Object.assign(receiver, { received: [], status: 200, hold: false });
	});

	/** Subscribes the public test key; the office clock then moves on `after` seconds. */
	async function subscribe(fields: Partial<ApiSubscription>, after = 0): Promise<ApiSubscription> {
		const body = { EndPointUrl: receiver.url, Workstation: 'SERVER', WatchTable: 'Appointment', PollingSeconds: 60, ...fields };
		const res = await call(sim, '/subscriptions', { method: 'POST', auth: FREE, body });
		expect(res.status).toBe(201);
		sim.clock.advance(after * 1000);
		return res.json;
	}
	const moveTo = (seconds: number) => sim.clock.set(at(seconds));
	const startOf = (num: number) => sim.events.subscriptions().find((row) => row.SubscriptionNum === num)?.DateTimeStart;
	// Manual time stands still during a round, so a delivery is sent and answered at the same instant.
	const delivery = (fields: Partial<EventDelivery>): EventDelivery => ({
		subscriptionNum: 1, workstation: 'SERVER', program: 'apiService', url: receiver.url, watchTable: 'Appointment', rows: 1,
		keys: [], status: 200, error: null, ok: true, officeTime: at(60), sentAtMs: time.epochNow(), answeredAtMs: time.epochNow(), ...fields,
	});
	const appointment = (aptNum: number) => sim.records('appointment').find((row) => row.AptNum === aptNum);
	const useComputers = (computers: SimComputer[]) => sim.configure({ computers });

	it('delivers a changed appointment once, with the documented headers and the row as GET renders it', async () => {
		await subscribe({}, 10);
		sim.update('appointment', 5, { Note: 'Moved to the afternoon' });
		moveTo(60);
		expect(await sim.events.run()).toEqual([delivery({ keys: [5] })]);
		const { serverDateTime, ...rendered } = (await call(sim, '/appointments/5')).json;
		expect(serverDateTime).toBe(at(60));
		expect(receiver.received).toEqual([{
			path: '/od-events',
			headers: expect.objectContaining({
				authorization: CUSTOMER_KEY, workstation: 'SERVER', 'event-type': 'WatchTable: Appointment', 'content-type': 'application/json',
			}),
			rows: [rendered],
		}]);
		expect(rendered).toEqual({ ...appointment(5), DateTStamp: at(10) });
		expect(startOf(1)).toBe(at(60));
		// Not due again until PollingSeconds after the new DateTimeStart, and then nothing has changed.
		moveTo(119);
		expect(await sim.events.run()).toEqual([]);
		moveTo(120);
		expect(await sim.events.run()).toEqual([]);
		expect([receiver.received.length, startOf(1)]).toEqual([1, at(120)]);
	});

	it('keeps the customer key out of the delivery log and the request log', async () => {
		await subscribe({}, 10);
		sim.touch('appointment', 2);
		sim.clearRequests();
		moveTo(60);
		expect(await control(sim, 'POST', '/events/run', {})).toEqual({ status: 200, json: [delivery({ keys: [2] })] });
		expect((await control(sim, 'GET', '/events/deliveries')).json).toEqual([delivery({ keys: [2] })]);
		expect(JSON.stringify(sim.events.deliveries())).not.toContain(CUSTOMER_KEY);
		expect(sim.requests()).toEqual([]);
		expect((await control(sim, 'DELETE', '/events/deliveries')).json).toEqual({ cleared: true });
		expect(sim.events.deliveries()).toEqual([]);
	});

	it('a row stamped in the poll\'s own second waits for the next poll', async () => {
		await subscribe({ PollingSeconds: 1 }, 30);
		sim.touch('appointment', 1);
		expect(await sim.events.run()).toEqual([]);
		expect(startOf(1)).toBe(at(30));
		moveTo(31);
		expect((await sim.events.run()).map((entry) => entry.keys)).toEqual([[1]]);
	});

	it('sends rows in stamp order, then key order, in batches of events.batchSize', async () => {
		sim.configure({ events: { batchSize: 2 } });
		await subscribe({}, 5);
		for (const aptNum of [9, 3, 7]) sim.touch('appointment', aptNum);
		sim.clock.advance(1000);
		for (const aptNum of [4, 1]) sim.touch('appointment', aptNum);
		moveTo(60);
		const deliveries = await sim.events.run();
		expect(deliveries.map((entry) => [entry.rows, entry.keys, entry.ok])).toEqual([[2, [3, 7], true], [2, [9, 1], true], [1, [4], true]]);
		expect(receiver.received.map((post) => post.rows.map((row) => row.AptNum))).toEqual([[3, 7], [9, 1], [4]]);
		expect(startOf(1)).toBe(at(60));
	});

	it('a failed delivery keeps DateTimeStart and stops the batches; the next round sends everything again', async () => {
		sim.configure({ events: { batchSize: 2 } });
		await subscribe({}, 5);
		for (const aptNum of [1, 2, 3]) sim.touch('appointment', aptNum);
		moveTo(60);
		receiver.status = 500;
		expect(await sim.events.run()).toEqual([delivery({ rows: 2, keys: [1, 2], status: 500, ok: false })]);
		expect(startOf(1)).toBe(T0);
		sim.clock.advance(1000);
		sim.touch('appointment', 4);
		moveTo(90);
		receiver.status = 204;
		expect(await sim.events.run()).toEqual([
			delivery({ rows: 2, keys: [1, 2], status: 204, officeTime: at(90) }),
			delivery({ rows: 2, keys: [3, 4], status: 204, officeTime: at(90) }),
		]);
		expect(receiver.received.map((post) => post.rows.map((row) => row.AptNum))).toEqual([[1, 2], [1, 2], [3, 4]]);
		expect(startOf(1)).toBe(at(90));
	});

	it('failNext fails deliveries the receiver already got, so the next round sends them again', async () => {
		await subscribe({}, 5);
		sim.touch('appointment', 6);
		moveTo(60);
		expect(sim.events.failNext()).toBe(1);
		expect(await sim.events.run()).toEqual([delivery({ keys: [6], error: 'failNext', ok: false })]);
		expect(startOf(1)).toBe(T0);
		moveTo(61);
		expect(await sim.events.run()).toEqual([delivery({ keys: [6], officeTime: at(61) })]);
		expect(receiver.received.map((post) => post.rows.map((row) => row.AptNum))).toEqual([[6], [6]]);
		expect((await control(sim, 'POST', '/events/fail-next', { count: 2 })).json).toEqual({ pending: 2 });
		expect((await control(sim, 'POST', '/events/fail-next', { count: -1 })).json).toEqual({ error: 'count must be an integer >= 0' });
		sim.reset();
		expect(sim.events.failNext(0)).toBe(0);
	});

	it('an endpoint that refuses the connection or never answers within timeoutMs is a failed delivery', async () => {
		const closed = await startReceiver();
		await closed.close();
		await subscribe({ EndPointUrl: closed.url });
		await subscribe({}, 5);
		sim.touch('appointment', 8);
		moveTo(60);
		receiver.hold = true;
		const round = sim.events.run();
		await receiver.arrived(1);
		const sentAtMs = time.epochNow();
		time.advance(10000);
		expect(await round).toEqual([
			delivery({ url: closed.url, keys: [8], status: null, error: 'ECONNREFUSED', ok: false, sentAtMs, answeredAtMs: null }),
			delivery({ subscriptionNum: 2, keys: [8], status: null, error: 'timeout', ok: false, sentAtMs, answeredAtMs: null }),
		]);
		receiver.release();
		expect([startOf(1), startOf(2)]).toEqual([T0, T0]);
	});

	it('a blank Workstation fires from every running machine, and a machine that runs both fires twice', async () => {
		useComputers([
			{ CompName: 'SERVER', runs: 'both' },
			{ CompName: 'FRONTDESK', runs: 'openDental' },
			{ CompName: 'XRAY', runs: null, lastHeartBeat: '2026-01-16 17:00:00' },
		]);
		await subscribe({ Workstation: '' });
		await subscribe({ Workstation: 'SERVER' }, 5);
		sim.touch('appointment', 11);
		moveTo(60);
		const deliveries = await sim.events.run();
		expect(deliveries.map((entry) => [entry.subscriptionNum, entry.workstation, entry.program, entry.keys, entry.ok])).toEqual([
			[1, 'SERVER', 'openDental', [11], true],
			[1, 'SERVER', 'apiService', [11], true],
			[1, 'FRONTDESK', 'openDental', [11], true],
			[2, 'SERVER', 'openDental', [11], true],
			[2, 'SERVER', 'apiService', [11], true],
		]);
		expect(receiver.received.map((post) => post.headers.workstation)).toEqual(['SERVER', 'SERVER', 'FRONTDESK', 'SERVER', 'SERVER']);
	});

	it('nothing fires from a stopped or unknown machine; it catches up once the machine runs again', async () => {
		useComputers([{ CompName: 'SERVER', runs: null, lastHeartBeat: '2026-01-19 18:00:00' }, { CompName: 'FRONTDESK', runs: 'openDental' }]);
		await subscribe({ Workstation: 'SERVER' });
		await subscribe({ Workstation: 'server' }, 5);
		sim.touch('appointment', 12);
		moveTo(3600);
		expect(await sim.events.run()).toEqual([]);
		expect([startOf(1), startOf(2)]).toEqual([T0, T0]);
		useComputers([{ CompName: 'SERVER', runs: 'apiService' }]);
		expect(await sim.events.run()).toEqual([delivery({ keys: [12], officeTime: at(3600) })]);
	});

	it('an expired subscription and a UI event subscription never fire', async () => {
		await subscribe({ DateTimeStop: at(59) });
		await subscribe({ WatchTable: undefined, UiEventType: 'PatientSelected', Workstation: '' }, 5);
		sim.touch('appointment', 3);
		moveTo(60);
		expect(await sim.events.run({ ignoreInterval: true })).toEqual([]);
		expect(startOf(1)).toBe(T0);
	});

	it('catches up at most three days back', async () => {
		await subscribe({ DateTimeStart: at(-5 * 86400) });
		moveTo(-4 * 86400);
		sim.touch('appointment', 1);
		moveTo(-3 * 86400);
		sim.touch('appointment', 2);
		moveTo(-2 * 86400);
		sim.touch('appointment', 3);
		moveTo(0);
		expect((await sim.events.run()).map((entry) => entry.keys)).toEqual([[2, 3]]);
	});

	it('waits PollingSeconds after DateTimeStart unless the round ignores the interval (also over HTTP)', async () => {
		await subscribe({ PollingSeconds: 300 }, 10);
		sim.touch('appointment', 4);
		moveTo(299);
		expect(await sim.events.run()).toEqual([]);
		const { json } = await control(sim, 'POST', '/events/run', { ignoreInterval: true });
		expect(json).toEqual([delivery({ keys: [4], officeTime: at(299) })]);
		expect((await control(sim, 'POST', '/events/run', { ignoreInterval: 'yes' })).json).toEqual({ error: 'ignoreInterval must be true or false' });
	});

	it('Patient rows are GET /patients/{PatNum}; AppointmentDeleted rows are the Deleted history rows', async () => {
		await subscribe({ WatchTable: 'Patient' });
		await subscribe({ WatchTable: 'AppointmentDeleted' });
		await subscribe({ WatchTable: 'Operatory' });
		await subscribe({ WatchTable: 'Provider' }, 5);
		sim.update('patient', 4, { Email: 'new@example.com' });
		sim.update('appointment', 7, { Note: 'changed first' });
		sim.remove('appointment', 7);
		moveTo(60);
		const deliveries = await sim.events.run();
		const history = sim.records('histappointment');
		expect(deliveries.map((entry) => [entry.subscriptionNum, entry.watchTable, entry.keys])).toEqual([
			[1, 'Patient', [4]],
			[2, 'AppointmentDeleted', [history[1].HistApptNum]],
		]);
		expect(receiver.received[0].rows).toEqual([(await call(sim, '/patients/4')).json]);
		const { serverDateTime, ...deleted } = (await call(sim, '/histappointments?HistApptAction=Deleted')).json[0];
		expect([serverDateTime, deleted.AptNum, deleted.Note]).toEqual([at(60), 7, 'changed first']);
		expect(receiver.received[1].rows).toEqual([deleted]);
	});

	it('reset() clears subscriptions, deliveries and forced failures, and restores the events config', async () => {
		sim.configure({ events: { batchSize: 5 } });
		await subscribe({}, 5);
		sim.touch('appointment', 1);
		moveTo(60);
		await sim.events.run();
		sim.events.failNext(3);
		sim.reset();
		expect([sim.events.subscriptions(), sim.events.deliveries(), sim.events.failNext(0), sim.getConfig().events])
			.toEqual([[], [], 0, { auto: false, tickMs: 200, batchSize: 1000, timeoutMs: 10000 }]);
	});

	it('rounds run by themselves every tickMs on the simulator\'s time, and a tick while one is delivering is skipped', async () => {
		sim.configure({ events: { auto: true, tickMs: 200 } });
		await subscribe({ PollingSeconds: 1 }, 5);
		sim.touch('appointment', 10);
		moveTo(6);
		receiver.hold = true;
		time.advance(199);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toEqual([]);
		time.advance(1);
		await receiver.arrived(1);
		// Still delivering: these ticks skip, so no second POST goes out.
		time.advance(200);
		time.advance(200);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toHaveLength(1);
		receiver.release();
		while (startOf(1) !== at(6)) await new Promise((resolve) => setTimeout(resolve, 5));
		expect(sim.events.deliveries().map((entry) => [entry.keys, entry.ok])).toEqual([[[10], true]]);
		sim.configure({ events: { auto: false } });
		time.advance(1000);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toHaveLength(1);
	});
});

describe('simulator: API Events on a real clock', () => {
	it('an automatic round delivers a change within about PollingSeconds', async () => {
		const receiver = await startReceiver();
		const sim = await startSimulator({ throttle: { mode: 'off' }, patients: 20, events: { tickMs: 50 } });
		try {
			const body = { EndPointUrl: receiver.url, Workstation: 'SERVER', WatchTable: 'Appointment', PollingSeconds: 1 };
			const { json: created } = await call(sim, '/subscriptions', { method: 'POST', auth: FREE, body });
			const stamp = String(sim.touch('appointment', 1)?.DateTStamp);
			// Generous: a busy machine may take a while; what matters is that it arrives by itself.
			const deadline = Date.now() + 15000;
			while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
			expect(receiver.received[0].rows.map((row) => row.AptNum)).toEqual([1]);
			const [first] = sim.events.deliveries();
			expect(first.ok).toBe(true);
			expect(first.officeTime > stamp && first.officeTime >= created.DateTimeStart).toBe(true);
		} finally {
			await sim.close();
			await receiver.close();
		}
	});
});
