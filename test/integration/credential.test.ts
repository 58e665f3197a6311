import type { IDataObject, INodeTypes } from 'n8n-workflow';
import { Expression, Workflow } from 'n8n-workflow';
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { startSimulator, type Simulator } from '../../simulator';
import { FREE_KEY } from './setup';

// The credential's Test button and authenticate header are n8n expressions over $credentials:
// resolve them with n8n's own expression engine, as n8n's credentials helper does.
Expression.setExpressionEngine('legacy');
const noNodeTypes = { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) };
const workflow = new Workflow({ id: 'cred', nodes: [], connections: {}, active: false, nodeTypes: noNodeTypes as unknown as INodeTypes });
const node = { id: 'n', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const resolve = (value: string, credentials: IDataObject) =>
	workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');

const credential = new OpenDentalApi();
const keys = { developerKey: FREE_KEY.developerKey, customerKey: FREE_KEY.customerKey };

describe('credential test request', () => {
	it.each([
		[{ server: 'remote' }, 'https://api.opendental.com/api/v1'],
		[{ server: 'apiService', host: 'office-server' }, 'http://office-server:30223/api/v1'],
		[{ server: 'localApi', host: 'localhost' }, 'http://localhost:30222/api/v1'],
		[{ server: 'custom', baseUrl: 'http://office-server:30223/api/v1/' }, 'http://office-server:30223/api/v1'],
		[{ server: 'custom', baseUrl: 'http://office-server:30223/api/v1' }, 'http://office-server:30223/api/v1'],
	])('%p → base URL %s', (server, expected) => {
		expect(resolve(String(credential.test.request.baseURL), { ...server, ...keys })).toBe(expected);
	});

	describe('against the simulator', () => {
		let sim: Simulator;
		beforeAll(async () => {
			sim = await startSimulator({ patients: 20, throttle: { mode: 'off' } });
		});
		afterAll(async () => await sim.close());

		async function testButton(customerKey: string) {
			const data = { server: 'custom', baseUrl: `${sim.baseUrl}/`, ...keys, customerKey };
			const { request } = credential.test;
			const headers = Object.fromEntries(
				Object.entries({ ...request.headers, ...credential.authenticate.properties.headers }).map(([name, value]) => [name, String(resolve(String(value), data))]),
			);
			const url = `${resolve(String(request.baseURL), data)}${request.url}?${new URLSearchParams(request.qs as Record<string, string>)}`;
			const response = await fetch(url, { headers });
			return { status: response.status, body: (await response.json()) as unknown };
		}

		it('succeeds with valid keys, reading only the practice title', async () => {
			const { status, body } = await testButton(FREE_KEY.customerKey);
			expect(status).toBe(200);
			expect(body).toEqual([{ PrefNum: expect.any(Number), PrefName: 'PracticeTitle', ValueString: 'Sunrise Family Dental (simulated)' }]);
			expect(sim.requests().map((entry) => [entry.path, entry.headers.authorization])).toEqual([
				['/preferences', `ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`],
			]);
		});

		it('fails with an unknown customer key', async () => {
			expect((await testButton('WrongCustKey0001')).status).toBe(401);
		});
	});
});
