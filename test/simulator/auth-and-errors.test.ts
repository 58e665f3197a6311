import { startSimulator, DEFAULT_KEYS, Simulator } from '../../simulator';
import { call, FREE, PAID, DISABLED, NO_READ, DEV } from './helpers';

describe('simulator: authentication, headers, routing and error bodies', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.configure({ errorBodyStyle: 'json-string', strictContentTypeOnGet: true }));

	it('exports the eight key pairs, the first being the public test pair, the Queries and AllOthers ones appended', () => {
		expect(DEFAULT_KEYS.map((k) => [k.customerKey, k.permissions])).toEqual([
			['VzkmZEaUWOjnQX2z', ['ReadAll']],
			['PaidCustKey00001', ['ReadAll', 'Comm']],
			['EntCustKey000001', ['ReadAll', 'Comm', 'Enterprise']],
			['DisabledCustKey1', ['ReadAll']],
			['NoReadCustKey001', ['Comm']],
			['QueryCustKey0001', ['ReadAll', 'Queries']],
			['CommQueryKey0001', ['ReadAll', 'Comm', 'Queries']],
			['FullAccessKey001', ['ReadAll', 'Comm', 'Queries', 'AllOthers']],
		]);
		expect(DEFAULT_KEYS.every((k) => k.developerKey === DEV)).toBe(true);
		expect(DEFAULT_KEYS[3].disabled).toBe(true);
	});

	it('accepts a good ODFHIR pair', async () => {
		const res = await call(sim, '/patients/1', { auth: FREE });
		expect(res.status).toBe(200);
		expect(res.json.PatNum).toBe(1);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
	});

	it.each([
		['missing header', null],
		['Basic auth', 'Basic TkZGNmkwS3JYcnhEa1pIdDpWemttWkVhVVdPam5RWDJ6'],
		['Bearer token', 'Bearer VzkmZEaUWOjnQX2z'],
		['lowercase scheme', 'odfhir NFF6i0KrXrxDkZHt/VzkmZEaUWOjnQX2z'],
		['two spaces', 'ODFHIR  NFF6i0KrXrxDkZHt/VzkmZEaUWOjnQX2z'],
		['unknown customer key', 'ODFHIR NFF6i0KrXrxDkZHt/NotARealKey'],
		['swapped keys', 'ODFHIR VzkmZEaUWOjnQX2z/NFF6i0KrXrxDkZHt'],
		['disabled key', DISABLED],
	])('rejects %s with 401 "Invalid credentials."', async (_label, auth) => {
		const res = await call(sim, '/patients/1', { auth });
		expect(res.status).toBe(401);
		expect(res.json).toBe('Invalid credentials.');
	});

	it('rejects a GET by a valid key without ReadAll with the permission message', async () => {
		const res = await call(sim, '/patients/1', { auth: NO_READ });
		expect(res.status).toBe(401);
		expect(res.json).toBe('This API key does not have permission to use this method.');
	});

	it('requires Content-Type: application/json on GET, accepting a charset suffix', async () => {
		for (const contentType of [null, 'text/plain', 'application/xml']) {
			const res = await call(sim, '/patients/1', { contentType });
			expect(res.status).toBe(400);
			expect(res.json).toBe('Content-Type must be application/json.');
		}
		expect((await call(sim, '/patients/1', { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
		sim.configure({ strictContentTypeOnGet: false });
		expect((await call(sim, '/patients/1', { contentType: null })).status).toBe(200);
	});

	it('checks auth before Content-Type', async () => {
		const res = await call(sim, '/patients/1', { auth: null, contentType: null });
		expect(res.status).toBe(401);
	});

	it('answers unknown paths, wrong case and other methods with 404 "Resource not found."', async () => {
		for (const path of ['/patient', '/Patients/1', '/appointment', '/Appointments', '/patients/1/extra']) {
			const res = await call(sim, path);
			expect([path, res.status, res.json]).toEqual([path, 404, 'Resource not found.']);
		}
		const post = await call(sim, '/patients', { method: 'POST' });
		expect([post.status, post.json]).toEqual([404, 'Resource not found.']);
		const outside = await fetch(`${sim.baseUrl.replace('/api/v1', '')}/patients`);
		expect(outside.status).toBe(404);
	});

	it('answers a non-integer id with 400 (including /patients/simple in the wrong case)', async () => {
		for (const id of ['abc', '1.5', 'simple']) {
			const res = await call(sim, `/patients/${id}`);
			expect([res.status, res.json]).toEqual([400, 'PatNum is invalid.']);
		}
	});

	it('answers an unknown patient with 404 "Patient not found."', async () => {
		const res = await call(sim, '/patients/999999');
		expect([res.status, res.json]).toEqual([404, 'Patient not found.']);
	});

	it('renders errors in each errorBodyStyle', async () => {
		let res = await call(sim, '/patients/999999');
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.text).toBe('"Patient not found."');

		sim.configure({ errorBodyStyle: 'text' });
		res = await call(sim, '/patients/999999');
		expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(res.text).toBe('Patient not found.');
		res = await call(sim, '/patients/1', { auth: null });
		expect([res.status, res.text]).toEqual([401, 'Invalid credentials.']);

		sim.configure({ errorBodyStyle: 'aspnet' });
		res = await call(sim, '/patients/999999');
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.text).toBe('{"Message":"Patient not found."}');
		res = await call(sim, '/nope');
		expect(res.json).toEqual({ Message: 'Resource not found.' });
	});

	it('refuses unknown or invalid config options', () => {
		expect(() => sim.configure({ bogus: 1 } as never)).toThrow('Unknown config option "bogus"');
		expect(() => sim.configure({ throttle: { mode: 'sometimes' as never } })).toThrow('throttle.mode');
		expect(() => sim.configure({ officeTimeZone: 'Mars/Olympus' })).toThrow('officeTimeZone');
		expect(sim.getConfig().throttle.mode).toBe('off');
	});
});
