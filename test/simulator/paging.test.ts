import { startSimulator, Simulator } from '../../simulator';
import { call, FREE, ENTERPRISE } from './helpers';
import { range } from '../support/numbers';

const patNums = (rows: Array<{ PatNum: number }>) => rows.map((row) => row.PatNum);

describe('simulator: paging', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.configure({ mode: 'remote', pageCap: null, ignoreOffset: false, shuffleOrder: false }));

	it('serves 250 patients as pages of 100, 100 and 50 with exact PatNums, then []', async () => {
		const pages = [];
		for (const offset of [0, 100, 200, 250]) pages.push(await call(sim, `/patients/Simple?Offset=${offset}`));
		expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
		expect(patNums(pages[0].json)).toEqual(range(1, 100));
		expect(patNums(pages[1].json)).toEqual(range(101, 200));
		expect(patNums(pages[2].json)).toEqual(range(201, 250));
		expect(pages[3].json).toEqual([]);
		expect(pages[3].text).toBe('[]');
	});

	it('sends no count or link headers', async () => {
		const res = await call(sim, '/patients/Simple');
		expect(res.headers.get('link')).toBeNull();
		expect(res.headers.get('x-total-count')).toBeNull();
	});

	it('honours a smaller Limit and clamps a larger one to the cap', async () => {
		expect(patNums((await call(sim, '/patients/Simple?Limit=7&Offset=3')).json)).toEqual(range(4, 10));
		expect(patNums((await call(sim, '/patients/Simple?Limit=500')).json)).toEqual(range(1, 100));
	});

	it('ignores lowercase offset/limit and unknown parameters (the real trap)', async () => {
		const res = await call(sim, '/patients/Simple?offset=100&limit=5&fields=PatNum');
		expect(patNums(res.json)).toEqual(range(1, 100));
	});

	it.each([
		['Limit=0', 'Limit is invalid.'],
		['Limit=-5', 'Limit is invalid.'],
		['Limit=abc', 'Limit is invalid.'],
		['Limit=1.5', 'Limit is invalid.'],
		['Offset=-1', 'Offset is invalid.'],
		['Offset=x', 'Offset is invalid.'],
		['Offset=2.0', 'Offset is invalid.'],
	])('rejects %s with 400', async (query, message) => {
		const res = await call(sim, `/patients/Simple?${query}`);
		expect([res.status, res.json]).toEqual([400, message]);
	});

	it('pages the search endpoint and /preferences the same way', async () => {
		const first = await call(sim, '/patients?Limit=10');
		const second = await call(sim, '/patients?Limit=10&Offset=10');
		const both = await call(sim, '/patients?Limit=20');
		expect(first.json).toHaveLength(10);
		expect([...first.json, ...second.json]).toEqual(both.json);
		const prefs = await call(sim, '/preferences?Limit=2&Offset=1');
		expect(prefs.json.map((p: { PrefNum: number }) => p.PrefNum)).toEqual([2, 3]);
	});

	it('uses a 1000-row cap for Enterprise keys on remote', async () => {
		sim.seed({ patients: 1200 });
		try {
			expect((await call(sim, '/patients/Simple', { auth: ENTERPRISE })).json).toHaveLength(1000);
			expect((await call(sim, '/patients/Simple', { auth: FREE })).json).toHaveLength(100);
		} finally {
			sim.seed({ patients: 250 });
		}
	});

	it('uses a 1000-row cap in local mode and 10000 with Enterprise', async () => {
		sim.seed({ patients: 10050 });
		sim.configure({ mode: 'local' });
		try {
			expect((await call(sim, '/patients/Simple', { auth: FREE })).json).toHaveLength(1000);
			expect((await call(sim, '/patients/Simple?Limit=5000', { auth: FREE })).json).toHaveLength(1000);
			const big = await call(sim, '/patients/Simple?Offset=50', { auth: ENTERPRISE });
			expect(big.json).toHaveLength(10000);
			expect(big.json[9999].PatNum).toBe(10050);
		} finally {
			sim.seed({ patients: 250 });
		}
	});

	it('applies a pageCap override to every key', async () => {
		sim.configure({ pageCap: 25 });
		expect(patNums((await call(sim, '/patients/Simple?Offset=225')).json)).toEqual(range(226, 250));
		expect((await call(sim, '/patients/Simple', { auth: ENTERPRISE })).json).toHaveLength(25);
		expect((await call(sim, '/patients/Simple?Limit=30')).json).toHaveLength(25);
	});

	it('can simulate a server that ignores Offset', async () => {
		sim.configure({ ignoreOffset: true });
		expect(patNums((await call(sim, '/patients/Simple?Offset=100&Limit=3')).json)).toEqual([1, 2, 3]);
	});

	it('shuffleOrder serves a stable, complete, non-PatNum order', async () => {
		sim.configure({ shuffleOrder: true });
		const pages = [];
		for (const offset of [0, 100, 200]) pages.push(patNums((await call(sim, `/patients/Simple?Offset=${offset}`)).json));
		const all = pages.flat();
		expect(all).not.toEqual(range(1, 250));
		expect([...all].sort((a, b) => a - b)).toEqual(range(1, 250));
		expect(patNums((await call(sim, '/patients/Simple')).json)).toEqual(pages[0]);
	});

	// How fast is the benchmark's to say (it seeds 100,000 itself); here, only that it is right.
	it('seeds and pages 100,000 patients', async () => {
		sim.seed({ patients: 100000 });
		try {
			const res = await call(sim, '/patients/Simple?Offset=99950');
			expect(patNums(res.json)).toEqual(range(99951, 100000));
			const search = await call(sim, '/patients?Offset=90000');
			expect(search.json).toHaveLength(100);
		} finally {
			sim.seed({ patients: 250 });
		}
	});
});
