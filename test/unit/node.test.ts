import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { fakeContext, pageResponder, type Responder } from '../support/fakeContext';

const FULL_PATIENT = {
	PatNum: 7,
	LName: 'Rivera',
	FName: 'Ana',
	MiddleI: '',
	Preferred: 'Annie',
	PatStatus: 'Patient',
	Gender: 'Female',
	Birthdate: '1980-05-24',
	SSN: '900112222',
	Email: 'ana@example.com',
	WirelessPhone: '(555)555-0101',
	HmPhone: '',
	WkPhone: '',
	Address: '1 Main St',
	Address2: '',
	City: 'Salem',
	State: 'OR',
	Zip: '97301',
	Guarantor: 7,
	EstBalance: 12.5,
	PriProv: 1,
	priProvAbbr: 'DOC1',
	ClinicNum: 2,
	clinicAbbr: 'East',
	TxtMsgOk: 'Yes',
	PreferConfirmMethod: 'TextMessage',
	PreferContactMethod: 'WirelessPh',
	PreferRecallMethod: 'Email',
	DateTStamp: '2025-03-02 10:11:12',
	FamFinUrgNote: 'note',
};

async function run(parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>), responder: Responder, extra = {}) {
	const { ctx, calls } = fakeContext({ parameters, responder, ...extra });
	const result = await new OpenDental().execute.call(ctx);
	return { items: result[0], calls };
}

async function runError(parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>), responder: Responder, extra = {}) {
	const { ctx, calls } = fakeContext({ parameters, responder, ...extra });
	const error = await new OpenDental().execute.call(ctx).then(
		() => undefined,
		(e: unknown) => e as Error,
	);
	return { error, calls };
}

const ok = (body: unknown): Responder => () => ({ statusCode: 200, body });
const get = (patNum: unknown, simplify = true) => ({ resource: 'patient', operation: 'get', patNum, simplify });

beforeEach(() => resetPacing());

describe('node description', () => {
	const { description } = new OpenDental();
	const names = (props: INodeProperties[]) => props.map((p) => p.name);

	it('is a tool-usable programmatic node with the contract names', () => {
		expect(description.name).toBe('openDental');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }]);
		const operation = description.properties.find((p) => p.name === 'operation');
		expect(operation?.options?.map((o) => (o as { value: string }).value)).toEqual(['get', 'getAll', 'search']);
		expect(names(description.properties)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'patNum', 'returnAll', 'limit', 'filters', 'simplify']),
		);
	});

	it('has the documented filters for Get Many and Search', () => {
		const filters = description.properties.filter((p) => p.name === 'filters');
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

describe('credential', () => {
	const credential = new OpenDentalApi();

	it('authenticates with the ODFHIR header and JSON content type', () => {
		expect(credential.name).toBe('openDentalApi');
		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: '=ODFHIR {{$credentials.developerKey}}/{{$credentials.customerKey}}',
			'Content-Type': 'application/json',
		});
	});

	it('has the contract fields, keys as password fields, and is tested by the node', () => {
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName)).toEqual([
			'server',
			'plainHttpNotice',
			'customHttpNotice',
			'host',
			'baseUrl',
			'developerKey',
			'customerKey',
			'rateLimit',
			'requestIntervalMs',
			'pageSize',
		]);
		expect(byName.server.options?.map((o) => (o as { value: string }).value)).toEqual(['remote', 'apiService', 'localApi', 'custom']);
		expect(byName.rateLimit.options?.map((o) => (o as { value: string }).value)).toEqual(['readAll', 'paid', 'enterprise', 'none', 'custom']);
		expect(byName.developerKey.typeOptions?.password).toBe(true);
		expect(byName.customerKey.typeOptions?.password).toBe(true);
		// n8n prefers a credential's own declarative test: there must be none, or the node's is never run.
		expect(credential).not.toHaveProperty('test');
		const node = new OpenDental();
		expect(node.description.credentials).toEqual([{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }]);
		expect(typeof node.methods.credentialTest.openDentalApiTest).toBe('function');
	});

	it('warns where keys and patient data cross the network unencrypted', () => {
		const notices = credential.properties.filter((p) => p.type === 'notice');
		expect(notices.map((p) => [p.name, p.displayOptions?.show?.server])).toEqual([
			['plainHttpNotice', ['apiService', 'localApi']],
			['customHttpNotice', ['custom']],
		]);
		expect(notices.map((p) => p.displayName)).toEqual([
			expect.stringContaining('the keys and patient data cross the network unencrypted'),
			expect.stringContaining('sends the keys and patient data unencrypted'),
		]);
	});
});

describe('credential → connection', () => {
	it.each([
		[{ server: 'remote' }, 'https://api.opendental.com/api/v1', { Limit: 100 }],
		[{ server: 'apiService', host: 'office-server' }, 'http://office-server:30223/api/v1', { Limit: 1000 }],
		[{ server: 'localApi', host: 'localhost' }, 'http://localhost:30222/api/v1', { Limit: 1000 }],
		[{ server: 'custom', baseUrl: 'http://127.0.0.1:9/api/v1/', pageSize: 250 }, 'http://127.0.0.1:9/api/v1', { Limit: 250 }],
	])('%p → %s', async (server, baseUrl, qs) => {
		const credentials = { developerKey: 'd', customerKey: 'c', rateLimit: 'none', ...server };
		const { calls } = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters: {}, simplify: true }, ok([]), { credentials });
		expect(calls[0].options.baseURL).toBe(baseUrl);
		expect(calls[0].qs).toMatchObject(qs);
	});

	it('rejects a custom base URL that is not http(s), before any request', async () => {
		const credentials = { server: 'custom', baseUrl: 'api.example.com', developerKey: 'd', customerKey: 'c' };
		const { error, calls } = await runError(get(1), ok(FULL_PATIENT), { credentials });
		expect(error?.message).toBe('The credential\'s "Base URL" is not a valid http(s) URL');
		expect(calls).toHaveLength(0);
	});
});

describe('Get', () => {
	it('requests the patient and returns the short record without SSN', async () => {
		const { items, calls } = await run(get(7), ok(FULL_PATIENT));
		expect(calls.map((c) => c.options.url)).toEqual(['/patients/7']);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).not.toHaveProperty('SSN');
		expect(items[0].json).not.toHaveProperty('EstBalance');
		expect(items[0].json).not.toHaveProperty('Birthdate');
		expect(items[0].json).toEqual({
			PatNum: 7,
			Guarantor: 7,
			LName: 'Rivera',
			FName: 'Ana',
			MiddleI: '',
			Preferred: 'Annie',
			PatStatus: 'Patient',
			Email: 'ana@example.com',
			WirelessPhone: '(555)555-0101',
			HmPhone: '',
			WkPhone: '',
			Address: '1 Main St',
			Address2: '',
			City: 'Salem',
			State: 'OR',
			Zip: '97301',
			TxtMsgOk: 'Yes',
			PreferContactMethod: 'WirelessPh',
			PreferConfirmMethod: 'TextMessage',
			PreferRecallMethod: 'Email',
			ClinicNum: 2,
			clinicAbbr: 'East',
			PriProv: 1,
			priProvAbbr: 'DOC1',
			DateTStamp: '2025-03-02 10:11:12',
		});
	});

	it('returns the record unchanged with Simplify off', async () => {
		const { items } = await run(get(7, false), ok(FULL_PATIENT));
		expect(items[0].json).toEqual(FULL_PATIENT);
	});

	it('accepts a numeric string from an expression', async () => {
		const { calls } = await run(get(' 42 '), ok(FULL_PATIENT));
		expect(calls.map((c) => c.options.url)).toEqual(['/patients/42']);
	});

	it.each([[0], [-3], [1.5], ['abc'], [''], [null], ['12a']])('rejects Patient ID %p before any request, naming item and field', async (patNum) => {
		const { error, calls } = await runError(get(patNum), ok(FULL_PATIENT));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Item 0: "Patient ID" must be a positive whole number');
		expect((error as NodeOperationError).description).toContain('Parameter "patNum" of item 0.');
		expect(calls).toHaveLength(0);
	});

	it('validates every item before the first request', async () => {
		const { error, calls } = await runError((i) => get([5, 6, 'x'][i]), ok(FULL_PATIENT), { items: [{ json: {} }, { json: {} }, { json: {} }] });
		expect(error?.message).toBe('Item 2: "Patient ID" must be a positive whole number');
		expect(calls).toHaveLength(0);
	});

	it('maps a 404 to "Patient N not found"', async () => {
		const { error } = await runError(get(999), () => ({ statusCode: 404, body: '"Patient not found."' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('Patient 999 not found');
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

describe('Get Many and Search', () => {
	const rows = Array.from({ length: 130 }, (_, i) => ({ ...FULL_PATIENT, PatNum: i + 1 }));

	it('Get Many maps filters to Open Dental parameters and pages /patients/Simple', async () => {
		const filters: IDataObject = {
			lastName: ' smi ',
			firstName: 'an',
			birthdate: '1980-05-24T00:00:00',
			patStatus: 'Patient',
			clinicNum: 0,
			priProv: '2',
			gender: 'Female',
			position: 'Married',
			guarantor: 7,
			updatedSince: '2025-01-01T15:00:00.000Z',
		};
		const { items, calls } = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters, simplify: true }, pageResponder(rows));
		// Unthrottled key: the full first page opens a window of two, and the second page is the last.
		expect(calls.map((c) => c.qs)).toEqual([0, 100, 200].map((Offset) => ({
			LName: 'smi',
			FName: 'an',
			Birthdate: '1980-05-24',
			PatStatus: 'Patient',
			ClinicNum: 0,
			PriProv: 2,
			Gender: 'Female',
			Position: 'Married',
			Guarantor: 7,
			DateTStamp: '2025-01-01 09:00:00',
			Limit: 100,
			Offset,
		})));
		expect(calls.every((c) => c.options.url === '/patients/Simple')).toBe(true);
		expect(items.map((i) => i.json.PatNum)).toEqual(rows.map((r) => r.PatNum));
		expect(items.every((i) => i.pairedItem && !('SSN' in i.json))).toBe(true);
	});

	it('Search sends its filters as Open Dental spells them, booleans as strings', async () => {
		const filters = { phone: '555-0101', email: 'ana@', clinicNums: '1, 2', hideInactive: true, showArchived: false, state: 'OR' };
		const { calls } = await run({ resource: 'patient', operation: 'search', returnAll: false, limit: 5, filters, simplify: true }, pageResponder(rows));
		expect(calls.map((c) => [c.options.url, c.qs])).toEqual([
			['/patients', { Phone: '555-0101', Email: 'ana@', clinicNums: '1,2', hideInactive: 'true', showArchived: 'false', State: 'OR', Limit: 5, Offset: 0 }],
		]);
	});

	it.each([
		[{ updatedSince: 'last tuesday' }, 'Item 0: "Updated Since" must be a date-time like 2024-06-01 08:00:00 or an ISO date'],
		[{ birthdate: '1980-02-31' }, 'Item 0: "Birthdate" must be a date like 1980-05-24'],
		[{ patStatus: 'Deleted' }, 'Item 0: "Patient Status" must be one of Patient, NonPatient, Inactive, Archived, Deceased, Prospective'],
		[{ priProv: -1 }, 'Item 0: "Primary Provider ID" must be a positive whole number'],
		[{ nickname: 'x' }, 'Item 0: "Filters" has unknown entries: nickname'],
	])('Get Many rejects %p before any request', async (filters, message) => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'getAll', returnAll: true, filters, simplify: true }, pageResponder(rows));
		expect(error?.message).toBe(message);
		expect(calls).toHaveLength(0);
	});

	it('never echoes a birthdate in an error', async () => {
		const { error } = await runError({ resource: 'patient', operation: 'getAll', returnAll: true, filters: { birthdate: '1980-02-31' }, simplify: true }, ok([]));
		expect(JSON.stringify({ m: error?.message, d: (error as NodeOperationError).description })).not.toContain('1980-02-31');
	});

	it.each([[0], [-5], [2.5]])('rejects limit %p before any request', async (limit) => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'search', returnAll: false, limit, filters: {}, simplify: true }, ok([]));
		expect(error?.message).toBe('Item 0: "Limit" must be a positive whole number');
		expect(calls).toHaveLength(0);
	});

	it('rejects a limit above the rows one read returns, before any request', async () => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 500_001, filters: {}, simplify: true }, ok([]));
		expect(error?.message).toBe('Item 0: "Limit" must be at most 500,000, the most one read returns');
		expect(calls).toHaveLength(0);
	});
});

describe('unexpected answers', () => {
	it.each([
		[[FULL_PATIENT], 'a patient record'],
		['<html>proxy login</html>', 'JSON'],
		[null, 'a patient record'],
	])('Get rejects a 200 that is not a patient record: %p', async (body, expected) => {
		const { error, calls } = await runError(get(7), ok(body));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe(`Open Dental answered with something other than ${expected}`);
		expect(calls).toHaveLength(1);
	});
});
