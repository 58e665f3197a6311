// The transport serves every kind of node context: an action node, a trigger's poll, a dropdown's
// load-options or list-search method, webhook and hook methods.
import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { getConnection, openDentalRequest, openDentalRequestAllItems, type OpenDentalContext } from '../../nodes/OpenDental/transport';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { fakeTransportContext, pageResponder, patientRows, virtualClock } from '../support/fakeContext';

/** Compile-time proof: never called, but tsc (npm test's type-check, and ts-jest) checks every call. */
export async function callsFromEveryContext(
	contexts: [IExecuteFunctions, IPollFunctions, ILoadOptionsFunctions, IWebhookFunctions, IHookFunctions],
): Promise<void> {
	for (const ctx of contexts satisfies OpenDentalContext[]) {
		const connection = await getConnection.call(ctx);
		await openDentalRequest.call(ctx, connection, { method: 'GET', path: '/preferences' });
		await openDentalRequestAllItems.call(ctx, connection, { path: '/patients/Simple', idField: 'PatNum' });
	}
}

beforeEach(() => resetPacing());
afterEach(() => restoreTransportSettings());

describe.each([
	['a poll', (ctx: OpenDentalContext) => ctx as IPollFunctions],
	['a load-options method', (ctx: OpenDentalContext) => ctx as ILoadOptionsFunctions],
])('from %s (no items, no Stop)', (_name, as) => {
	it('reads every page of a list, paced on its key', async () => {
		const time = virtualClock();
		overrideTransportSettings({ clock: time.clock });
		const paidKey = { server: 'remote', developerKey: 'devKey1', customerKey: 'custKey1', rateLimit: 'paid' };
		const { ctx, calls } = fakeTransportContext(pageResponder(patientRows(250)), paidKey);
		const context = as(ctx);
		const connection = await getConnection.call(context);
		const rows = await openDentalRequestAllItems.call(context, connection, { path: '/patients/Simple', idField: 'PatNum' });
		expect(rows.map((row) => row.PatNum)).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
		expect(calls.map((call) => [call.options.url, call.qs.Limit, call.qs.Offset])).toEqual([
			['/patients/Simple', 100, 0],
			['/patients/Simple', 100, 100],
			['/patients/Simple', 100, 200],
		]);
		expect(time.sleeps).toEqual([1020, 1020]);
	});

	it('fails with a clear error that names no item', async () => {
		const { ctx, calls } = fakeTransportContext(() => ({ statusCode: 404, body: '"Patient not found."' }));
		const context = as(ctx);
		const connection = await getConnection.call(context);
		const error = (await openDentalRequest
			.call(context, connection, { method: 'GET', path: '/patients/5', notFoundMessage: 'Patient 5 not found' })
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Patient 5 not found');
		expect(error.description).toBe('Open Dental said: "Patient not found." Request: GET /patients/5');
		expect(error.context.itemIndex).toBeUndefined();
		expect(calls).toHaveLength(1);
	});
});
