import { startSimulator, Simulator, StartOptions } from '../../simulator';
import { call, sleep, FREE, PAID, ENTERPRISE } from './helpers';

// 5000/1000/500 ms tiers scaled by 0.06 → 300/60/30 ms.
const FAST = { throttle: { timeScale: 0.06 } };

describe('simulator: throttling per customer key', () => {
	let sim: Simulator;
	const start = async (options: StartOptions) => {
		sim = await startSimulator(options);
		return sim;
	};
	afterEach(() => sim.close());

	it('rejects an early request with 429 + Retry-After, without consuming a slot', async () => {
		await start(FAST);
		const t0 = Date.now();
		const first = await call(sim, '/patients/1');
		const early = await call(sim, '/patients/1');
		expect(first.status).toBe(200);
		expect([early.status, early.json, early.headers.get('retry-after')]).toEqual([429, 'Too many requests.', '1']);
		await sleep(200 - (Date.now() - t0));
		const stillEarly = await call(sim, '/patients/1');
		expect(stillEarly.status).toBe(429);
		await sleep(340 - (Date.now() - t0));
		// Only 300 ms after the first request counts; the 429 at ~200 ms took no slot.
		const onTime = await call(sim, '/patients/1');
		expect(onTime.status).toBe(200);

		const log = sim.requests();
		expect(log.map((e) => [e.status, e.throttled])).toEqual([[200, false], [429, true], [429, true], [200, false]]);
		expect(log[3].at - log[0].at).toBeGreaterThanOrEqual(300);
		expect(log[3].at - log[2].at).toBeLessThan(300);
	});

	it('rounds Retry-After up to whole seconds and can send an HTTP-date or nothing', async () => {
		await start({ throttle: { readAllMs: 4200 } });
		await call(sim, '/patients/1');
		expect((await call(sim, '/patients/1')).headers.get('retry-after')).toBe('5');
		sim.configure({ throttle: { retryAfter: 'date' } });
		const dated = await call(sim, '/patients/1');
		const retryAt = Date.parse(dated.headers.get('retry-after') as string);
		expect(dated.status).toBe(429);
		expect(retryAt - Date.now()).toBeGreaterThan(3000);
		expect(retryAt - Date.now()).toBeLessThanOrEqual(5200);
		sim.configure({ throttle: { retryAfter: 'none' } });
		const bare = await call(sim, '/patients/1');
		expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
	});

	it('applies the tier intervals: free 5 s, paid 1 s, Enterprise 500 ms (scaled)', async () => {
		await start(FAST);
		for (const auth of [FREE, PAID, ENTERPRISE]) expect((await call(sim, '/patients/1', { auth })).status).toBe(200);
		await sleep(70);
		// After 70 ms: paid (60) and Enterprise (30) are due again, free (300) is not.
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
		expect((await call(sim, '/patients/1', { auth: ENTERPRISE })).status).toBe(200);
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
		const started = Date.now();
		const results = await Promise.all([1, 2, 3, 4].map((n) => call(sim, `/patients/${n}`, { auth: PAID })));
		const elapsed = Date.now() - started;
		expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(results.map((r) => r.json.PatNum)).toEqual([1, 2, 3, 4]);
		expect(elapsed).toBeGreaterThanOrEqual(295);
		const log = sim.requests();
		expect(log.filter((e) => e.throttled)).toHaveLength(3);
		const durations = log.map((e) => e.durationMs as number).sort((a, b) => a - b);
		expect(durations[3]).toBeGreaterThanOrEqual(290);
	});

	it('does not throttle in local mode or with throttle off', async () => {
		await start({ mode: 'local' });
		for (let i = 0; i < 5; i += 1) expect((await call(sim, '/patients/1')).status).toBe(200);
		sim.configure({ mode: 'remote', throttle: { mode: 'off' } });
		for (let i = 0; i < 5; i += 1) expect((await call(sim, '/patients/1')).status).toBe(200);
	});

	it('applies latency after the throttle, so it does not shift arrival spacing', async () => {
		await start({ latencyMs: 150, throttle: { timeScale: 0.1 } });
		const [slow, rejected] = await Promise.all([
			call(sim, '/patients/1', { auth: PAID }),
			sleep(20).then(() => call(sim, '/patients/1', { auth: PAID })),
		]);
		expect([slow.status, rejected.status]).toEqual([200, 429]);
		const [slowEntry, rejectedEntry] = sim.requests();
		expect(slowEntry.durationMs).toBeGreaterThanOrEqual(149);
		expect(rejectedEntry.durationMs).toBeLessThan(100);
		// The next slot is 100 ms after the first ARRIVAL, not after its 150 ms of processing.
		await sleep(Math.max(0, slowEntry.at + 120 - Date.now()));
		expect((await call(sim, '/patients/1', { auth: PAID })).status).toBe(200);
	});
});
