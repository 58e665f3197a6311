// Subscriptions GET/POST/PUT/DELETE per customer key, and the office's computers (GET /computers).
import { type ApiSubscription, manualTime, type Simulator, startSimulator } from '../../simulator';
import { call, control, FREE, FULL_ACCESS, NO_READ, PAID } from './helpers';

const NOW = '2026-01-20 10:00:00';
const URL = 'http://192.168.1.14:2097/apievents/';
const NO_PERMISSION = 'This API key does not have permission to use this method.';

const post = (sim: Simulator, body: unknown, auth = FREE) => call(sim, '/subscriptions', { method: 'POST', auth, body });
const put = (sim: Simulator, num: number | string, body: unknown, auth = FREE) => call(sim, `/subscriptions/${num}`, { method: 'PUT', auth, body });
const remove = (sim: Simulator, num: number, auth = FULL_ACCESS) => call(sim, `/subscriptions/${num}`, { method: 'DELETE', auth });
const list = async (sim: Simulator, auth = FREE): Promise<ApiSubscription[]> => (await call(sim, '/subscriptions', { auth })).json;

const subscription = (fields: Partial<ApiSubscription>): ApiSubscription => ({
	SubscriptionNum: 1, EndPointUrl: URL, Workstation: '', CustomerKey: 'VzkmZEaUWOjnQX2z', WatchTable: '', PollingSeconds: 0,
	UiEventType: '', DateTimeStart: NOW, DateTimeStop: '0001-01-01 00:00:00', Note: '', ...fields,
});

describe('simulator: subscriptions', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), events: { auto: false } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' }, events: { auto: false } });
		sim.clock.set(NOW);
		sim.clock.freeze();
	});

	it('POST answers 201 with the subscription in the documented order, CustomerKey from the key, and a Location', async () => {
		const res = await post(sim, { EndPointUrl: URL, Workstation: 'SERVER', WatchTable: 'Appointment', PollingSeconds: 5 });
		const created = subscription({ Workstation: 'SERVER', WatchTable: 'Appointment', PollingSeconds: 5 });
		expect(res.status).toBe(201);
		expect(res.text).toBe(JSON.stringify(created));
		expect(res.headers.get('location')).toBe(`${sim.baseUrl}/subscriptions/1`);
		expect(await list(sim)).toEqual([created]);
	});

	it('takes DateTimeStart, DateTimeStop and Note, and makes UI event subscriptions', async () => {
		const ui = await post(sim, { EndPointUrl: 'http://localhost:2097/', UiEventType: 'PatientSelected', Note: 'chart sync' });
		const dated = await post(sim, {
			EndPointUrl: URL, WatchTable: 'AppointmentDeleted', PollingSeconds: 30,
			DateTimeStart: '2026-01-18 00:00:00', DateTimeStop: '2026-02-01 00:00:00',
		});
		expect([ui.status, dated.status]).toEqual([201, 201]);
		expect(await list(sim)).toEqual([
			subscription({ EndPointUrl: 'http://localhost:2097/', UiEventType: 'PatientSelected', Note: 'chart sync' }),
			subscription({
				SubscriptionNum: 2, WatchTable: 'AppointmentDeleted', PollingSeconds: 30,
				DateTimeStart: '2026-01-18 00:00:00', DateTimeStop: '2026-02-01 00:00:00',
			}),
		]);
	});

	it.each([
		['no body', undefined, 'EndPointUrl is required.'],
		['no EndPointUrl', { WatchTable: 'Patient', PollingSeconds: 5 }, 'EndPointUrl is required.'],
		['a relative EndPointUrl', { EndPointUrl: '/apievents', WatchTable: 'Patient', PollingSeconds: 5 }, 'EndPointUrl must be an absolute http or https URL.'],
		['an ftp EndPointUrl', { EndPointUrl: 'ftp://host/x', WatchTable: 'Patient', PollingSeconds: 5 }, 'EndPointUrl must be an absolute http or https URL.'],
		['neither kind', { EndPointUrl: URL, PollingSeconds: 5 }, 'WatchTable or UiEventType is required.'],
		['both kinds', { EndPointUrl: URL, WatchTable: 'Patient', UiEventType: 'PatientSelected', PollingSeconds: 5 }, 'Only one of WatchTable or UiEventType is allowed.'],
		['an unknown table', { EndPointUrl: URL, WatchTable: 'patient', PollingSeconds: 5 },
			'WatchTable must be one of: Appointment, AppointmentDeleted, Operatory, PatField, Patient, Provider, Schedule, ToothInitial.'],
		['an unknown UI event', { EndPointUrl: URL, UiEventType: 'PatientOpened' }, 'UiEventType must be one of: PatientSelected.'],
		['no PollingSeconds', { EndPointUrl: URL, WatchTable: 'Patient' }, 'PollingSeconds is required for a WatchTable subscription.'],
		['PollingSeconds 0', { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 0 }, 'PollingSeconds must be a positive whole number of seconds.'],
		['PollingSeconds as text', { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: '5' }, 'PollingSeconds must be a positive whole number of seconds.'],
		['a bad DateTimeStart', { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5, DateTimeStart: '2026-01-20' },
			'DateTimeStart format must be yyyy-MM-dd HH:mm:ss'],
		['a bad DateTimeStop', { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5, DateTimeStop: 'tomorrow' },
			'DateTimeStop format must be yyyy-MM-dd HH:mm:ss'],
		['a Workstation that is not text', { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5, Workstation: 7 }, 'Workstation is invalid.'],
	])('POST with %s is a 400 with the reason', async (_, body, message) => {
		expect(await post(sim, body)).toMatchObject({ status: 400, json: message });
		expect(await list(sim)).toEqual([]);
	});

	it('each key sees and changes only its own subscriptions, paged as every list is', async () => {
		await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 }, PAID);
		await post(sim, { EndPointUrl: URL, WatchTable: 'Appointment', PollingSeconds: 5 }, FREE);
		expect((await list(sim, PAID)).map((row) => [row.SubscriptionNum, row.CustomerKey])).toEqual([[1, 'PaidCustKey00001']]);
		expect((await list(sim, FREE)).map((row) => [row.SubscriptionNum, row.CustomerKey])).toEqual([[2, 'VzkmZEaUWOjnQX2z']]);
		expect(await list(sim, FULL_ACCESS)).toEqual([]);
		await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 9 }, FREE);
		expect((await call(sim, '/subscriptions?Limit=1&Offset=1')).json.map((row: ApiSubscription) => row.SubscriptionNum)).toEqual([3]);
		expect(await put(sim, 1, { Note: 'mine now' }, FREE)).toMatchObject({ status: 404, json: 'Subscription not found.' });
		expect(await remove(sim, 1, FULL_ACCESS)).toMatchObject({ status: 404, json: 'Subscription not found.' });
		expect(sim.events.subscriptions().map((row) => [row.SubscriptionNum, row.Note])).toEqual([[1, ''], [2, ''], [3, '']]);
	});

	it('PUT changes the fields it names and answers 200 with no body', async () => {
		await post(sim, { EndPointUrl: URL, Workstation: 'SERVER', WatchTable: 'Patient', PollingSeconds: 5, Note: 'n8n' });
		const res = await put(sim, 1, {
			EndPointUrl: 'https://hooks.example.com/od', Workstation: '', PollingSeconds: 60,
			DateTimeStart: '2026-01-19 08:00:00', DateTimeStop: '2026-01-20 09:59:59',
		});
		expect([res.status, res.text]).toEqual([200, '']);
		expect(await list(sim)).toEqual([subscription({
			EndPointUrl: 'https://hooks.example.com/od', WatchTable: 'Patient', PollingSeconds: 60, Note: 'n8n',
			DateTimeStart: '2026-01-19 08:00:00', DateTimeStop: '2026-01-20 09:59:59',
		})]);
		expect((await put(sim, 1, {})).status).toBe(200);
	});

	it.each([
		[{ WatchTable: 'Appointment' }, 'WatchTable cannot be changed. Create a new subscription instead.'],
		[{ UiEventType: 'PatientSelected' }, 'UiEventType cannot be changed. Create a new subscription instead.'],
		[{ CustomerKey: 'PaidCustKey00001' }, 'CustomerKey cannot be changed. Create a new subscription instead.'],
		[{ EndPointUrl: '' }, 'EndPointUrl is required.'],
		[{ PollingSeconds: -5 }, 'PollingSeconds must be a positive whole number of seconds.'],
		[{ DateTimeStop: '2026-13-01 00:00:00' }, 'DateTimeStop format must be yyyy-MM-dd HH:mm:ss'],
	])('PUT %j is a 400 and changes nothing', async (body, message) => {
		await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 });
		expect(await put(sim, 1, body)).toMatchObject({ status: 400, json: message });
		expect(await list(sim)).toEqual([subscription({ WatchTable: 'Patient', PollingSeconds: 5 })]);
	});

	it('PUT and DELETE of an unknown or malformed SubscriptionNum are 404 and 400', async () => {
		expect(await put(sim, 9, { Note: 'x' })).toMatchObject({ status: 404, json: 'Subscription not found.' });
		expect(await put(sim, 'x', { Note: 'x' })).toMatchObject({ status: 400, json: 'SubscriptionNum is invalid.' });
		expect(await remove(sim, 9)).toMatchObject({ status: 404, json: 'Subscription not found.' });
		expect((await call(sim, '/subscriptions/1')).status).toBe(404);
	});

	it('DELETE needs AllOthers: a Read All key gets the permission 401, FullAccessKey001 deletes (200, no body)', async () => {
		await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 }, FULL_ACCESS);
		await post(sim, { EndPointUrl: URL, WatchTable: 'Appointment', PollingSeconds: 5 }, FULL_ACCESS);
		expect(await remove(sim, 1, PAID)).toMatchObject({ status: 401, json: NO_PERMISSION });
		const res = await remove(sim, 1, FULL_ACCESS);
		expect([res.status, res.text]).toEqual([200, '']);
		expect((await list(sim, FULL_ACCESS)).map((row) => row.SubscriptionNum)).toEqual([2]);
		expect(await remove(sim, 1, FULL_ACCESS)).toMatchObject({ status: 404, json: 'Subscription not found.' });
		// A new subscription never gets a deleted one's number.
		expect((await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 }, FULL_ACCESS)).json.SubscriptionNum).toBe(3);
	});

	it('GET, POST and PUT need Read All', async () => {
		expect(await call(sim, '/subscriptions', { auth: NO_READ })).toMatchObject({ status: 401, json: NO_PERMISSION });
		expect(await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 }, NO_READ)).toMatchObject({ status: 401, json: NO_PERMISSION });
		expect(await put(sim, 1, { Note: 'x' }, NO_READ)).toMatchObject({ status: 401, json: NO_PERMISSION });
	});

	it('reset() drops every subscription and starts the numbers again', async () => {
		await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 });
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
		expect(await list(sim)).toEqual([]);
		expect((await post(sim, { EndPointUrl: URL, WatchTable: 'Patient', PollingSeconds: 5 })).json.SubscriptionNum).toBe(1);
	});
});

describe('simulator: computers', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), events: { auto: false } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
		sim.clock.set('2026-01-20 10:41:57');
		sim.clock.freeze();
	});

	it('lists the default office: running machines beat this minute, the stopped one keeps its old heartbeat', async () => {
		expect((await call(sim, '/computers')).json).toEqual([
			{ ComputerNum: 1, CompName: 'SERVER', LastHeartBeat: '2026-01-20 10:41:00' },
			{ ComputerNum: 2, CompName: 'FRONTDESK', LastHeartBeat: '2026-01-20 10:41:00' },
			{ ComputerNum: 3, CompName: 'OP1', LastHeartBeat: '2026-01-20 10:41:00' },
			{ ComputerNum: 4, CompName: 'XRAY', LastHeartBeat: '2025-12-29 17:42:10' },
		]);
		sim.clock.advance(60000);
		expect((await call(sim, '/computers?Limit=2&Offset=1')).json).toEqual([
			{ ComputerNum: 2, CompName: 'FRONTDESK', LastHeartBeat: '2026-01-20 10:42:00' },
			{ ComputerNum: 3, CompName: 'OP1', LastHeartBeat: '2026-01-20 10:42:00' },
		]);
		expect((await call(sim, '/computers', { auth: NO_READ })).status).toBe(401);
	});

	it('takes the machines from config (POST /__sim/config too); a stopped one without a heartbeat never beat', async () => {
		const computers = [
			{ CompName: 'SRV', runs: 'both' },
			{ CompName: 'LAPTOP', runs: null },
			{ CompName: 'OLD', runs: null, lastHeartBeat: '2026-01-17 18:03:12' },
		];
		expect((await control(sim, 'POST', '/config', { computers })).json.computers).toEqual(computers);
		expect((await call(sim, '/computers')).json).toEqual([
			{ ComputerNum: 1, CompName: 'SRV', LastHeartBeat: '2026-01-20 10:41:00' },
			{ ComputerNum: 2, CompName: 'LAPTOP', LastHeartBeat: '0001-01-01 00:00:00' },
			{ ComputerNum: 3, CompName: 'OLD', LastHeartBeat: '2026-01-17 18:03:12' },
		]);
		sim.reset();
		expect(sim.getConfig().computers.map((computer) => computer.CompName)).toEqual(['SERVER', 'FRONTDESK', 'OP1', 'XRAY']);
	});

	it.each([
		[[{ CompName: 'A', runs: 'service' }], 'computers[0].runs must be one of openDental, apiService, both or null (stopped)'],
		[[{ CompName: 'A', runs: null }, { CompName: 'A', runs: 'both' }], 'computers[1].CompName "A" is already taken'],
		[[{ CompName: '', runs: null }], 'computers[0].CompName must be a non-empty string'],
		[[{ CompName: 'A', runs: null, lastHeartBeat: 'yesterday' }], 'computers[0].lastHeartBeat must be "yyyy-MM-dd HH:mm:ss"'],
		[[{ CompName: 'A', runs: null, heartbeat: '2026-01-01 00:00:00' }], 'computers[0]: unknown property "heartbeat"'],
	])('refuses computers %j', (computers, message) => {
		expect(() => sim.configure({ computers: computers as never })).toThrow(message);
	});
});
