// An error quotes Open Dental only when the body is one of its messages; a body that could be a
// record, or a key, never reaches the error.
import type { NodeApiError } from 'n8n-workflow';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { virtualClock } from '../support/fakeContext';
import { startTestServer, type TestServer } from '../support/testServer';
import { FREE_KEY, runOpenDentalError, simulatorCredential } from './setup';

let server: TestServer;
let reply: { status: number; type: string; body: string };

const RECORD = { PatNum: 42, LName: 'Rivera', FName: 'Ana', Birthdate: '1984-03-09', SSN: '555-12-3456', WirelessPhone: '(503) 555-0142' };
const PHI = ['Rivera', '1984-03-09', '555-12-3456', '555-0142'];
const getPatient = { operation: 'get', patNum: 42, simplify: true };

async function failWith(status: number, type: string, body: string): Promise<NodeApiError> {
	reply = { status, type, body };
	const baseUrl = `${server.origin}/api/v1`;
	return (await runOpenDentalError({ baseUrl }, getPatient, { credentials: simulatorCredential({ baseUrl }) })) as NodeApiError;
}
const everything = (error: NodeApiError) => JSON.stringify({ message: error.message, description: error.description, error });

beforeAll(async () => {
	server = await startTestServer((_request, response) => response.writeHead(reply.status, { 'Content-Type': reply.type }).end(reply.body));
});
afterAll(async () => await server.close());
beforeEach(() => {
	resetPacing();
	// 500s are retried: their backoff passes in virtual time.
	overrideTransportSettings({ clock: virtualClock().clock });
});
afterEach(() => restoreTransportSettings());

describe("Open Dental's own messages are quoted", () => {
	it.each([
		['a JSON string', 'application/json', '"LName is required."'],
		['an ASP.NET error object', 'application/json', '{"Message":"LName is required."}'],
		['short plain text', 'text/plain', 'LName is required.'],
	])('%s', async (_shape, type, body) => {
		const error = await failWith(400, type, body);
		expect(error.description).toBe('Open Dental said: "LName is required." Request: GET /patients/42');
	});
});

describe('bodies that could be records are never quoted', () => {
	it.each([
		['a record as JSON', 'application/json', JSON.stringify(RECORD)],
		['a list of records', 'application/json', JSON.stringify([RECORD])],
		['a record in a JSON string', 'application/json', JSON.stringify(JSON.stringify(RECORD))],
		['a record as broken JSON', 'text/plain', JSON.stringify(RECORD).slice(0, -5)],
		['a record as text lines', 'text/plain', Object.entries(RECORD).map(([key, value]) => `${key}: ${value}`).join('\n')],
		['"Key": value pairs in one line', 'text/plain', `Error for "LName": "${RECORD.LName}", "SSN": "${RECORD.SSN}"`],
		['an HTML page', 'text/html', `<html><body><p>${RECORD.LName} ${RECORD.SSN}</p></body></html>`],
		['a long single line', 'text/plain', `Patient ${RECORD.LName} ${RECORD.FName} born ${RECORD.Birthdate} ${'x'.repeat(300)}`],
		['a Message holding a record', 'application/json', JSON.stringify({ Message: JSON.stringify(RECORD) })],
	])('%s (500)', async (_shape, type, body) => {
		const error = await failWith(500, type, body);
		expect(error.message).toBe('Open Dental server error (500) (gave up after 6 attempts)');
		expect(error.description).toBe('Request: GET /patients/42');
		for (const value of PHI) expect(everything(error)).not.toContain(value);
	});
});

describe('keys are blanked before any length check, so no part of one shows', () => {
	it('a key straddling the 300th character', async () => {
		const key = FREE_KEY.customerKey;
		const error = await failWith(400, 'text/plain', `${'A'.repeat(295)}${key} is not valid for this office`);
		expect(error.description).toBe('Request: GET /patients/42');
		for (let length = 4; length <= key.length; length++) expect(everything(error)).not.toContain(key.slice(0, length));
	});

	it('a short message naming both keys', async () => {
		const error = await failWith(401, 'application/json', `"Keys ${FREE_KEY.developerKey}/${FREE_KEY.customerKey} are disabled."`);
		expect(error.description).toContain('Open Dental said: "Keys ***/*** are disabled."');
		expect(everything(error)).not.toContain(FREE_KEY.customerKey);
	});
});
