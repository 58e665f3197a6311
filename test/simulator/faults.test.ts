import { type FaultRule, manualTime, type Simulator, startSimulator } from '../../simulator';
import { arrived, call, PAID } from './helpers';

describe('simulator: fault rules', () => {
	let sim: Simulator;
	// The simulator's time moves only when a test moves it.
	const time = manualTime();
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
	});

	const statuses = async (paths: string[]) => {
		const out: number[] = [];
		for (const path of paths) out.push((await call(sim, path)).status);
		return out;
	};

	it('nth fires on the listed matching requests only', async () => {
		sim.addFault({ path: '/patients/Simple', nth: [2, 4], fault: 'eConnectorDown' });
		const codes = await statuses(['/patients/Simple', '/patients/1', '/patients/Simple', '/patients/Simple', '/patients/Simple']);
		expect(codes).toEqual([200, 200, 400, 200, 400]);
		const res = await call(sim, '/patients/Simple');
		expect(res.status).toBe(200);
		sim.clearFaults();
		sim.addFault({ nth: [1], fault: 'eConnectorDown' });
		const down = await call(sim, '/clinics');
		expect([down.status, down.json]).toEqual([400, 'The eConnector is not running at the dental office.']);
	});

	it('every fires on every Nth matching request; serverError is always plain text', async () => {
		sim.configure({ errorBodyStyle: 'aspnet' });
		sim.addFault({ pathPrefix: '/patients', every: 3, fault: 'serverError' });
		const codes = await statuses(Array(6).fill('/patients/2'));
		expect(codes).toEqual([200, 200, 500, 200, 200, 500]);
		const res = await call(sim, '/patients/Simple?Limit=1');
		expect(res.status).toBe(200);
		sim.clearFaults();
		sim.addFault({ fault: 'serverError' });
		const error = await call(sim, '/patients/2');
		expect([error.headers.get('content-type'), error.text]).toEqual(['text/plain; charset=utf-8', 'Internal server error.']);
	});

	it('times caps the firings; method must match; counters are reported', async () => {
		const [getId, postId] = sim.addFault([
			{ method: 'get', path: '/patients/3', times: 2, fault: 'unavailable' },
			{ method: 'POST', fault: 'gone' },
		]);
		expect(await statuses(['/patients/3', '/patients/3', '/patients/3'])).toEqual([503, 503, 200]);
		const rules = sim.faults();
		expect(rules.map((r) => [r.id, r.matched, r.fired])).toEqual([[getId, 3, 2], [postId, 0, 0]]);
	});

	it.each([
		['officeTimeout', 400, 'Request timed out.'],
		['unauthorized', 401, 'Invalid credentials.'],
		['gone', 410, 'This resource is no longer available.'],
		['badGateway', 502, 'Bad gateway.'],
		['unavailable', 503, 'Service unavailable.'],
		['gatewayTimeout', 504, 'The method did not finish within the 60 second limit.'],
	] as const)('%s answers %i in the configured body style', async (fault, status, message) => {
		sim.addFault({ fault });
		const res = await call(sim, '/patients/1');
		expect([res.status, res.json]).toEqual([status, message]);
	});

	it('validation faults carry their message, in aspnet style when configured', async () => {
		sim.configure({ errorBodyStyle: 'aspnet' });
		sim.addFault({ fault: 'validation', message: 'Version of the dental office is not high enough.' });
		const res = await call(sim, '/patients/1');
		expect([res.status, res.json]).toEqual([400, { Message: 'Version of the dental office is not high enough.' }]);
	});

	it('reset destroys the socket without a response', async () => {
		sim.addFault({ nth: [1], fault: 'reset' });
		await expect(call(sim, '/patients/1')).rejects.toThrow();
		expect((await call(sim, '/patients/1')).status).toBe(200);
		const [entry] = sim.requests();
		expect([entry.fault, entry.status]).toEqual(['reset', null]);
	});

	it('rateLimit sends Retry-After in each form', async () => {
		sim.addFault([
			{ nth: [1], fault: 'rateLimit', retryAfterSeconds: 7 },
			{ nth: [2], fault: 'rateLimit', retryAfter: 'date', retryAfterSeconds: 30 },
			{ nth: [3], fault: 'rateLimit', retryAfter: 'none' },
			{ nth: [4], fault: 'rateLimit' },
		]);
		const answers = [];
		for (let i = 0; i < 4; i += 1) answers.push(await call(sim, '/patients/1'));
		expect(answers.map((a) => [a.status, a.json])).toEqual(Array(4).fill([429, 'Too many requests.']));
		expect(answers[0].headers.get('retry-after')).toBe('7');
		expect(answers[1].headers.get('retry-after')).toBe(new Date(Math.ceil((time.epochNow() + 30_000) / 1000) * 1000).toUTCString());
		expect(answers[2].headers.get('retry-after')).toBeNull();
		expect(answers[3].headers.get('retry-after')).toBe('1');
	});

	it('a rateLimit fault does not use the throttle slot; other faults do', async () => {
		sim.configure({ throttle: { mode: 'reject', timeScale: 1 } });
		sim.addFault({ nth: [1], fault: 'rateLimit' });
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(429);
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
		sim.reset();
		sim.configure({ throttle: { mode: 'reject', timeScale: 1 } });
		sim.addFault({ nth: [1], fault: 'eConnectorDown' });
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(400);
		const throttled = await call(sim, '/patients/1', { auth: PAID });
		expect([throttled.status, sim.requests()[1].throttled, sim.requests()[1].fault]).toEqual([429, true, null]);
	});

	it('insertPatient makes rows shift while a client pages the search', async () => {
		const page1 = await call(sim, '/patients?Limit=10');
		sim.addFault({ path: '/patients', nth: [1], fault: 'insertPatient', patient: { LName: 'Aaberg', FName: 'Ida' } });
		const page2 = await call(sim, '/patients?Limit=10&Offset=10');
		// The new patient sorts first, so everything moved down by one row.
		expect(page2.json[0].PatNum).toBe(page1.json[9].PatNum);
		expect((await call(sim, '/patients?Limit=1')).json[0]).toMatchObject({ PatNum: 251, LName: 'Aaberg', FName: 'Ida' });
		expect(sim.requests()[1].fault).toBe('insertPatient');
	});

	it('hang delays a normal answer; past processingLimitMs it becomes a 504', async () => {
		sim.addFault({ nth: [1], fault: 'hang', delayMs: 150 });
		const slow = call(sim, '/patients/1');
		await arrived(sim, 1);
		time.advance(150);
		expect((await slow).status).toBe(200);
		expect(sim.requests()[0].durationMs).toBe(150);
		sim.configure({ processingLimitMs: 100 });
		sim.addFault({ nth: [1], fault: 'hang', delayMs: 5000 }); // counts from its own first match
		const timedOut = call(sim, '/patients/1');
		await arrived(sim, 2);
		time.advance(100);
		const answer = await timedOut;
		expect([answer.status, answer.json]).toEqual([504, 'The method did not finish within the 60 second limit.']);
		expect(sim.requests()[1].durationMs).toBe(100);
	});

	it('probability is seeded and therefore repeatable', async () => {
		const pattern = async () => {
			sim.reset();
			sim.configure({ throttle: { mode: 'off' } });
			sim.addFault({ probability: 0.5, seed: 42, fault: 'badGateway' });
			return statuses(Array(16).fill('/patients/1'));
		};
		const first = await pattern();
		expect(first).toContain(502);
		expect(first).toContain(200);
		expect(await pattern()).toEqual(first);
	});

	it('rejects malformed rules', () => {
		expect(() => sim.addFault({ fault: 'meteorStrike' } as unknown as FaultRule)).toThrow('fault must be one of');
		expect(() => sim.addFault({ fault: 'reset', nth: [0] })).toThrow('nth');
		expect(() => sim.addFault({ fault: 'reset', probability: 2 })).toThrow('probability');
		expect(sim.faults()).toEqual([]);
	});
});
