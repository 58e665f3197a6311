// A redirect from the Open Dental address must not carry the keys anywhere: n8n's helper would
// follow it and re-attach the Authorization header, even to another host.
import type { NodeApiError } from 'n8n-workflow';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { startOtherHost, startTestServer, type TestServer } from '../support/testServer';
import { runOpenDentalError, simulatorCredential } from './setup';

type Answer = Parameters<Parameters<typeof startTestServer>[0]>[1];

let office: TestServer;
let elsewhere: TestServer;
let answer: (response: Answer) => void;

const LEAKED_ROWS = '[{"PatNum":1,"LName":"Leaked","FName":"Row"}]';
const everyPatient = { operation: 'getAll', returnAll: true, filters: {}, simplify: true };

beforeAll(async () => {
	office = await startTestServer((_request, response) => answer(response));
	elsewhere = await startOtherHost(LEAKED_ROWS);
});
afterAll(async () => {
	await office.close();
	await elsewhere.close();
});
beforeEach(() => {
	office.requests.length = 0;
	elsewhere.requests.length = 0;
	resetPacing();
});

async function readThroughRedirect(status: number, location: string) {
	answer = (response) => response.writeHead(status, { Location: location, 'Content-Type': 'text/plain' }).end('Moved');
	const error = (await runOpenDentalError(
		{ baseUrl: `${office.origin}/api/v1` },
		everyPatient,
		{ credentials: simulatorCredential({ baseUrl: `${office.origin}/api/v1` }), allowedHosts: ['127.0.0.1', '127.0.0.2'] },
	)) as NodeApiError;
	return error;
}

const HINT =
	"The node does not follow redirects, so the keys were not sent there. Check the credential's Server, Host and Base URL: if that address is the right one, enter it there. Request: GET /patients/Simple";

describe('a redirect from the Open Dental address', () => {
	it.each([301, 302, 303, 307, 308])('HTTP %i to another host: an error naming the status and host, nothing sent there', async (status) => {
		const error = await readThroughRedirect(status, `${elsewhere.origin}/api/v1/patients/Simple?Limit=100&Offset=0&session=s3cr3t`);
		expect(error.message).toBe(`Open Dental answered with a redirect (HTTP ${status}) to 127.0.0.2:${elsewhere.port}`);
		expect(error.description).toBe(HINT);
		expect(JSON.stringify(error)).not.toContain('s3cr3t');
		expect(office.requests.map((request) => request.url)).toEqual(['/api/v1/patients/Simple?Limit=100&Offset=0']);
		expect(elsewhere.requests).toEqual([]);
	});

	it('to another port of the same host: the same error, the keys stay with the configured port', async () => {
		const error = await readThroughRedirect(302, `http://127.0.0.2:${elsewhere.port}/api/v1/patients/Simple`);
		expect(error.message).toBe(`Open Dental answered with a redirect (HTTP 302) to 127.0.0.2:${elsewhere.port}`);
		expect(office.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});

	it('a redirect loop back to the same address is reported as a redirect after one request', async () => {
		const error = await readThroughRedirect(307, '/api/v1/patients/Simple?Limit=100&Offset=0');
		expect(error.message).toBe(`Open Dental answered with a redirect (HTTP 307) to 127.0.0.1:${office.port}`);
		expect(office.requests).toHaveLength(1);
	});

	it('a Location that is not a URL still reads as a redirect, without echoing it', async () => {
		const error = await readThroughRedirect(302, 'http://[not a host/');
		expect(error.message).toBe('Open Dental answered with a redirect (HTTP 302) without a valid target');
		expect(office.requests).toHaveLength(1);
	});
});
