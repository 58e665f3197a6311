// The node as a whole: its description, and the router's item loop (pairing, continue on fail).
import type { INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import type { Responder } from '../support/fakeContext';
import { ok, run, runError } from '../support/nodeRun';
import { FULL_PATIENT, get } from '../support/patients';

beforeEach(() => resetPacing());

describe('node description', () => {
	const { description } = new OpenDental();
	const names = (props: INodeProperties[]) => props.map((p) => p.name);

	it('is a tool-usable programmatic node with the contract names', () => {
		expect(description.name).toBe('openDental');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }]);
		const values = (property?: INodeProperties) => property?.options?.map((o) => (o as { value: string }).value);
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(values(resource)).toEqual(['appointment', 'commlog', 'patient', 'query', 'recall']);
		// Workflows saved before there were other resources rely on this default.
		expect(resource?.default).toBe('patient');
		const operations = Object.fromEntries(
			description.properties.filter((p) => p.name === 'operation').map((p) => [p.displayOptions?.show?.resource?.[0], values(p)]),
		);
		expect(operations).toEqual({
			appointment: ['appendNote', 'break', 'confirm', 'get', 'getAll'],
			commlog: ['create', 'getAll'],
			patient: ['get', 'getAll', 'search'],
			query: ['run'],
			recall: ['getList', 'setStatus'],
		});
		expect(names(description.properties)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'patNum', 'returnAll', 'limit', 'filters', 'simplify', 'sql']),
		);
	});

	it('has the documented filters for Get Many and Search', () => {
		const filters = description.properties.filter((p) => p.name === 'filters' && p.displayOptions?.show?.resource?.[0] === 'patient');
		const byOperation = Object.fromEntries(
			filters.map((f) => [f.displayOptions?.show?.operation?.[0], (f.options as INodeProperties[]).map((o) => o.name).sort()]),
		);
		expect(byOperation.getAll).toEqual(
			['birthdate', 'clinicNum', 'firstName', 'gender', 'guarantor', 'lastName', 'patStatus', 'position', 'priProv', 'updatedSince'].sort(),
		);
		expect(byOperation.search).toEqual(
			['address', 'birthdate', 'chartNumber', 'city', 'clinicNums', 'email', 'firstName', 'hideInactive', 'lastName', 'phone', 'showArchived', 'state'].sort(),
		);
	});
});

describe('Custom API Call (added by n8n\'s editor)', () => {
	it('points to the HTTP Request node before any request', async () => {
		const { error, calls } = await runError({ resource: 'patient', operation: '__CUSTOM_API_CALL__' }, ok([]));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('For a custom API call, use the HTTP Request node');
		expect(calls).toHaveLength(0);
	});
});

describe('item loop: pairedItem and continueOnFail', () => {
	const items = [{ json: {} }, { json: {} }, { json: {} }];
	const responder: Responder = (call) => {
		const patNum = Number(String(call.options.url).split('/').pop());
		return patNum === 404 ? { statusCode: 404, body: '"Patient not found."' } : { statusCode: 200, body: { ...FULL_PATIENT, PatNum: patNum } };
	};

	it('pairs each output with its input item', async () => {
		const { items: out } = await run((i) => get([11, 12, 13][i]), responder, { items });
		expect(out.map((o) => [o.json.PatNum, o.pairedItem])).toEqual([
			[11, { item: 0 }],
			[12, { item: 1 }],
			[13, { item: 2 }],
		]);
	});

	it('turns request and validation failures into error items when continuing on fail', async () => {
		const { items: out, calls } = await run((i) => get([11, 404, 'bad'][i]), responder, { items, continueOnFail: true });
		expect(calls.map((c) => c.options.url)).toEqual(['/patients/11', '/patients/404']);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.PatNum).toBe(11);
		expect(out[1].json.error).toBe('Patient 404 not found');
		expect(out[2].json.error).toBe('Item 2: "Patient ID" must be a positive whole number');
	});

	it('stops at the first failure without continueOnFail', async () => {
		const { error, calls } = await runError((i) => get([11, 404, 13][i]), responder, { items });
		expect(error?.message).toBe('Patient 404 not found');
		expect((error as NodeApiError).context.itemIndex).toBe(1);
		expect(calls).toHaveLength(2);
	});
});
