import { NodeOperationError } from 'n8n-workflow';
import { openDentalRequestAllItems, type OpenDentalConnection } from '../../nodes/OpenDental/transport';
import { acquireSlot, resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { fakeContext, pageResponder, patientRows } from '../support/fakeContext';

const connection: OpenDentalConnection = {
	baseUrl: 'http://127.0.0.1:1/api/v1',
	pageSize: 100,
	intervalMs: 5000,
	maxInFlight: 1,
	laneId: 'lane-cancel',
	authorization: 'ODFHIR dev/cust',
	secrets: [],
};

/** Real time never passes here: only a cancel can end a wait. */
const frozenClock = { now: () => 0, sleep: () => new Promise<void>(() => {}), deadline: () => new AbortController().signal };

beforeEach(() => resetPacing());
afterEach(() => restoreTransportSettings());

describe('stopping an execution', () => {
	it('ends a pacing wait at once, sends nothing more, and frees the key for other executions', async () => {
		const controller = new AbortController();
		const { ctx, calls } = fakeContext({ responder: pageResponder(patientRows(500)), signal: controller.signal });
		overrideTransportSettings({ clock: frozenClock });
		const scan = openDentalRequestAllItems.call(ctx, connection, { path: '/patients/Simple', idField: 'PatNum', itemIndex: 0 });
		// The first page goes out; the second waits 5 s for its slot.
		await new Promise((resolve) => setImmediate(resolve));
		expect(calls).toHaveLength(1);
		controller.abort();
		const error = (await scan.then(() => undefined, (e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The execution was cancelled');
		expect(calls).toHaveLength(1);
		// The lane is not left held: another execution on the key gets its slot (after the interval).
		const virtual = { now: () => 10_000, sleep: async () => {} };
		const release = await acquireSlot(connection.laneId, connection, virtual);
		release();
	});

	it('does not start a request once the execution is stopped', async () => {
		const controller = new AbortController();
		controller.abort();
		const { ctx, calls } = fakeContext({ responder: pageResponder(patientRows(5)), signal: controller.signal });
		const error = (await openDentalRequestAllItems
			.call(ctx, { ...connection, intervalMs: 0 }, { path: '/patients/Simple', idField: 'PatNum', itemIndex: 2 })
			.then(() => undefined, (e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('The execution was cancelled');
		expect(error.context.itemIndex).toBe(2);
		expect(calls).toHaveLength(0);
	});
});
