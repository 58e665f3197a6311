// The request pipeline for writes: methods, permissions, bodies, empty and created answers, and
// what the log records.
import { manualTime, type Simulator, startSimulator } from '../../simulator';
import { call, COMM_QUERIES, DISABLED, FREE, NO_READ, PAID, QUERIES, send } from './helpers';

const NO_PERMISSION = 'This API key does not have permission to use this method.';

describe('simulator: writes in the request pipeline', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime() });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
	});

	const scheduled = () => sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled');

	it('matches the method as well as the path; any other method on a known path is 404', async () => {
		const before = sim.records('appointment');
		const [apt] = scheduled();
		const cases: Array<[string, string]> = [
			['DELETE', '/commlogs'],
			['GET', `/appointments/${apt.AptNum}/Confirm`],
			['POST', `/appointments/${apt.AptNum}/Confirm`],
			['PUT', '/appointments'],
			['PUT', `/appointments/${apt.AptNum}`],
			['GET', '/queries/ShortQuery'],
			['POST', '/recalls/Status'],
			['PUT', '/Appointments/1/Confirm'],
		];
		for (const [method, path] of cases) {
			const res = await send(sim, path, method === 'GET' ? undefined : { confirmVal: 'Sent' }, { method });
			expect([method, path, res.status, res.json]).toEqual([method, path, 404, 'Resource not found.']);
		}
		const badId = await send(sim, '/appointments/abc/Note', { Note: 'x' });
		expect([badId.status, badId.json]).toEqual([400, 'AptNum is invalid.']);
		expect(sim.records('appointment')).toEqual(before);
	});

	it('asks each write for its permission: Comm for the reminder writes, Queries for ShortQuery', async () => {
		const [apt] = scheduled();
		const patNum = apt.PatNum;
		const [recall] = sim.records('recall');
		const writes: Array<[string, string, unknown]> = [
			['PUT', `/appointments/${apt.AptNum}/Confirm`, { confirmVal: 'None' }],
			['PUT', `/appointments/${apt.AptNum}/Note`, { Note: 'Called' }],
			['POST', '/commlogs', { PatNum: patNum, Note: 'Called' }],
			['PUT', '/recalls/Status', { PatNum: recall.PatNum, recallType: recall.RecallTypeNum === 1 ? 'Prophy' : 'Perio' }],
			['PUT', `/appointments/${apt.AptNum}/Break`, { sendToUnscheduledList: 'false' }],
		];
		const before = { appointments: sim.records('appointment'), commlogs: sim.records('commlog'), recalls: sim.records('recall') };
		for (const auth of [FREE, QUERIES]) {
			for (const [method, path, body] of writes) {
				const res = await send(sim, path, body, { method, auth });
				expect([path, res.status, res.json]).toEqual([path, 401, NO_PERMISSION]);
			}
		}
		const disabled = await send(sim, writes[0][1], writes[0][2], { auth: DISABLED });
		expect([disabled.status, disabled.json]).toEqual([401, 'Invalid credentials.']);
		// Refused writes change nothing.
		expect({ appointments: sim.records('appointment'), commlogs: sim.records('commlog'), recalls: sim.records('recall') }).toEqual(before);

		// Comm is enough, without ReadAll (NoReadCustKey001 holds only Comm).
		const statuses = [];
		for (const [index, [method, path, body]] of writes.entries()) {
			statuses.push((await send(sim, path, body, { method, auth: index % 2 ? PAID : NO_READ })).status);
		}
		expect(statuses).toEqual([200, 200, 201, 200, 200]);

		const query = { SqlCommand: 'SELECT PatNum FROM patient WHERE PatNum = 1' };
		for (const auth of [FREE, PAID, NO_READ]) {
			const res = await send(sim, '/queries/ShortQuery', query, { auth });
			expect([res.status, res.json]).toEqual([401, NO_PERMISSION]);
		}
		for (const auth of [QUERIES, COMM_QUERIES]) {
			const res = await send(sim, '/queries/ShortQuery', query, { auth });
			expect([res.status, res.json]).toEqual([200, [{ PatNum: 1 }]]);
		}
	});

	it('checks the permission before the Content-Type, and the Content-Type of every write', async () => {
		const [apt] = scheduled();
		const path = `/appointments/${apt.AptNum}/Note`;
		const refused = await send(sim, path, { Note: 'x' }, { auth: FREE, contentType: null });
		expect([refused.status, refused.json]).toEqual([401, NO_PERMISSION]);
		sim.configure({ strictContentTypeOnGet: false });
		for (const contentType of [null, 'text/plain']) {
			const res = await send(sim, path, { Note: 'x' }, { contentType });
			expect([res.status, res.json]).toEqual([400, 'Content-Type must be application/json.']);
		}
		expect(sim.records('appointment').find((a) => a.AptNum === apt.AptNum)).toEqual(apt);
	});

	it('reads the body as JSON: not JSON, too large or not an object is a 400; empty is an empty object', async () => {
		const [apt] = scheduled();
		const path = `/appointments/${apt.AptNum}/Confirm`;
		const broken = await send(sim, path, undefined, { rawBody: '{"confirmVal": "Sent"' });
		expect([broken.status, broken.json]).toEqual([400, 'The request body is not valid JSON.']);
		const huge = await send(sim, path, undefined, { rawBody: JSON.stringify({ confirmVal: 'x'.repeat(1024 * 1024) }) });
		expect([huge.status, huge.json]).toEqual([400, 'The request body is too large.']);
		const list = await send(sim, path, [{ confirmVal: 'Sent' }]);
		expect([list.status, list.json]).toEqual([400, 'The request body must be a JSON object.']);
		const empty = await send(sim, path, undefined);
		expect([empty.status, empty.json]).toEqual([400, 'confirmVal or defNum is required.']);
		expect(sim.requests().map((entry) => [entry.status, entry.body])).toEqual([
			[400, null],
			[400, null],
			[400, [{ confirmVal: 'Sent' }]],
			[400, null],
		]);
	});

	it('answers a write without a body as "200 OK" with nothing, and logs the parsed body', async () => {
		const apt = scheduled().find((a) => a.Confirmed !== 24)!;
		const res = await send(sim, `/appointments/${apt.AptNum}/Confirm?x=1`, { confirmVal: 'Sent' }, { auth: PAID });
		expect([res.status, res.text, res.headers.get('content-length'), res.headers.get('content-type')]).toEqual([200, '', '0', null]);
		const get = await call(sim, `/appointments/${apt.AptNum}`);
		expect(sim.requests()).toEqual([
			{
				seq: 1,
				at: expect.any(Number),
				method: 'PUT',
				path: `/appointments/${apt.AptNum}/Confirm`,
				rawQuery: 'x=1',
				query: { x: '1' },
				headers: { authorization: PAID, contentType: 'application/json', accept: '*/*' },
				body: { confirmVal: 'Sent' },
				customerKey: 'PaidCustKey00001',
				status: 200,
				rows: null,
				fault: null,
				throttled: false,
				durationMs: 0,
			},
			{
				seq: 2,
				at: expect.any(Number),
				method: 'GET',
				path: `/appointments/${apt.AptNum}`,
				rawQuery: '',
				query: {},
				headers: { authorization: FREE, contentType: 'application/json', accept: '*/*' },
				body: null,
				customerKey: 'VzkmZEaUWOjnQX2z',
				status: 200,
				rows: null,
				fault: null,
				throttled: false,
				durationMs: 0,
			},
		]);
		expect(get.json).toMatchObject({ AptNum: apt.AptNum, Confirmed: 24, confirmed: 'eConfirm Sent' });
		// The log hands out copies of bodies too.
		(sim.requests()[0].body as { confirmVal: string }).confirmVal = 'changed';
		expect(sim.requests()[0].body).toEqual({ confirmVal: 'Sent' });
	});

	it('answers POST /commlogs with 201, the stored commlog and its Location', async () => {
		const res = await send(sim, '/commlogs', { PatNum: 1, Note: 'Left a message' }, { method: 'POST' });
		const stored = sim.records('commlog').at(-1)!;
		expect(res.status).toBe(201);
		expect(res.json).toEqual(stored);
		expect(res.headers.get('location')).toBe(`${sim.baseUrl}/commlogs/${stored.CommlogNum}`);
		expect(sim.requests()[0]).toMatchObject({ status: 201, rows: null, body: { PatNum: 1, Note: 'Left a message' } });
	});

	it('serializes line breaks as spaces, as the real API does, while the office keeps them', async () => {
		const apt = scheduled().find((a) => a.Note === '')!;
		await send(sim, `/appointments/${apt.AptNum}/Note`, { Note: 'First line' });
		await send(sim, `/appointments/${apt.AptNum}/Note`, { Note: 'Second\nline' });
		expect(sim.records('appointment').find((a) => a.AptNum === apt.AptNum)!.Note).toBe('First line\r\nSecond\nline');
		const res = await call(sim, `/appointments/${apt.AptNum}`);
		expect(res.json.Note).toBe('First line Second line');
		expect(res.text).not.toContain('\\n');
	});
});
