import type { IDataObject } from 'n8n-workflow';
import { openDentalRequestAllItems, type OpenDentalConnection } from '../../nodes/OpenDental/transport';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { fakeContext, pageResponder, patientRows, type Responder, virtualClock } from '../support/fakeContext';
import { range } from '../support/numbers';

const connection = (overrides: Partial<OpenDentalConnection> = {}): OpenDentalConnection => ({
	baseUrl: 'http://127.0.0.1:1/api/v1',
	pageSize: 100,
	intervalMs: 0,
	maxInFlight: 1,
	laneId: 'lane-paging',
	authorization: 'ODFHIR devKey1/custKey1',
	secrets: ['devKey1', 'custKey1'],
	...overrides,
});

const noRetryWait = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 };

async function scan(responder: Responder, limit?: number, conn = connection()) {
	const { ctx, calls } = fakeContext({ responder });
	const time = virtualClock();
	overrideTransportSettings({ clock: time.clock, retry: noRetryWait, random: () => 0.5 });
	const rows = await openDentalRequestAllItems.call(ctx, conn, { path: '/patients/Simple', idField: 'PatNum', limit, itemIndex: 0 });
	const requested = calls.map((call) => [call.qs.Limit, call.qs.Offset]);
	return { rows, requested, calls, time };
}

const patNums = (rows: IDataObject[]) => rows.map((row) => row.PatNum);

beforeEach(() => resetPacing());
afterEach(() => restoreTransportSettings());

describe('paging boundaries (Return All)', () => {
	it.each([
		[0, [[100, 0]]],
		[57, [[100, 0]]],
		[100, [[100, 0], [100, 100]]],
		[300, [[100, 0], [100, 100], [100, 200], [100, 300]]],
	])('%i rows → exactly these Limit/Offset requests', async (count, expected) => {
		const { rows, requested } = await scan(pageResponder(patientRows(count)));
		expect(patNums(rows)).toEqual(range(1, count));
		expect(requested).toEqual(expected);
	});

	it('1,234 rows → 1,234 distinct PatNums in 13 requests', async () => {
		const { rows, requested } = await scan(pageResponder(patientRows(1234)));
		expect(new Set(patNums(rows)).size).toBe(1234);
		expect(patNums(rows)).toEqual(range(1, 1234));
		expect(requested).toEqual(range(0, 12).map((page) => [100, page * 100]));
	});

	it('sends Limit and Offset in PascalCase only, beside the filters', async () => {
		const { ctx, calls } = fakeContext({ responder: pageResponder(patientRows(5)) });
		await openDentalRequestAllItems.call(ctx, connection(), { path: '/patients/Simple', qs: { LName: 'smi' }, idField: 'PatNum', itemIndex: 0 });
		expect(calls[0].qs).toEqual({ LName: 'smi', Limit: 100, Offset: 0 });
		expect(calls[0].options.url).toBe('/patients/Simple');
	});
});

describe('paging with a limit', () => {
	it.each([
		[50, [[50, 0]]],
		[250, [[100, 0], [100, 100], [50, 200]]],
		[300, [[100, 0], [100, 100], [100, 200]]],
	])('limit %i → requests only what is still needed', async (limit, expected) => {
		const { rows, requested } = await scan(pageResponder(patientRows(1234)), limit);
		expect(patNums(rows)).toEqual(range(1, limit));
		expect(requested).toEqual(expected);
		expect(requested.reduce((sum, [ask]) => sum + Number(ask), 0)).toBe(limit);
	});

	it('limit above the row count returns every row', async () => {
		const { rows, requested } = await scan(pageResponder(patientRows(130)), 500);
		expect(patNums(rows)).toEqual(range(1, 130));
		expect(requested).toEqual([[100, 0], [100, 100]]);
	});
});

describe('paging robustness', () => {
	it('drops rows that shifted into the next page and still reads to the end', async () => {
		const rows = patientRows(250);
		// A patient inserted at the front after the first page pushes every later row down by one.
		const responder: Responder = (call, index) => {
			const served = index === 0 ? rows : [{ PatNum: 9999, LName: 'Aaron', FName: 'New' }, ...rows];
			return pageResponder(served)(call, index);
		};
		const { rows: result, requested } = await scan(responder);
		expect(patNums(result)).toEqual(range(1, 250));
		expect(requested).toEqual([[100, 0], [100, 100], [100, 200]]);
	});

	it('stops with a clear error when the server ignores Offset', async () => {
		const rows = patientRows(500);
		const responder: Responder = () => ({ statusCode: 200, body: rows.slice(0, 100) });
		await expect(scan(responder)).rejects.toThrow('Open Dental returned the same rows again for a later page');
		const { ctx, calls } = fakeContext({ responder });
		await openDentalRequestAllItems.call(ctx, connection(), { path: '/patients/Simple', idField: 'PatNum', itemIndex: 0 }).catch(() => undefined);
		expect(calls.map((call) => call.qs.Offset)).toEqual([0, 100]);
	});

	it('notices a server cap below the configured page size and keeps reading', async () => {
		const { rows, requested } = await scan(pageResponder(patientRows(250), 100), undefined, connection({ pageSize: 1000 }));
		expect(patNums(rows)).toEqual(range(1, 250));
		expect(requested).toEqual([[1000, 0], [100, 100], [100, 200]]);
	});

	it('a lower server cap with a limit still delivers exactly the limit', async () => {
		const { rows, requested } = await scan(pageResponder(patientRows(1000), 100), 250, connection({ pageSize: 1000 }));
		expect(patNums(rows)).toEqual(range(1, 250));
		expect(requested).toEqual([[250, 0], [100, 100], [50, 200]]);
	});

	it('rejects a response that is not a list', async () => {
		await expect(scan(() => ({ statusCode: 200, body: { PatNum: 1 } }))).rejects.toThrow('Open Dental answered with something other than a list');
	});

	it('resumes at the same Offset after a fault, never restarting or duplicating', async () => {
		const serve = pageResponder(patientRows(250));
		const responder: Responder = (call, index) => (index === 1 ? { statusCode: 500, body: 'Internal error' } : serve(call, index));
		const { rows, requested } = await scan(responder);
		expect(patNums(rows)).toEqual(range(1, 250));
		expect(requested).toEqual([[100, 0], [100, 100], [100, 100], [100, 200]]);
	});
});

describe('windowed paging (several requests in flight)', () => {
	const windowed = (overrides: Partial<OpenDentalConnection> = {}) => connection({ maxInFlight: 4, ...overrides });

	/** Answers after a macrotask, so the requests of one window are really in flight together. */
	function slowResponder(serve: Responder) {
		let inFlight = 0;
		let most = 0;
		const responder: Responder = async (call, index) => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise((resolve) => setTimeout(resolve, 1));
			inFlight--;
			return await serve(call, index);
		};
		return { responder, most: () => most };
	}

	it('asks for one page, then two, then four at a time, and returns the rows in order', async () => {
		const slow = slowResponder(pageResponder(patientRows(1234)));
		const { rows, requested } = await scan(slow.responder, undefined, windowed());
		expect(patNums(rows)).toEqual(range(1, 1234));
		// Pages 13–15 were asked for before the short page 12 came back.
		expect(requested).toEqual(range(0, 15).map((page) => [100, page * 100]));
		expect(slow.most()).toBe(4);
	});

	it('one page of results costs one request', async () => {
		const { rows, requested } = await scan(pageResponder(patientRows(57)), undefined, windowed());
		expect(patNums(rows)).toEqual(range(1, 57));
		expect(requested).toEqual([[100, 0]]);
	});

	it('with a limit, asks for no row beyond it', async () => {
		const { rows, requested } = await scan(slowResponder(pageResponder(patientRows(1234))).responder, 250, windowed());
		expect(patNums(rows)).toEqual(range(1, 250));
		expect(requested).toEqual([[100, 0], [100, 100], [50, 200]]);
	});

	it('a lower server cap voids the pages asked for at the wrong size, then reads on at the cap', async () => {
		const slow = slowResponder(pageResponder(patientRows(2500), 1000));
		const { rows, requested } = await scan(slow.responder, undefined, windowed({ pageSize: 2000 }));
		expect(patNums(rows)).toEqual(range(1, 2500));
		// 2000 asked, 1000 came: the cap. Then 1000 at a time, one page, then two (the second past the end).
		expect(requested).toEqual([[2000, 0], ...[1000, 2000, 3000].map((offset) => [1000, offset])]);
	});

	it('a server that ignores Limit: reads on from where the rows really end, without a false "same rows" error', async () => {
		const rows = patientRows(250);
		const responder: Responder = (call) => ({ statusCode: 200, body: rows.slice(Number(call.qs.Offset), Number(call.qs.Offset) + 150) });
		const { rows: result, requested } = await scan(responder, undefined, windowed());
		expect(patNums(result)).toEqual(range(1, 250));
		expect(requested).toEqual([[100, 0], [100, 150], [100, 250], [100, 350]]);
	});

	it('a page that fails for good fails the read with its own error; pages after it are not retried', async () => {
		// Pages 300–500 go out while the read still waits for page 200. Pages after 300 fail only once
		// the read has had page 300's failure (it takes page 200, then 300, in microtasks right after
		// page 200's answer), so no ordering of timers decides whether they are retried.
		const failingAfter300 = (): Responder => {
			const serve = pageResponder(patientRows(1234));
			let page200Answered = () => {};
			const page200 = new Promise<void>((resolve) => (page200Answered = resolve));
			return async (call, index) => {
				if (call.qs.Offset === 300) return { statusCode: 400, body: '"Offset is invalid"' };
				if (Number(call.qs.Offset) > 300) {
					await page200;
					await new Promise((resolve) => setImmediate(resolve));
					return { statusCode: 500, body: 'Internal error' };
				}
				const answer = await slowResponder(serve).responder(call, index);
				if (call.qs.Offset === 200) page200Answered();
				return answer;
			};
		};
		await expect(scan(failingAfter300(), undefined, windowed())).rejects.toMatchObject({
			message: 'Open Dental rejected the request',
			description: expect.stringContaining('Offset is invalid'),
		});
		const { ctx, calls } = fakeContext({ responder: failingAfter300() });
		await openDentalRequestAllItems.call(ctx, windowed(), { path: '/patients/Simple', idField: 'PatNum', itemIndex: 0 }).catch(() => undefined);
		const offsets = calls.map((call) => Number(call.qs.Offset));
		// 0; 100 and 200; then 300–500 with 600 once 200 is in: each asked for once, the 500s never retried.
		expect(offsets).toEqual([0, 100, 200, 300, 400, 500, 600]);
	});

	it('surplus pages past the end that fail are dropped, not retried', async () => {
		const serve = pageResponder(patientRows(250));
		const responder: Responder = async (call, index) => {
			if (Number(call.qs.Offset) >= 300) {
				await new Promise((resolve) => setTimeout(resolve, 5));
				return { statusCode: 503, body: 'Service unavailable' };
			}
			return await serve(call, index);
		};
		const { rows, requested } = await scan(responder, undefined, windowed());
		expect(patNums(rows)).toEqual(range(1, 250));
		expect(requested).toEqual(range(0, 5).map((page) => [100, page * 100]));
	});
});
