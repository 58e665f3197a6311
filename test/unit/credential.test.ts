// The credential's fields and what the node makes of them.
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { ok, run, runError } from '../support/nodeRun';
import { FULL_PATIENT, get } from '../support/patients';

beforeEach(() => resetPacing());

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
			'officeTimeZone',
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
