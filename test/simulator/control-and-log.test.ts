import { startSimulator, Simulator } from '../../simulator';
import { call, control, FREE } from './helpers';

describe('simulator: request log', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.clearRequests());

	it('records every API request with the documented fields', async () => {
		const before = Date.now();
		await call(sim, '/patients/Simple?Limit=2&offset=5', { headers: { Accept: 'application/json' } });
		await call(sim, '/patients/4', { auth: null });
		await call(sim, '/patients/4');
		await fetch(`${sim.controlUrl}/requests`);
		await fetch(sim.baseUrl.replace('/api/v1', '/other?x=1'));
		const log = sim.requests();
		expect(log).toHaveLength(4);
		const [list, unauthorized, single, outside] = log;
		expect(list).toEqual({
			seq: 1,
			at: expect.any(Number),
			method: 'GET',
			path: '/patients/Simple',
			rawQuery: 'Limit=2&offset=5',
			query: { Limit: '2', offset: '5' },
			headers: { authorization: FREE, contentType: 'application/json', accept: 'application/json' },
			body: null,
			customerKey: 'VzkmZEaUWOjnQX2z',
			status: 200,
			rows: 2,
			fault: null,
			throttled: false,
			durationMs: expect.any(Number),
		});
		expect(list.at).toBeGreaterThanOrEqual(before - 5);
		expect(list.at).toBeLessThanOrEqual(Date.now());
		expect(list.at % 1).not.toBe(0);
		expect(unauthorized).toMatchObject({ seq: 2, status: 401, customerKey: null, rows: null, headers: { authorization: null } });
		expect(single).toMatchObject({ seq: 3, path: '/patients/4', status: 200, rows: null });
		expect(outside).toMatchObject({ seq: 4, path: '/other', rawQuery: 'x=1', status: 404 });
	});

	it('hands out copies and can be cleared', async () => {
		await call(sim, '/patients/1');
		const copy = sim.requests();
		copy[0].status = 999;
		expect(sim.requests()[0].status).toBe(200);
		sim.clearRequests();
		expect(sim.requests()).toEqual([]);
	});
});

describe('simulator: control API over HTTP', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());

	it('reads and merges config', async () => {
		const got = await control(sim, 'GET', '/config');
		expect(got.json).toMatchObject({ mode: 'remote', patients: 250, throttle: { mode: 'off', readAllMs: 5000 } });
		const set = await control(sim, 'POST', '/config', { errorBodyStyle: 'text', throttle: { paidMs: 10 } });
		expect(set.json.throttle).toMatchObject({ mode: 'off', paidMs: 10, readAllMs: 5000 });
		expect((await call(sim, '/patients/0')).text).toBe('Patient not found.');
		const bad = await control(sim, 'POST', '/config', { mode: 'cloud' });
		expect(bad.status).toBe(400);
		expect(bad.json.error).toContain('mode must be one of');
	});

	it('adds, lists and clears faults', async () => {
		const added = await control(sim, 'POST', '/faults', { path: '/clinics', fault: 'gone' });
		expect(added.json.ids).toHaveLength(1);
		expect((await call(sim, '/clinics')).status).toBe(410);
		const listed = await control(sim, 'GET', '/faults');
		expect(listed.json).toEqual([{ id: added.json.ids[0], path: '/clinics', fault: 'gone', matched: 1, fired: 1 }]);
		await control(sim, 'DELETE', '/faults');
		expect((await call(sim, '/clinics')).status).toBe(200);
		expect((await control(sim, 'POST', '/faults', { fault: 'nope' })).status).toBe(400);
	});

	it('re-seeds, inserts, touches and moves the clock', async () => {
		expect((await control(sim, 'POST', '/seed', { patients: 30, seed: 7 })).json).toEqual({ patients: 30, seed: 7 });
		expect((await call(sim, '/patients/Simple')).json).toHaveLength(30);
		const clock = await control(sim, 'POST', '/clock', { set: '2026-02-03 04:05:06' });
		expect(clock.json.now.slice(0, 18)).toBe('2026-02-03 04:05:0');
		const later = await control(sim, 'POST', '/clock', { advanceMs: 3600000 });
		expect(later.json.now.slice(0, 16)).toBe('2026-02-03 05:05');
		expect((await control(sim, 'GET', '/clock')).json.now.slice(0, 16)).toBe('2026-02-03 05:05');
		expect((await control(sim, 'POST', '/clock', { set: 'tomorrow' })).status).toBe(400);

		const inserted = await control(sim, 'POST', '/patients', { LName: 'Quade', FName: 'Ona' });
		expect(inserted.status).toBe(201);
		expect(inserted.json).toMatchObject({ PatNum: 31, LName: 'Quade', DateTStamp: expect.stringMatching(/^2026-02-03 05:05/) });
		const touched = await control(sim, 'POST', '/touch?table=patient&PatNum=3');
		expect(touched.json).toMatchObject({ PatNum: 3, DateTStamp: expect.stringMatching(/^2026-02-03 05:05/) });
		const changed = await call(sim, '/patients/Simple?DateTStamp=2026-02-03');
		expect(changed.json.map((p: { PatNum: number }) => p.PatNum)).toEqual([3, 31]);
		expect((await control(sim, 'POST', '/touch?table=patient&PatNum=999')).status).toBe(404);
		expect((await control(sim, 'POST', '/touch?table=appointment&PatNum=1')).status).toBe(400);
	});

	it('inserts and changes records of any table, stamping DateTStamp with the office clock', async () => {
		await control(sim, 'POST', '/seed', { patients: 5, seed: 3 });
		await control(sim, 'POST', '/clock', { set: '2026-03-04 09:10:11' });
		const inserted = await control(sim, 'POST', '/records?table=patient', { LName: 'Vance', FName: 'Ida', ClinicNum: 2 });
		expect(inserted.status).toBe(201);
		expect(inserted.json).toMatchObject({ PatNum: 6, LName: 'Vance', ClinicNum: 2, clinicAbbr: 'LAKE', Guarantor: 6 });
		expect(inserted.json.DateTStamp.slice(0, 16)).toBe('2026-03-04 09:10');

		const before = (await call(sim, '/patients/2')).json;
		const changed = await control(sim, 'PATCH', '/records?table=patient&PatNum=2', { Email: 'new@example.com', ClinicNum: 1 });
		expect(changed.status).toBe(200);
		// The fields given change, derived text follows its key, the rest stays, and DateTStamp moves.
		expect(changed.json).toEqual({ ...before, Email: 'new@example.com', ClinicNum: 1, clinicAbbr: 'DWTN', DateTStamp: changed.json.DateTStamp });
		expect(changed.json.DateTStamp.slice(0, 16)).toBe('2026-03-04 09:10');
		expect((await control(sim, 'PATCH', '/records?table=patient&id=2', { PatNum: 99 })).json.PatNum).toBe(2);

		expect((await control(sim, 'PATCH', '/records?table=patient&PatNum=77', { Email: 'x' })).status).toBe(404);
		expect((await control(sim, 'POST', '/records?table=recalls', {})).json).toEqual({ error: 'table must be one of: patient, appointment, recall, commlog, commoptout, histappointment, procedurelog' });
		expect((await control(sim, 'PATCH', '/records?table=patient', {})).json).toEqual({ error: 'PatNum must be an integer' });
	});

	it('serves and clears the request log; unknown endpoints are 404', async () => {
		await control(sim, 'DELETE', '/requests');
		await call(sim, '/patients/1');
		const log = await control(sim, 'GET', '/requests');
		expect(log.json.map((e: { path: string }) => e.path)).toEqual(['/patients/1']);
		await control(sim, 'DELETE', '/requests');
		expect((await control(sim, 'GET', '/requests')).json).toEqual([]);
		expect((await control(sim, 'GET', '/nothing')).status).toBe(404);
	});

	it('reset restores startup config, data, clock, faults and log', async () => {
		await control(sim, 'POST', '/config', { errorBodyStyle: 'aspnet' });
		await control(sim, 'POST', '/faults', { fault: 'gone' });
		await control(sim, 'POST', '/seed', { patients: 5, seed: 2 });
		await control(sim, 'POST', '/clock', { set: '2001-01-01 00:00:00' });
		expect((await control(sim, 'POST', '/reset')).status).toBe(200);
		const config = (await control(sim, 'GET', '/config')).json;
		expect([config.errorBodyStyle, config.patients, config.seed]).toEqual(['json-string', 250, 1]);
		expect((await control(sim, 'GET', '/faults')).json).toEqual([]);
		expect((await control(sim, 'GET', '/requests')).json).toEqual([]);
		expect(sim.clock.now().startsWith('2001')).toBe(false);
		expect((await call(sim, '/patients/Simple?Offset=200')).json).toHaveLength(50);
	});
});
