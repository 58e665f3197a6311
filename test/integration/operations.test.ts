import { inspect } from 'util';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startSimulator, type Simulator } from '../../simulator';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { virtualClock } from '../support/fakeContext';
import { PAID_KEY, pageRequests, patNums, runOpenDental, runOpenDentalError, simulatorCredential, windowedOffsets } from './setup';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ patients: 300, seed: 11, throttle: { mode: 'off' } });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ throttle: { mode: 'off' } });
	resetPacing();
});

const get = (patNum: number | string, simplify = true) => ({ operation: 'get', patNum, simplify });

describe('Get', () => {
	it('returns the patient Open Dental has, by PatNum', async () => {
		const [full] = await runOpenDental(sim, get(42, false));
		const [short] = await runOpenDental(sim, get('42'));
		expect(full.json.PatNum).toBe(42);
		expect(full.json).toHaveProperty('SSN');
		expect(short.json).toMatchObject({ PatNum: 42, LName: full.json.LName, FName: full.json.FName, Email: full.json.Email });
		expect(short.json).not.toHaveProperty('SSN');
		expect(sim.requests().map((entry) => entry.path)).toEqual(['/patients/42', '/patients/42']);
	});

	it.each(['json-string', 'text', 'aspnet'] as const)('maps a 404 (%s body) to "Patient N not found" with Open Dental\'s text', async (style) => {
		sim.configure({ errorBodyStyle: style });
		const error = await runOpenDentalError(sim, get(99999));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Patient 99999 not found');
		expect((error as NodeApiError).description).toBe('Open Dental said: "Patient not found." Request: GET /patients/99999');
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('rejects a bad Patient ID with zero requests', async () => {
		const error = await runOpenDentalError(sim, get('12abc'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Item 0: "Patient ID" must be a positive whole number');
		expect(sim.requests()).toHaveLength(0);
	});

	it('continueOnFail: one output per input item, paired, with the failure as an error item', async () => {
		const items = [{ json: { id: 3 } }, { json: { id: 99999 } }, { json: { id: 7 } }];
		const out = await runOpenDental(sim, get('={{ $json.id }}'), { items, continueOnFail: true });
		expect(out.map((item) => [item.json.PatNum ?? item.json.error, item.pairedItem])).toEqual([
			[3, { item: 0 }],
			['Patient 99999 not found', { item: 1 }],
			[7, { item: 2 }],
		]);
	});
});

describe('Search', () => {
	it('returns exactly the patients whose last name contains the text, without archived or deleted ones', async () => {
		const all = await runOpenDental(sim, { operation: 'getAll', returnAll: true, filters: {}, simplify: false });
		const expected = all
			.filter((item) => String(item.json.LName).toLowerCase().includes('e') && !['Archived', 'Deleted'].includes(String(item.json.PatStatus)))
			.map((item) => item.json.PatNum as number)
			.sort((a, b) => a - b);
		expect(expected.length).toBeGreaterThan(100);
		sim.clearRequests();
		const found = await runOpenDental(sim, { operation: 'search', returnAll: true, filters: { lastName: 'E' }, simplify: true });
		expect([...patNums(found)].sort((a, b) => a - b)).toEqual(expected);
		expect(pageRequests(sim, '/patients').map(({ limit, offset }) => [limit, offset])).toEqual(
			windowedOffsets(Math.floor(expected.length / 100) + 1).map((offset) => [100, offset]),
		);
		expect(found.every((item) => !('SSN' in item.json))).toBe(true);
	});

	it('a patient inserted mid-scan shifts the pages; no row comes back twice', async () => {
		const before = await runOpenDental(sim, { operation: 'search', returnAll: true, filters: {}, simplify: true });
		sim.clearRequests();
		// Sorted first by last name, the new patient pushes every later row one place down.
		sim.addFault({ path: '/patients', nth: [2], fault: 'insertPatient', patient: { LName: 'Aaberg', FName: 'Zed' } });
		const during = await runOpenDental(sim, { operation: 'search', returnAll: true, filters: {}, simplify: true });
		expect(new Set(patNums(during)).size).toBe(during.length);
		expect(patNums(during)).toEqual(patNums(before));
	});
});

describe('errors from the server', () => {
	it('401: a clear message, and the keys appear nowhere in the error', async () => {
		const credentials = simulatorCredential(sim, { customerKey: 'NotAKnownKey99' });
		const error = await runOpenDentalError(sim, get(1), { credentials });
		expect(error.message).toBe('Open Dental refused the API keys, or they lack permission for this method');
		const serialized = `${inspect(error, { depth: Infinity, showHidden: true })}${JSON.stringify(error, Object.getOwnPropertyNames(error))}`;
		expect(serialized).not.toContain('NotAKnownKey99');
		expect(serialized).not.toContain(String(credentials.developerKey));
	});

	it('a validation 400 is reported at once with Open Dental\'s explanation', async () => {
		sim.addFault({ path: '/patients/Simple', fault: 'validation', message: 'PatStatus is invalid.' });
		const error = await runOpenDentalError(sim, { operation: 'getAll', returnAll: true, filters: {}, simplify: true });
		expect(error.message).toBe('Open Dental rejected the request');
		expect((error as NodeApiError).description).toBe('Open Dental said: "PatStatus is invalid." Request: GET /patients/Simple');
		expect(sim.requests()).toHaveLength(1);
	});
});

describe('pacing against a throttling server', () => {
	// One virtual timeline for the node's pacing and the simulator's throttle: the server sees each
	// request arrive exactly when the node sent it, whatever the machine's load.
	let paced: Simulator;
	afterEach(async () => {
		restoreTransportSettings();
		await paced?.close();
	});

	it("keeps the key's interval, so a rejecting server never answers 429", async () => {
		const time = virtualClock();
		overrideTransportSettings({ clock: time.clock });
		// Paid key: 1 request / s on the server; the credential says the same.
		paced = await startSimulator({ patients: 300, seed: 11, throttle: { mode: 'reject', paidMs: 1000, timeScale: 1 }, time: time.simulatorTime() });
		const credentials = simulatorCredential(paced, { customerKey: PAID_KEY.customerKey, rateLimit: 'paid' });
		const items = await runOpenDental(paced, { operation: 'getAll', returnAll: false, limit: 300, filters: {}, simplify: true }, { credentials });
		expect(patNums(items)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
		const log = paced.requests();
		expect(log.map((entry) => entry.status)).toEqual([200, 200, 200]);
		// The interval plus the node's 20 ms margin, start to start.
		expect(log.slice(1).map((entry, i) => entry.at - log[i].at)).toEqual([1020, 1020]);
	});
});
