import { acquireSlot, deferLane, resetPacing, widenGuard } from '../../nodes/OpenDental/transport/pacer';
import { virtualClock } from '../support/fakeContext';

const throttled = { intervalMs: 5000, maxInFlight: 1 };

/** Starts n requests one after another on a lane and returns their start times. */
async function startTimes(laneId: string, count: number, time: ReturnType<typeof virtualClock>, limits = throttled, workMs = 0) {
	const starts: number[] = [];
	for (let i = 0; i < count; i++) {
		const release = await acquireSlot(laneId, limits, time.clock);
		starts.push(time.now);
		time.advance(workMs);
		release();
	}
	return starts;
}

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]);

beforeEach(() => resetPacing());

describe('pacing per customer key', () => {
	it('spaces starts by the interval plus a 2% margin (20–50 ms), the first one immediately', async () => {
		const time = virtualClock();
		const starts = await startTimes('a', 4, time);
		expect(starts[0]).toBe(1_000_000);
		expect(gaps(starts)).toEqual([5050, 5050, 5050]);
	});

	it.each([
		[5000, 5050],
		[2000, 2040],
		[1000, 1020],
		[500, 520],
		[200, 220],
	])('interval %i ms → start-to-start %i ms', async (intervalMs, gap) => {
		const time = virtualClock();
		const starts = await startTimes('b', 3, time, { intervalMs, maxInFlight: 1 });
		expect(gaps(starts)).toEqual([gap, gap]);
	});

	it('counts start to start once requests queue: slow requests add no extra wait', async () => {
		const time = virtualClock();
		const starts = await startTimes('c', 4, time, throttled, 3000);
		// The first request after idle is spaced from its response (see below), then start to start.
		expect(gaps(starts)).toEqual([8050, 5050, 5050]);
		expect(time.sleeps).toEqual([5050, 2050, 2050]);
	});

	it("spaces the lane's first request from its response, whose departure time is unsure", async () => {
		const time = virtualClock();
		const first = await acquireSlot('idle', throttled, time.clock);
		time.advance(300);
		first();
		const second = await acquireSlot('idle', throttled, time.clock);
		second();
		expect(time.sleeps).toEqual([5050]);
		expect(time.now).toBe(1_000_000 + 300 + 5050);
	});

	it('once the lane is warm, a request after an idle spell is spaced start to start again', async () => {
		const time = virtualClock();
		(await acquireSlot('warm', throttled, time.clock))();
		time.advance(60_000);
		const afterIdle = await acquireSlot('warm', throttled, time.clock);
		time.advance(300);
		afterIdle();
		const next = await acquireSlot('warm', throttled, time.clock);
		next();
		expect(time.sleeps).toEqual([5050 - 300]);
	});

	it('does not wait when the interval has already passed', async () => {
		const time = virtualClock();
		const first = await acquireSlot('d', throttled, time.clock);
		first();
		time.advance(6000);
		const second = await acquireSlot('d', throttled, time.clock);
		second();
		expect(time.sleeps).toEqual([]);
	});

	it('keys are independent', async () => {
		const time = virtualClock();
		(await acquireSlot('key-1', throttled, time.clock))();
		(await acquireSlot('key-2', throttled, time.clock))();
		expect(time.sleeps).toEqual([]);
	});

	it('two executions sharing a key queue up in order and never break the interval', async () => {
		const time = virtualClock();
		const starts: Array<[string, number]> = [];
		const run = async (name: string) => {
			for (let i = 0; i < 3; i++) {
				const release = await acquireSlot('shared', throttled, time.clock);
				starts.push([name, time.now]);
				await Promise.resolve();
				release();
			}
		};
		await Promise.all([run('A'), run('B')]);
		expect(starts).toHaveLength(6);
		expect(gaps(starts.map(([, at]) => at))).toEqual([5050, 5050, 5050, 5050, 5050]);
		expect(starts.map(([name]) => name)).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
	});

	it('holds one request in flight at a time on a throttled key', async () => {
		const time = virtualClock();
		const release = await acquireSlot('e', throttled, time.clock);
		let secondStarted = false;
		const second = acquireSlot('e', throttled, time.clock).then((r) => {
			secondStarted = true;
			return r;
		});
		time.advance(10_000);
		await new Promise((resolve) => setImmediate(resolve));
		expect(secondStarted).toBe(false);
		release();
		(await second)();
		expect(secondStarted).toBe(true);
	});

	it('lets an unthrottled lane keep a bounded window of requests in flight', async () => {
		const time = virtualClock();
		const limits = { intervalMs: 0, maxInFlight: 3 };
		const held = await Promise.all([0, 1, 2].map(() => acquireSlot('f', limits, time.clock)));
		let fourthStarted = false;
		const fourth = acquireSlot('f', limits, time.clock).then((r) => {
			fourthStarted = true;
			return r;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(fourthStarted).toBe(false);
		held[0]();
		(await fourth)();
		expect(fourthStarted).toBe(true);
		held.slice(1).forEach((release) => release());
		expect(time.sleeps).toEqual([]);
	});

	it('a deferral from a 429 holds back every request on the lane', async () => {
		const time = virtualClock();
		(await acquireSlot('g', throttled, time.clock))();
		deferLane('g', time.now + 12_000);
		const release = await acquireSlot('g', throttled, time.clock);
		release();
		expect(time.sleeps).toEqual([12_000]);
	});

	it('widens the margin after a 429 that came despite the spacing, by up to 10% of the interval', async () => {
		const time = virtualClock();
		widenGuard('h', 1000);
		const starts = await startTimes('h', 2, time, { intervalMs: 1000, maxInFlight: 1 });
		expect(gaps(starts)).toEqual([1030]);
		for (let i = 0; i < 10; i++) widenGuard('h', 1000);
		const later = await startTimes('h', 2, time, { intervalMs: 1000, maxInFlight: 1 });
		expect(gaps(later)).toEqual([1120]);
	});
});
