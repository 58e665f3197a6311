// A stuck request must not hold a customer key's lane beyond its deadline, and Stop must free a
// workflow that is only waiting for the lane.
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { startSimulator, type Simulator } from '../../simulator';
import { virtualClock } from '../support/fakeContext';
import { startTestServer, type TestServer } from '../support/testServer';
import { PAID_KEY, runOpenDental, simulatorCredential } from './setup';

type Answer = Parameters<Parameters<typeof startTestServer>[0]>[1];

let sim: Simulator;
let stuck: TestServer;
let answer: (response: Answer, index: number) => void;

/** A paid key: 1 request / s, one request at a time on its lane. */
const paid = (baseUrl: string): IDataObject =>
	simulatorCredential({ baseUrl }, { developerKey: PAID_KEY.developerKey, customerKey: PAID_KEY.customerKey, rateLimit: 'paid' });
const getPatient = (patNum: number) => ({ operation: 'get', patNum, simplify: false });
const firstPatients = { operation: 'getAll', returnAll: false, limit: 2, filters: {}, simplify: true };
const stuckUrl = () => `${stuck.origin}/api/v1`;
const settled = async (promise: Promise<unknown>) => await promise.then((value) => ({ value }), (error: Error) => ({ error }));

/** Resolves once the server has received `count` requests. */
async function received(server: TestServer, count: number): Promise<void> {
	while (server.requests.length < count) await new Promise((resolve) => setTimeout(resolve, 2));
}

beforeAll(async () => {
	sim = await startSimulator({ patients: 5, throttle: { mode: 'off' } });
	stuck = await startTestServer((_request, response) => answer(response, stuck.requests.length - 1));
});
afterAll(async () => {
	await sim.close();
	await stuck.close();
});
beforeEach(() => {
	sim.reset();
	stuck.requests.length = 0;
	resetPacing();
});
afterEach(() => restoreTransportSettings());

it('a request stuck on one server does not hold back the same key on another server', async () => {
	answer = () => undefined;
	const stop = new AbortController();
	const hanging = settled(runOpenDental({ baseUrl: stuckUrl() }, getPatient(1), { credentials: paid(stuckUrl()), signal: stop.signal }));
	await received(stuck, 1);
	const rows = await runOpenDental(sim, firstPatients, { credentials: paid(sim.baseUrl) });
	expect(rows.map((row) => row.json.PatNum)).toEqual([1, 2]);
	expect(sim.requests().map((entry) => entry.rawQuery)).toEqual(['Limit=2&Offset=0']);
	stop.abort();
	expect(await hanging).toEqual({ error: expect.objectContaining({ message: 'The execution was cancelled' }) });
});

it('Stop ends a wait for the lane at once, and the waiting workflow sends nothing', async () => {
	answer = () => undefined;
	const stopFirst = new AbortController();
	const stopSecond = new AbortController();
	const first = settled(runOpenDental({ baseUrl: stuckUrl() }, getPatient(1), { credentials: paid(stuckUrl()), signal: stopFirst.signal }));
	await received(stuck, 1);
	const second = settled(runOpenDental({ baseUrl: stuckUrl() }, getPatient(2), { credentials: paid(stuckUrl()), signal: stopSecond.signal }));
	stopSecond.abort();
	const outcome = (await second) as { error: Error };
	expect(outcome.error).toBeInstanceOf(NodeOperationError);
	expect(outcome.error.message).toBe('The execution was cancelled');
	expect(stuck.requests.map((request) => request.url)).toEqual(['/api/v1/patients/1']);
	stopFirst.abort();
	await first;
});

it("a stuck request holds the lane only until its deadline: the next workflow goes, then the stuck one's retry", async () => {
	const time = virtualClock();
	overrideTransportSettings({ clock: time.clock, random: () => 1 });
	// The first request hangs; every later one is answered.
	answer = (response, index) => {
		if (index === 0) return;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify(index === 1 ? [{ PatNum: 7, LName: 'Waited', FName: 'Turn' }] : { PatNum: 1, LName: 'Stuck', FName: 'First' }));
	};
	const first = runOpenDental({ baseUrl: stuckUrl() }, getPatient(1), { credentials: paid(stuckUrl()) });
	await received(stuck, 1);
	const second = runOpenDental({ baseUrl: stuckUrl() }, firstPatients, { credentials: paid(stuckUrl()) });
	// Nothing more reaches the server while the first request is within its 90 s.
	time.advance(89_000);
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect(stuck.requests).toHaveLength(1);
	time.advance(1_000);
	expect((await second).map((row) => row.json.PatNum)).toEqual([7]);
	expect((await first).map((row) => row.json.PatNum)).toEqual([1]);
	expect(stuck.requests.map((request) => request.url)).toEqual([
		'/api/v1/patients/1',
		'/api/v1/patients/Simple?Limit=2&Offset=0',
		'/api/v1/patients/1',
	]);
});
