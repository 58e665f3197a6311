// A list read always ends, whatever the server sends: rows without the id, entries that are not
// records, or full pages that never stop coming.
import type { NodeApiError } from 'n8n-workflow';
import { DEFAULT_LIMITS } from '../../nodes/OpenDental/transport/limits';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { startTestServer, type TestServer } from '../support/testServer';
import { runOpenDental, runOpenDentalError, simulatorCredential } from './setup';

let server: TestServer;
let rowsFor: (limit: number, offset: number) => unknown[];

const everyPatient = { operation: 'getAll', returnAll: true, filters: {}, simplify: false };
const readAll = async (pageSize = 100) => {
	const baseUrl = `${server.origin}/api/v1`;
	return (await runOpenDentalError({ baseUrl }, everyPatient, { credentials: simulatorCredential({ baseUrl }, { pageSize }) })) as NodeApiError;
};
const asked = () => server.requests.map((request) => new URL(request.url, server.origin).search);

beforeAll(async () => {
	server = await startTestServer((request, response) => {
		const query = new URL(request.url ?? '/', server.origin).searchParams;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify(rowsFor(Number(query.get('Limit')), Number(query.get('Offset')))));
	});
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	resetPacing();
});
afterEach(() => restoreTransportSettings());

it('the bounds are those the README states: 500,000 rows and 10,000 pages a read, 64 MB an answer', () => {
	expect(DEFAULT_LIMITS).toEqual({
		maxResponseBytes: 64 * 1024 * 1024,
		maxErrorBodyBytes: 64 * 1024,
		attemptDeadlineMs: 90_000,
		requestDeadlineMs: 180_000,
		maxRowsPerRead: 500_000,
		maxPagesPerRead: 10_000,
	});
});

it('full pages of rows without PatNum from a server that ignores Limit and Offset: an error after one request', async () => {
	rowsFor = () => Array.from({ length: 100 }, () => ({ LName: 'No', FName: 'Id' }));
	const error = await readAll();
	expect(error.message).toBe('Open Dental answered with rows that have no PatNum');
	expect(error.description).toBe(
		"Request: GET /patients/Simple with Offset=0. Every row of this list is a record with its own ID. Check that the credential's server and base URL point to the Open Dental API.",
	);
	expect(asked()).toEqual(['?Limit=100&Offset=0']);
});

it.each([[[1, 2, 3]], [[null]], [[['PatNum', 1]]], [['{"PatNum":1}']]])('entries that are not records (%p): an error after one request', async (page) => {
	rowsFor = () => page;
	const error = await readAll();
	expect(error.message).toBe('Open Dental answered with a list of something other than records');
	expect(asked()).toEqual(['?Limit=100&Offset=0']);
});

it('full pages of new rows that never end stop at the rows one read may take', async () => {
	overrideTransportSettings({ limits: { maxRowsPerRead: 5_000 } });
	rowsFor = (limit, offset) => Array.from({ length: limit }, (_, index) => ({ PatNum: offset + index + 1 }));
	const error = await readAll();
	expect(error.message).toBe('The list has more than 5,000 rows, the most one read takes');
	expect(error.description).toBe(
		"Request: GET /patients/Simple. Narrow the filters (e.g. Updated Since) or set a Limit; if the list cannot be this long, check that the credential's server and base URL point to the Open Dental API.",
	);
	// 50 full pages, then one row more to tell "more" from "exactly 5,000".
	expect(asked()).toEqual([...Array.from({ length: 50 }, (_, page) => `?Limit=100&Offset=${page * 100}`), '?Limit=1&Offset=5000']);
});

it('and at the pages one read may make, however small the pages', async () => {
	overrideTransportSettings({ limits: { maxPagesPerRead: 20 } });
	rowsFor = (limit, offset) => Array.from({ length: limit }, (_, index) => ({ PatNum: offset + index + 1 }));
	const error = await readAll(7);
	expect(error.message).toBe('The list has more than 20 pages, the most one read takes');
	expect(asked()).toEqual(Array.from({ length: 20 }, (_, page) => `?Limit=7&Offset=${page * 7}`));
});

it('exactly as many rows as one read may take is a complete read, not an error', async () => {
	overrideTransportSettings({ limits: { maxRowsPerRead: 250 } });
	rowsFor = (limit, offset) => Array.from({ length: Math.max(0, Math.min(limit, 250 - offset)) }, (_, index) => ({ PatNum: offset + index + 1 }));
	const baseUrl = `${server.origin}/api/v1`;
	const rows = await runOpenDental({ baseUrl }, everyPatient, { credentials: simulatorCredential({ baseUrl }) });
	expect(rows.map((row) => row.json.PatNum)).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
	expect(asked()).toEqual(['?Limit=100&Offset=0', '?Limit=100&Offset=100', '?Limit=51&Offset=200']);
});
