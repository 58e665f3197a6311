import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError } from 'n8n-workflow';
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { runNode } from './n8nExecute';

interface Recorded {
	method?: string;
	path: string;
	query: string;
	headers: http.IncomingHttpHeaders;
}

const requests: Recorded[] = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push({ method: req.method, path: url.pathname, query: url.search.slice(1), headers: req.headers });
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method === 'GET' && url.pathname === '/api/v1/patients/Simple') send(200, [{ PatNum: 1, LName: 'A', FName: 'B' }]);
		else if (url.pathname === '/api/v1/patients/999') send(404, 'Patient not found.');
		else send(500, 'unexpected request');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	requests.length = 0;
});

const run = (parameters: Record<string, unknown>, continueOnFail = false) =>
	runNode({
		nodeType: new OpenDental(),
		credentialType: new OpenDentalApi(),
		credentials: { server: 'custom', baseUrl, developerKey: 'dev123', customerKey: 'cust456', rateLimit: 'none', pageSize: 1000 },
		parameters: { resource: 'patient', ...parameters },
		continueOnFail,
	});

describe('n8n execution harness', () => {
	it('runs getAll through the real HTTP helper with the credential applied', async () => {
		const output = await run({ operation: 'getAll', returnAll: true, simplify: false });

		expect(output).toEqual([[{ json: { PatNum: 1, LName: 'A', FName: 'B' }, pairedItem: { item: 0 } }]]);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/patients/Simple', query: 'Limit=1000&Offset=0' });
		expect(requests[0].headers.authorization).toBe('ODFHIR dev123/cust456');
		expect(requests[0].headers['content-type']).toBe('application/json');
	});

	it('applies description defaults and resolves expressions like a workflow does', async () => {
		// No "resource" (the node reads it without a fallback) and patNum from the item via an expression.
		const failure = runNode({
			nodeType: new OpenDental(),
			credentialType: new OpenDentalApi(),
			credentials: { server: 'custom', baseUrl, developerKey: 'dev123', customerKey: 'cust456', rateLimit: 'none' },
			parameters: { operation: 'get', patNum: '={{ $json.id }}' },
			items: [{ json: { id: 999 } }],
		});

		await expect(failure).rejects.toMatchObject({ message: 'Patient 999 not found' });
		expect(requests.map((r) => r.path)).toEqual(['/api/v1/patients/999']);
	});

	it("rejects a 404 with the node's NodeApiError", async () => {
		const failure = run({ operation: 'get', patNum: 999 });

		await expect(failure).rejects.toBeInstanceOf(NodeApiError);
		await expect(failure).rejects.toMatchObject({ message: 'Patient 999 not found', httpCode: '404' });
		expect(requests.map((r) => r.path)).toEqual(['/api/v1/patients/999']);
		expect(requests[0].headers.authorization).toBe('ODFHIR dev123/cust456');
	});

	it('turns the 404 into an error item when the node continues on fail', async () => {
		const output = await run({ operation: 'get', patNum: 999 }, true);

		expect(output).toEqual([[{ json: expect.objectContaining({ error: 'Patient 999 not found' }), pairedItem: { item: 0 } }]]);
	});

	it('blocks connections to anything but 127.0.0.1', async () => {
		const failure = runNode({
			nodeType: new OpenDental(),
			credentialType: new OpenDentalApi(),
			// The Remote API server resolves to https://api.opendental.com; its own key keeps pacing apart.
			credentials: { server: 'remote', developerKey: 'dev123', customerKey: 'blocked789', rateLimit: 'none' },
			parameters: { resource: 'patient', operation: 'get', patNum: 1 },
		});

		await expect(failure).rejects.toThrow('Outbound connections outside 127.0.0.1 were attempted: api.opendental.com');
		expect(requests).toHaveLength(0);
	});
});
