// The Events Trigger's memory under a flood: 25,000 changed appointments delivered in batches of
// 1000 over real HTTP (as Open Dental sends a bulk change), then the newest batches again (a
// catch-up after the office took a delivery for failed). Each row is emitted once, the re-sent
// ones not again, and the stored state stays within its bound.
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { MEMORY_LIMITS } from '../../../nodes/OpenDentalEventTrigger/memory';
import { OpenDentalEventTrigger } from '../../../nodes/OpenDentalEventTrigger/OpenDentalEventTrigger.node';
import { DEFAULT_KEYS } from '../../../simulator';
import { WebhookUnderTest } from '../../harness/n8nWebhook';

const KEY = DEFAULT_KEYS[0];
const ROWS = 25_000;
const BATCH = 1000;
// What the README promises for the stored state.
const STATE_BOUND_BYTES = 256 * 1024;

const stamp = (index: number) => {
	// Ten changes a second from 2026-12-01 08:00:00 on: about 42 minutes of a bulk update.
	const seconds = Math.floor(index / 10);
	const [minute, second] = [Math.floor(seconds / 60), seconds % 60];
	return `2026-12-01 ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
};
const row = (index: number) => ({ AptNum: 1000 + index, PatNum: 1 + (index % 500), AptStatus: 'Scheduled', Note: `bulk ${index}`, DateTStamp: stamp(index) });

let node: WebhookUnderTest;
beforeAll(async () => {
	node = await new WebhookUnderTest({
		nodeType: new OpenDentalEventTrigger(),
		credentialType: new OpenDentalApi(),
		credentials: { server: 'custom', baseUrl: 'http://127.0.0.1:9/api/v1/', developerKey: KEY.developerKey, customerKey: KEY.customerKey, rateLimit: 'none', officeTimeZone: 'America/Chicago' },
		parameters: { watchTable: 'Appointment', workstation: 'SERVER', pollingSeconds: 1, simplify: false },
	}).start();
});
afterAll(async () => await node.close());

const post = async (rows: object[]) =>
	(await fetch(node.url(), { method: 'POST', headers: { Authorization: KEY.customerKey, 'Content-Type': 'application/json', 'Event-Type': 'WatchTable: Appointment' }, body: JSON.stringify(rows) })).status;

it('emits 25,000 rows once, re-sent batches not again, in a state under 256 KB', async () => {
	const all = Array.from({ length: ROWS }, (_, index) => row(index));
	for (let start = 0; start < ROWS; start += BATCH) expect(await post(all.slice(start, start + BATCH))).toBe(200);
	expect(node.items().map((item) => item.AptNum)).toEqual(all.map((entry) => entry.AptNum));

	// The newest 20,000 are remembered: the last five batches come again and add nothing.
	for (let start = ROWS - 5 * BATCH; start < ROWS; start += BATCH) expect(await post(all.slice(start, start + BATCH))).toBe(200);
	expect(node.items()).toHaveLength(ROWS);

	const stored = JSON.stringify(node.staticData());
	const remembered = Object.values((node.staticData()['node:Node Under Test'] as { openDentalEvents: { seen: Record<string, string> } }).openDentalEvents.seen).reduce(
		(sum, keys) => sum + keys.split('.').length,
		0,
	);
	expect(remembered).toBeLessThanOrEqual(MEMORY_LIMITS.maxKeys);
	expect(remembered).toBeGreaterThan(MEMORY_LIMITS.maxKeys - 10);
	expect(stored.length).toBeLessThan(STATE_BOUND_BYTES);
	// The measured size, for the README's figure.
	process.stdout.write(`events trigger state after ${ROWS} rows: ${stored.length} bytes, ${remembered} keys\n`);
});
