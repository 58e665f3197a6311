// The end-to-end cases, run once per n8n target: the packed package inside a real n8n
// (`n8n execute`), against the simulator on 127.0.0.1.
import type { Patient, RequestLogEntry, Simulator } from '../../simulator';
import { maxInFlight, startSimulator } from '../../simulator';
import { loadExamples } from '../lib/fixtures';
import { describeExecution, N8n, nodeItems } from '../lib/n8n';
import { getTarget } from '../lib/targets';
import {
	credentials,
	ENTERPRISE_KEY,
	FREE_KEY,
	MISSING_PATNUM,
	PHONES,
	testWorkflows,
	WRONG_CUSTOMER_KEY,
} from './workflows';

const PATIENTS = 1234;

// Each case starts an n8n process (2–3 s); the fault case also waits out real backoff.
jest.setTimeout(120_000);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const json = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json);
const patNums = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.PatNum);
const pairedItems = (items: Array<{ pairedItem?: unknown }>) => items.map((item) => item.pairedItem);
const offsets = (entries: RequestLogEntry[]) => entries.map((entry) => Number(entry.query.Offset));
const ascending = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

// The example credential is unthrottled, so pages are read through a window (1, 2, then 4 in
// flight): the 13 pages of data, plus the 3 asked for before the short last page came back.
const NEEDED_OFFSETS = range(0, 12).map((page) => page * 100);
const ASKED_OFFSETS = range(0, 15).map((page) => page * 100);
const STATUS_OF_FAULT: Record<string, number | null> = {
	rateLimit: 429,
	serverError: 500,
	gatewayTimeout: 504,
	eConnectorDown: 400,
	reset: null,
};

const digits = (text: string) => text.replace(/\D/g, '');

/** Open Dental's Select Patient order: last name, first name (any case), then PatNum. */
function inNameOrder(patients: Patient[]): Patient[] {
	const key = (patient: Patient) => `${patient.LName.toLowerCase()}\u0000${patient.FName.toLowerCase()}`;
	return [...patients].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.PatNum - b.PatNum));
}

/** Patients a phone search finds: the digits anywhere in a number; archived patients stay hidden. */
function phoneMatches(sim: Simulator, phone: string): number[] {
	const wanted = digits(phone);
	const matching = sim
		.patients()
		.filter((p) => p.PatStatus !== 'Archived' && p.PatStatus !== 'Deleted')
		.filter((p) => [p.HmPhone, p.WkPhone, p.WirelessPhone].some((number) => digits(number).includes(wanted)));
	return inNameOrder(matching).map((patient) => patient.PatNum);
}

/** Start-to-start gaps of requests as they reached the simulator, in ms. */
const gaps = (entries: RequestLogEntry[]) => entries.slice(1).map((entry, i) => entry.at - entries[i].at);
const wallClockMs = (officeLocal: string) => Date.parse(`${officeLocal.replace(' ', 'T')}Z`);

export function describeEndToEnd(targetName: string): void {
	const target = getTarget(targetName);

	describe(`Open Dental node in n8n ${target.n8nVersion}`, () => {
		let sim: Simulator;
		let n8n: N8n;

		beforeAll(async () => {
			sim = await startSimulator({ patients: PATIENTS, throttle: { mode: 'off' } });
			n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
			await n8n.importCredentials(credentials(sim));
			await n8n.importWorkflows([...Object.values(loadExamples()), ...testWorkflows()]);
		}, 180_000);

		afterAll(async () => {
			await sim?.close();
			n8n?.remove();
		});

		beforeEach(() => sim.reset());

		const execute = (workflowId: string) => n8n.executeComplete(workflowId);

		async function executeOk(workflowId: string) {
			const result = await execute(workflowId);
			const outcome = describeExecution(workflowId, result);
			if (!outcome.ok) throw new Error(outcome.message);
			return result;
		}

		const requests = (path?: string) => sim.requests().filter((entry) => path === undefined || entry.path === path);

		test('"All patients" example: Return All reads every page once, 4 at a time, with the ODFHIR header', async () => {
			// Each page is held 250 ms, so the window's four requests overlap at the server unless this
			// test's process stalls for that long between their arrivals.
			sim.configure({ latencyMs: 250 });
			const { run } = await executeOk('odAllPatients');

			const items = nodeItems(run, 'All patients');
			expect(patNums(items)).toEqual(range(1, PATIENTS));
			expect(new Set(pairedItems(items).map((paired) => JSON.stringify(paired)))).toEqual(new Set([JSON.stringify({ item: 0 })]));
			expect(json(items).filter((record) => 'SSN' in record)).toEqual([]);

			const log = requests();
			expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.rawQuery} ${entry.status}`)).toEqual(
				ASKED_OFFSETS.map((offset) => `GET /patients/Simple Limit=100&Offset=${offset} 200`),
			);
			expect(log.map((entry) => entry.rows)).toEqual([...Array(12).fill(100), 34, 0, 0, 0]);
			expect(maxInFlight(log)).toBe(4);
			for (const entry of log) {
				expect(entry.headers.authorization).toBe(`ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`);
				expect(entry.headers.contentType).toBe('application/json');
			}
		});

		test('a limit of 250 asks for exactly 100 + 100 + 50 rows', async () => {
			const { run } = await executeOk('odLimit250');

			expect(patNums(nodeItems(run, 'Patients'))).toEqual(range(1, 250));
			expect(requests().map((entry) => entry.rawQuery)).toEqual([
				'Limit=100&Offset=0',
				'Limit=100&Offset=100',
				'Limit=50&Offset=200',
			]);
		});

		test('Get by PatNum returns Open Dental\'s full record with Simplify off', async () => {
			const { run } = await executeOk('odGetFull');

			expect(json(nodeItems(run, 'Patient'))).toEqual([sim.patients()[41]]);
			expect(requests().map((entry) => `${entry.path} ${entry.status}`)).toEqual(['/patients/42 200']);
		});

		test('a PatNum that does not exist fails the run with a clear 404', async () => {
			const { code, run } = await execute('odGetMissing');

			expect(code).toBe(1);
			expect(run.status).toBe('error');
			const error = run.data.resultData.error;
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toBe(`Patient ${MISSING_PATNUM} not found`);
			expect(error.description).toBe(`Open Dental said: "Patient not found." Request: GET /patients/${MISSING_PATNUM}`);
			expect(requests().map((entry) => `${entry.path} ${entry.status}`)).toEqual([`/patients/${MISSING_PATNUM} 404`]);
		});

		test('a bad PatNum is refused before any request, naming the item and the field', async () => {
			const { code, run } = await execute('odGetBadPatNum');

			expect(code).toBe(1);
			const error = run.data.resultData.error;
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toBe('Item 0: "Patient ID" must be a positive whole number');
			expect(error.description).toBe('Parameter "patNum" of item 0. Got: "abc". Fix the value or the expression that produces it.');
			expect(sim.requests()).toEqual([]);
		});

		test('refused keys (401) give a clear message, and no key appears anywhere in the output', async () => {
			const { code, run, log } = await execute('odWrongKey');
			const output = `${log}\n${JSON.stringify(run)}`;

			expect(code).toBe(1);
			const error = run.data.resultData.error;
			expect(error.message).toBe('Open Dental refused the API keys, or they lack permission for this method');
			expect(error.description).toContain('Setup > Advanced Setup > API');
			expect(requests().map((entry) => `${entry.path} ${entry.status}`)).toEqual(['/patients/Simple 401']);
			expect(requests()[0].headers.authorization).toBe(`ODFHIR ${FREE_KEY.developerKey}/${WRONG_CUSTOMER_KEY}`);
			expect(output).not.toContain(FREE_KEY.developerKey);
			expect(output).not.toContain(WRONG_CUSTOMER_KEY);
			expect(output).not.toContain('ODFHIR');
		});

		test('six kinds of server fault are retried at the same Offset with the exact result', async () => {
			const path = '/patients/Simple';
			sim.addFault([
				{ path, nth: [2], fault: 'rateLimit', retryAfter: 'seconds', retryAfterSeconds: 1 },
				{ path, nth: [4], fault: 'rateLimit', retryAfter: 'none' },
				{ path, nth: [6], fault: 'serverError' },
				{ path, nth: [8], fault: 'gatewayTimeout' },
				{ path, nth: [10], fault: 'eConnectorDown' },
				{ path, nth: [12], fault: 'reset' },
			]);

			const { run } = await executeOk('odAllPatients');

			expect(patNums(nodeItems(run, 'All patients'))).toEqual(range(1, PATIENTS));
			const log = requests(path);
			const faulted = log.filter((entry) => entry.fault !== null);
			expect(faulted.map((entry) => entry.fault).sort()).toEqual(['eConnectorDown', 'gatewayTimeout', 'rateLimit', 'rateLimit', 'reset', 'serverError']);
			for (const entry of faulted) expect(entry.status).toBe(STATUS_OF_FAULT[entry.fault as string]);
			// Pages are in flight together, so which Offsets the faults hit depends on arrival order. What
			// must hold regardless: a faulted page with data is asked for again at the same Offset and then
			// served; a faulted page past the end is dropped; every page is served once; nothing else is asked.
			const retried = faulted.filter((entry) => Number(entry.query.Offset) <= 1200);
			for (const entry of retried) {
				const later = log.slice(log.indexOf(entry) + 1).filter((other) => other.query.Offset === entry.query.Offset);
				expect(later.map((other) => other.status).slice(-1)).toEqual([200]);
			}
			const served = log.filter((entry) => entry.status === 200);
			expect(ascending(offsets(served).filter((offset) => offset <= 1200))).toEqual(NEEDED_OFFSETS);
			expect(ascending([...new Set(offsets(log))])).toEqual(ASKED_OFFSETS);
			expect(log).toHaveLength(ASKED_OFFSETS.length + retried.length);
			expect(served).toHaveLength(ASKED_OFFSETS.length - (faulted.length - retried.length));
			// Retry-After: 1 is honoured: the page it hit is asked for again a second later at the earliest.
			const withRetryAfter = log[1];
			expect(withRetryAfter.fault).toBe('rateLimit');
			const again = log.slice(2).find((entry) => entry.query.Offset === withRetryAfter.query.Offset);
			expect(again!.at - withRetryAfter.at).toBeGreaterThanOrEqual(1000);
		});

		test('two Open Dental nodes sharing one customer key never break its pacing interval', async () => {
			sim.configure({ throttle: { mode: 'reject' } });
			const throttle = sim.getConfig().throttle.enterpriseMs;

			const { run } = await executeOk('odTwoNodesOneKey');

			expect(patNums(nodeItems(run, 'First reader'))).toEqual(range(1, 300));
			expect(patNums(nodeItems(run, 'Second reader'))).toEqual(range(1, 300));
			const log = requests();
			expect(log.map((entry) => `${entry.customerKey} ${entry.rawQuery} ${entry.status}`)).toEqual(
				[0, 100, 200, 0, 100, 200].map((offset) => `${ENTERPRISE_KEY.customerKey} Limit=100&Offset=${offset} 200`),
			);
			expect(log.filter((entry) => entry.throttled)).toEqual([]);
			// The second reader's first request waited for the first reader's last, like every other.
			for (const gap of gaps(log)) expect(gap).toBeGreaterThanOrEqual(throttle);
		});

		test('continue on fail: one output item per input, errors as items, pairedItem kept', async () => {
			const { run } = await executeOk('odContinueOnFail');

			const items = nodeItems(run, 'Patient');
			expect(pairedItems(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(items.map((item) => item.json.PatNum ?? item.json.error)).toEqual([
				3,
				`Patient ${MISSING_PATNUM} not found`,
				'Item 2: "Patient ID" must be a positive whole number',
				7,
			]);
			expect(json(items).filter((record) => 'SSN' in record)).toEqual([]);
			// The bad item is refused before any request; the other three are asked for in order.
			expect(requests().map((entry) => `${entry.path} ${entry.status}`)).toEqual([
				'/patients/3 200',
				`/patients/${MISSING_PATNUM} 404`,
				'/patients/7 200',
			]);
		});

		test('several input items: each search result is paired with the item that asked for it', async () => {
			const { run } = await executeOk('odSearchPerItem');

			const expected = PHONES.map((phone) => phoneMatches(sim, phone).slice(0, 5));
			expect(expected.map((list) => list.length)).toEqual([5, 5, 5]);
			const items = nodeItems(run, 'Search');
			expect(items.map((item) => [item.pairedItem, item.json.PatNum])).toEqual(
				expected.flatMap((list, itemIndex) => list.map((patNum) => [{ item: itemIndex }, patNum])),
			);
			expect(requests().map((entry) => entry.query)).toEqual(PHONES.map((phone) => ({ Phone: phone, Limit: '5', Offset: '0' })));
		});

		test('"Patients changed since" example returns exactly the patients changed in the last day', async () => {
			const changed = [5, 17, 1000];
			for (const patNum of changed) sim.touchPatient(patNum);
			const officeNow = sim.clock.now();

			const { run } = await executeOk('odPatientsChanged');

			expect(patNums(nodeItems(run, 'Patients changed in the last day'))).toEqual(changed);
			const [request] = requests();
			const since = request.query.DateTStamp;
			expect(since).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			// One day before office time now, as a wall-clock time in the office's zone.
			expect(Math.abs(wallClockMs(officeNow) - wallClockMs(since) - 86_400_000)).toBeLessThan(120_000);
			expect(requests().map((entry) => entry.query)).toEqual([{ DateTStamp: since, Limit: '100', Offset: '0' }]);
		});

		test('"Find patient by phone" example returns the first 25 matches in Select Patient order', async () => {
			const { run } = await executeOk('odFindByPhone');

			const matches = phoneMatches(sim, '555-0142');
			expect(matches.length).toBeGreaterThan(25);
			expect(patNums(nodeItems(run, 'Find patient by phone'))).toEqual(matches.slice(0, 25));
			expect(requests().map((entry) => entry.rawQuery)).toEqual(['Phone=555-0142&Limit=25&Offset=0']);
		});
	});
}
