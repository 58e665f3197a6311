// A poll that reads and emits more records than one JavaScript call takes as arguments (about
// 125,000): a server that serves 130,000 small patient rows changed in one second.
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { startTestServer, type TestServer } from '../../support/testServer';
import { TriggerUnderTest } from './setup';

const PATIENTS = 130_000;
const STAMP = '2026-03-02 10:00:00';
let server: TestServer;

beforeAll(async () => {
	server = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://server');
		const offset = Number(url.searchParams.get('Offset'));
		const limit = Number(url.searchParams.get('Limit'));
		const rows = [];
		for (let patNum = offset + 1; patNum <= Math.min(PATIENTS, offset + limit); patNum++) {
			rows.push({ serverDateTime: STAMP, PatNum: patNum, SecDateEntry: '2020-01-01', DateTStamp: STAMP });
		}
		response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(rows));
	});
});
afterAll(async () => await server.close());
beforeEach(() => resetPacing());

it('emits 130,000 records from one poll, each once, and the next poll none', async () => {
	const baseUrl = `${server.origin}/api/v1`;
	const trigger = new TriggerUnderTest({ baseUrl }, { events: ['patientUpdated'], options: { emitExisting: true, pagesPerPoll: 200 } }, { pageSize: 1000 });
	expect((await trigger.poll()).emitted).toBe(false);
	const { items } = await trigger.poll();
	expect(items).toHaveLength(PATIENTS);
	expect([items[0].PatNum, items[PATIENTS - 1].PatNum, new Set(items.map((item) => item.PatNum)).size]).toEqual([1, PATIENTS, PATIENTS]);
	expect(items[0]._event).toBe('patientUpdated');
	expect((await trigger.poll()).emitted).toBe(false);
}, 120_000);
