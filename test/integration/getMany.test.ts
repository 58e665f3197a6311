import { startSimulator, type Simulator } from '../../simulator';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { FREE_KEY, maxConcurrent, pageRequests, patNums, range, runOpenDental, runOpenDentalError, simulatorCredential, sortedOffsets, windowedOffsets } from './setup';

let sim: Simulator;
const getMany = (extra = {}) => ({ operation: 'getAll', returnAll: true, filters: {}, simplify: true, ...extra });

beforeAll(async () => {
	sim = await startSimulator({ patients: 1234, seed: 7, throttle: { mode: 'off' } });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ throttle: { mode: 'off' } });
	resetPacing();
});

// The credential here is unthrottled, so pages are read through a window of 4 requests in flight:
// 13 pages hold the data, and 3 more were already asked for when the short page 13 came back.
const NEEDED = range(0, 12).map((page) => page * 100);
const ALL_ASKED = windowedOffsets(13);

describe('Get Many over real HTTP (1,234 patients, 100 a page)', () => {
	it('Return All: exactly 1,234 distinct PatNums; 16 requests at the exact Offsets, at most 4 in flight', async () => {
		// Held 20 ms each, so the window's requests overlap at the server. That exactly 4 are in flight
		// is proven without timing in the paging unit tests; here, that never more are.
		sim.configure({ latencyMs: 20 });
		const items = await runOpenDental(sim, getMany());
		expect(patNums(items)).toEqual(range(1, 1234));
		expect(items.every((item, i) => item.pairedItem && (item.pairedItem as { item: number }).item === 0 && i >= 0)).toBe(true);
		const pages = pageRequests(sim);
		expect(pages).toEqual(ALL_ASKED.map((offset) => ({ limit: 100, offset, status: 200, fault: null })));
		expect(sim.requests().map((entry) => entry.rows)).toEqual([...Array(12).fill(100), 34, 0, 0, 0]);
		expect(maxConcurrent(sim)).toBeLessThanOrEqual(4);
		for (const entry of sim.requests()) {
			expect(entry.headers.authorization).toBe(`ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`);
			expect(entry.headers.contentType).toBe('application/json');
			expect(entry.rawQuery).not.toMatch(/(^|&)(limit|offset)=/);
		}
	});

	it('limit 250 returns 250 patients with 250 rows requested in total', async () => {
		const items = await runOpenDental(sim, getMany({ returnAll: false, limit: 250 }));
		expect(patNums(items)).toEqual(range(1, 250));
		const pages = pageRequests(sim);
		expect(pages.map(({ limit, offset }) => [limit, offset])).toEqual([
			[100, 0],
			[100, 100],
			[50, 200],
		]);
		expect(pages.reduce((sum, page) => sum + page.limit, 0)).toBe(250);
	});

	it('with 10% of requests faulted (every 10th) it still returns exactly 1,234', async () => {
		sim.addFault({ path: '/patients/Simple', every: 10, fault: 'serverError' });
		const items = await runOpenDental(sim, getMany());
		expect(patNums(items)).toEqual(range(1, 1234));
		const pages = pageRequests(sim);
		expect(pages).toHaveLength(17);
		expect(pages.filter((page) => page.fault === 'serverError').map((page) => page.offset)).toEqual([900]);
		expect(sortedOffsets(pages.filter((page) => page.status === 200))).toEqual(ALL_ASKED);
	}, 30_000);

	it('rides out every kind of fault (500, 429 with and without Retry-After, eConnector 400, reset, 504), resuming at the faulted Offset', async () => {
		// Every fault the transport must ride out, about one request in ten.
		sim.addFault([
			{ path: '/patients/Simple', nth: [2], fault: 'serverError' },
			{ path: '/patients/Simple', nth: [5], fault: 'rateLimit', retryAfter: 'seconds', retryAfterSeconds: 1 },
			{ path: '/patients/Simple', nth: [7], fault: 'eConnectorDown' },
			{ path: '/patients/Simple', nth: [10], fault: 'reset' },
			{ path: '/patients/Simple', nth: [12], fault: 'gatewayTimeout' },
			{ path: '/patients/Simple', nth: [14], fault: 'rateLimit', retryAfter: 'none' },
		]);
		const items = await runOpenDental(sim, getMany());
		expect(patNums(items)).toEqual(range(1, 1234));
		const pages = pageRequests(sim);
		const faulted = pages.filter((page) => page.fault !== null);
		expect(faulted).toHaveLength(6);
		// A fault on a page holding data is retried at the same Offset; one past the end is dropped.
		const retried = faulted.filter((page) => page.offset <= 1200);
		expect(pages).toHaveLength(ALL_ASKED.length + retried.length);
		pages.forEach((page, i) => {
			if (page.fault && page.offset <= 1200) expect(pages.slice(i + 1).map((later) => later.offset)).toContain(page.offset);
		});
		const served = pages.filter((page) => page.status === 200);
		expect(sortedOffsets(served.filter((page) => page.offset <= 1200))).toEqual(NEEDED);
		expect(sortedOffsets(served).length + faulted.length - retried.length).toBe(ALL_ASKED.length);
	}, 60_000);

	it('notices a server cap below the configured page size and still returns every patient', async () => {
		const credentials = simulatorCredential(sim, { pageSize: 1000 });
		const items = await runOpenDental(sim, getMany(), { credentials });
		expect(patNums(items)).toEqual(range(1, 1234));
		expect(pageRequests(sim).map(({ limit, offset }) => [limit, offset])).toEqual([
			[1000, 0],
			...range(1, 15).map((page) => [100, page * 100]),
		]);
	});

	it('uses 1000-row pages on a local-mode server', async () => {
		sim.configure({ mode: 'local' });
		const items = await runOpenDental(sim, getMany(), { credentials: simulatorCredential(sim, { pageSize: 1000 }) });
		expect(patNums(items)).toEqual(range(1, 1234));
		// The first page alone, then two at once: the second is short, the third was past the end.
		expect(pageRequests(sim).map(({ limit, offset }) => [limit, offset])).toEqual([
			[1000, 0],
			[1000, 1000],
			[1000, 2000],
		]);
	});

	it('stops with a clear error when the server ignores Offset', async () => {
		sim.configure({ ignoreOffset: true });
		const error = await runOpenDentalError(sim, getMany());
		expect(error.message).toBe('Open Dental returned the same rows again for a later page');
		expect(pageRequests(sim).map((page) => page.offset)).toEqual([0, 100, 200]);
	});

	it('filters: Updated Since selects exactly the patients changed at or after the office-local time', async () => {
		sim.clock.set('2026-11-20 09:00:00');
		sim.touchPatient(5);
		sim.touchPatient(1017);
		const local = await runOpenDental(sim, getMany({ filters: { updatedSince: '2026-11-20 09:00:00' } }));
		expect(patNums(local)).toEqual([5, 1017]);
		// 15:00 UTC is 09:00 in Chicago (CST): an ISO value is read in the workflow's time zone.
		const iso = await runOpenDental(sim, getMany({ filters: { updatedSince: '2026-11-20T15:00:00.000Z' } }));
		expect(patNums(iso)).toEqual([5, 1017]);
		expect(sim.requests().map((entry) => entry.query.DateTStamp)).toEqual(['2026-11-20 09:00:00', '2026-11-20 09:00:00']);
	});

	it('filters: name, status and clinic reach Open Dental as its parameters and match its data', async () => {
		const all = await runOpenDental(sim, getMany({ simplify: false }));
		const expected = all
			.filter((item) => String(item.json.LName).toLowerCase().includes('son') && item.json.PatStatus === 'Patient' && item.json.ClinicNum === 1)
			.map((item) => item.json.PatNum);
		expect(expected.length).toBeGreaterThan(0);
		sim.clearRequests();
		const items = await runOpenDental(sim, getMany({ filters: { lastName: 'SON', patStatus: 'Patient', clinicNum: 1 } }));
		expect(patNums(items)).toEqual(expected);
		expect(sim.requests()[0].query).toEqual({ LName: 'SON', PatStatus: 'Patient', ClinicNum: '1', Limit: '100', Offset: '0' });
	});

	it('Simplify drops SSN and keeps the documented short record; off returns Open Dental\'s record', async () => {
		const [short] = await runOpenDental(sim, getMany({ returnAll: false, limit: 1 }));
		expect(Object.keys(short.json)).toEqual([
			'PatNum', 'Guarantor', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus', 'Email', 'WirelessPhone', 'HmPhone', 'WkPhone',
			'Address', 'Address2', 'City', 'State', 'Zip', 'TxtMsgOk', 'PreferContactMethod', 'PreferConfirmMethod', 'PreferRecallMethod',
			'ClinicNum', 'clinicAbbr', 'PriProv', 'priProvAbbr', 'DateTStamp', 'serverDateTime',
		]);
		const [full] = await runOpenDental(sim, getMany({ returnAll: false, limit: 1, simplify: false }));
		expect(full.json).toHaveProperty('SSN');
		expect(Object.keys(full.json)[0]).toBe('serverDateTime');
	});
});
