// The credential's address fields are checked before any request: only a host (name, IPv4 or
// bracketed IPv6) for the API Service and Local API, only an http(s) URL without user info,
// query or fragment as a Custom URL. The credential test applies the same rules (credential.test.ts).
import { NodeOperationError } from 'n8n-workflow';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { REFUSED_ADDRESSES, withHost } from '../support/addressCases';
import { startTestServer, type TestServer } from '../support/testServer';
import { FREE_KEY, runOpenDental, runOpenDentalError } from './setup';

let server: TestServer;
const keys = { developerKey: FREE_KEY.developerKey, customerKey: FREE_KEY.customerKey, rateLimit: 'none' };
const getPatient = { operation: 'get', patNum: 3, simplify: true };

beforeAll(async () => {
	server = await startTestServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"PatNum":3,"LName":"A","FName":"B"}'));
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	resetPacing();
});

const withFields = async (fields: Record<string, string>) =>
	await runOpenDentalError({ baseUrl: server.origin }, getPatient, { credentials: { ...keys, ...fields } });

it.each(REFUSED_ADDRESSES)('%p → "%s", before any request', async (fields, message) => {
	const resolved = withHost(fields, `127.0.0.1:${server.port}`);
	const error = await withFields(resolved);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe(message);
	expect(server.requests).toEqual([]);
});

it('a custom base URL with a trailing slash and upper-case host is accepted and normalised', async () => {
	const rows = await runOpenDental({ baseUrl: server.origin }, getPatient, {
		credentials: { ...keys, server: 'custom', baseUrl: `HTTP://127.0.0.1:${server.port}/api/v1//` },
	});
	expect(rows.map((row) => row.json.PatNum)).toEqual([3]);
	expect(server.requests.map((request) => [request.url, request.authorization])).toEqual([
		['/api/v1/patients/3', `ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`],
	]);
});
