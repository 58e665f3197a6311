// The throttle in the simulator's own time, moved by the test: nothing here depends on how fast a
// busy machine answers.
import { type ManualTime, manualTime, type Simulator, type StartOptions, startSimulator } from '../../simulator';
import { answered, arrived, call, ENTERPRISE, FREE, PAID } from './helpers';

// 5000/1000/500 ms tiers scaled by 0.06 → 300/60/30 ms.
const FAST = { throttle: { timeScale: 0.06 } };


describe('simulator: throttling per customer key', () => {
	let sim: Simulator;
	let time: ManualTime;
	const start = async (options: StartOptions) => {
		time = manualTime();
		sim = await startSimulator({ ...options, time });
		return sim;
	};
	afterEach(() => sim.close());

	it('rejects an early request with 429 + Retry-After, without consuming a slot', async () => {
		await start(FAST);
		const first = await call(sim, '/patients/1');
		const early = await call(sim, '/patients/1');
		expect(first.status).toBe(200);
		expect([early.status, early.json, early.headers.get('retry-after')]).toEqual([429, 'Too many requests.', '1']);
		time.advance(200);
		const stillEarly = await call(sim, '/patients/1');
		expect(stillEarly.status).toBe(429);
		time.advance(100);
		// 300 ms after the first request; the 429s took no slot.
		const onTime = await call(sim, '/patients/1');
		expect(onTime.status).toBe(200);
		const tooSoon = await call(sim, '/patients/1');
		expect(tooSoon.status).toBe(429);

		const log = sim.requests();
		expect(log.map((e) => [e.status, e.throttled, e.at - log[0].at])).toEqual([
			[200, false, 0],
			[429, true, 0],
			[429, true, 200],
			[200, false, 300],
			[429, true, 300],
		]);
	});

	it('rounds Retry-After up to whole seconds and can send an HTTP-date or nothing', async () => {
		await start({ throttle: { readAllMs: 4200 } });
		await call(sim, '/patients/1');
		expect((await call(sim, '/patients/1')).headers.get('retry-after')).toBe('5');
		sim.configure({ throttle: { retryAfter: 'date' } });
		time.advance(1000);
		const dated = await call(sim, '/patients/1');
		expect(dated.status).toBe(429);
		// 3.2 s still to wait, from 15:00:01: the date is rounded up to the next whole second.
		expect(dated.headers.get('retry-after')).toBe('Mon, 05 Jan 2026 15:00:05 GMT');
		sim.configure({ throttle: { retryAfter: 'none' } });
		const bare = await call(sim, '/patients/1');
		expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
	});

	it('applies the tier intervals: free 5 s, paid 1 s, Enterprise 500 ms (scaled)', async () => {
		await start(FAST);
		for (const auth of [FREE, PAID, ENTERPRISE]) expect((await call(sim, '/patients/1', { auth })).status).toBe(200);
		time.advance(29);
		expect((await call(sim, '/patients/1', { auth: ENTERPRISE })).status).toBe(429);
		time.advance(1);
		// At 30 ms Enterprise (30) is due again; at 60 ms paid (60); free (300) is not.
		expect((await call(sim, '/patients/1', { auth: ENTERPRISE })).status).toBe(200);
		time.advance(30);
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
		expect((await call(sim, '/patients/1', { auth: FREE })).status).toBe(429);
	});

	it('keeps keys independent', async () => {
		await start(FAST);
		expect((await call(sim, '/patients/1', { auth: FREE })).status).toBe(200);
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
		expect((await call(sim, '/patients/1', { auth: FREE })).status).toBe(429);
		const log = sim.requests();
		expect(log.map((e) => e.customerKey)).toEqual(['VzkmZEaUWOjnQX2z', 'PaidCustKey00001', 'VzkmZEaUWOjnQX2z']);
	});

	it('delay mode holds early requests until their slot and serves them all', async () => {
		await start({ throttle: { mode: 'delay', timeScale: 0.1 } });
		const results = Promise.all([1, 2, 3, 4].map((n) => call(sim, `/patients/${n}`, { auth: PAID })));
		await arrived(sim, 4);
		// Paid scaled to 100 ms: the three early ones are held for 100, 200 and 300 ms.
		expect(time.pending()).toBe(3);
		for (let step = 1; step <= 3; step += 1) {
			time.advance(100);
			await answered(sim, 1 + step);
		}
		expect((await results).map((r) => [r.status, r.json.PatNum])).toEqual([
			[200, 1],
			[200, 2],
			[200, 3],
			[200, 4],
		]);
		const log = sim.requests();
		expect(log.filter((e) => e.throttled)).toHaveLength(3);
		expect(log.map((e) => e.durationMs).sort((a, b) => (a as number) - (b as number))).toEqual([0, 100, 200, 300]);
	});

	it('does not throttle in local mode or with throttle off', async () => {
		await start({ mode: 'local' });
		for (let i = 0; i < 5; i += 1) expect((await call(sim, '/patients/1')).status).toBe(200);
		sim.configure({ mode: 'remote', throttle: { mode: 'off' } });
		for (let i = 0; i < 5; i += 1) expect((await call(sim, '/patients/1')).status).toBe(200);
	});

	it('applies latency after the throttle, so it does not shift arrival spacing', async () => {
		await start({ latencyMs: 150, throttle: { timeScale: 0.1 } });
		const slow = call(sim, '/patients/1', { auth: PAID });
		await arrived(sim, 1);
		time.advance(20);
		const rejected = await call(sim, '/patients/1', { auth: PAID });
		expect(rejected.status).toBe(429);
		// The next slot is 100 ms after the first ARRIVAL, not after its 150 ms of processing.
		time.advance(80);
		const onTime = call(sim, '/patients/1', { auth: PAID });
		await arrived(sim, 3);
		time.advance(50);
		await answered(sim, 2);
		time.advance(100);
		expect([(await slow).status, (await onTime).status]).toEqual([200, 200]);
		const log = sim.requests();
		expect(log.map((e) => [e.status, e.at - log[0].at, e.durationMs])).toEqual([
			[200, 0, 150],
			[429, 20, 0],
			[200, 100, 150],
		]);
	});
});
