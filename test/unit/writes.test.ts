// Which failed writes the transport sends again, and what it says when it may not.
import { NodeApiError } from 'n8n-workflow';
import { openDentalRequest, type OpenDentalConnection, type OpenDentalRequest } from '../../nodes/OpenDental/transport';
import { mayHaveTakenEffect } from '../../nodes/OpenDental/transport/errors';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { fakeContext, type FakeResponse, type Responder, virtualClock } from '../support/fakeContext';

const connection: OpenDentalConnection = {
	baseUrl: 'http://127.0.0.1:1/api/v1',
	pageSize: 100,
	intervalMs: 0,
	maxInFlight: 1,
	laneId: 'lane-writes',
	authorization: 'ODFHIR devKey/custKey',
	secrets: ['devKey', 'custKey'],
};

const POST_COMMLOG: OpenDentalRequest = { method: 'POST', path: '/commlogs', body: { PatNum: 1, Note: 'x' }, idempotent: false, writes: 'the commlog', permission: 'Comm' };
const CONFIRM: OpenDentalRequest = { method: 'PUT', path: '/appointments/7/Confirm', body: { defNum: 19 }, idempotent: true, writes: 'the confirmation status', permission: 'Comm' };

const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const sequence = (...answers: Array<FakeResponse | Error>): Responder => (_, index) => {
	const answer = answers[Math.min(index, answers.length - 1)];
	if (answer instanceof Error) throw answer;
	return answer;
};

async function send(request: OpenDentalRequest, responder: Responder) {
	const { ctx, calls } = fakeContext({ responder });
	overrideTransportSettings({ clock: virtualClock().clock, retry: { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 }, random: () => 1 });
	const outcome = await openDentalRequest.call(ctx, connection, request).then(
		(body) => ({ body, error: undefined }),
		(error: unknown) => ({ body: undefined, error: error as NodeApiError }),
	);
	return { ...outcome, calls: calls.length };
}

beforeEach(() => resetPacing());
afterEach(() => restoreTransportSettings());

describe('a write that adds something (POST, Append Note, Recall Status)', () => {
	it.each([
		['a 500', { statusCode: 500, body: '"Internal server error."' }, 'Open Dental server error (500); the commlog may or may not have been written'],
		['a 503', { statusCode: 503, body: '' }, 'Open Dental server error (503); the commlog may or may not have been written'],
		['a reset connection', networkError('ECONNRESET'), 'Could not reach Open Dental: the connection was reset; the commlog may or may not have been written'],
		['a timeout', networkError('ETIMEDOUT'), 'Could not reach Open Dental: the connection timed out; the commlog may or may not have been written'],
	])('is not sent again after %s, and the error says it may have been written', async (_, answer, message) => {
		const { error, calls } = await send(POST_COMMLOG, sequence(answer as FakeResponse | Error, { statusCode: 201, body: { CommlogNum: 9 } }));
		expect(calls).toBe(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('The node did not send it again, so it cannot have been written twice. Check the commlog in Open Dental before running this item again.');
		expect(error?.description).toContain('Request: POST /commlogs');
	});

	it.each([
		['a 429', { statusCode: 429, body: '"Too many requests."' }],
		["the 400 that says the office's eConnector is offline", { statusCode: 400, body: '"The eConnector is not running at the dental office."' }],
		['a host name that could not be resolved right now', networkError('EAI_AGAIN')],
	])('is sent again after %s, which proves it was not carried out', async (_, answer) => {
		const { body, calls } = await send(POST_COMMLOG, sequence(answer as FakeResponse | Error, { statusCode: 201, body: { CommlogNum: 9 } }));
		expect(body).toEqual({ CommlogNum: 9 });
		expect(calls).toBe(2);
	});

	it('fails at once on a refused connection, without claiming it may have been written', async () => {
		const { error, calls } = await send(POST_COMMLOG, sequence(networkError('ECONNREFUSED')));
		expect(calls).toBe(1);
		expect(error?.message).toBe('Could not reach Open Dental: the connection was refused');
	});
});

describe('a write that sets a value (Confirm, Break)', () => {
	it('is sent again after a failure that may have been carried out', async () => {
		const { body, calls } = await send(CONFIRM, sequence({ statusCode: 500, body: '' }, networkError('ECONNRESET'), { statusCode: 200, body: '' }));
		expect(body).toBeUndefined();
		expect(calls).toBe(3);
	});

	it('says so when it gives up after attempts that may have written it', async () => {
		const { error, calls } = await send(CONFIRM, sequence({ statusCode: 502, body: '' }));
		expect(calls).toBe(4);
		expect(error?.message).toBe('Open Dental server error (502) (gave up after 4 attempts)');
		expect(error?.description).toBe(
			'An attempt failed in a way that may have written the confirmation status (sending it again changes nothing): check it in Open Dental. Request: PUT /appointments/7/Confirm',
		);
	});
});

describe('a read made with PUT (the read-only patient query)', () => {
	it('is sent again like any read, and its error claims no write', async () => {
		const query: OpenDentalRequest = { method: 'PUT', path: '/queries/ShortQuery', body: { SqlCommand: 'SELECT 1' }, idempotent: true, permission: 'Queries' };
		const { error, calls } = await send(query, sequence({ statusCode: 500, body: '' }));
		expect(calls).toBe(4);
		expect(error?.message).toBe('Open Dental server error (500) (gave up after 4 attempts)');
		expect(error?.description).toBe('Request: PUT /queries/ShortQuery');
	});
});

describe('a write the key may not make', () => {
	it('names the missing permission and its price, apart from a wrong key', async () => {
		const { error, calls } = await send(CONFIRM, sequence({ statusCode: 401, body: '"This API key does not have permission to use this method."' }));
		expect(calls).toBe(1);
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toBe("This customer key lacks Open Dental's Comm permission, which this operation needs");
		expect(error?.description).toBe(
			'Open Dental said: "This API key does not have permission to use this method." Comm is a paid Open Dental API permission ($15 a month per location); ' +
				"the office enables it for its customer key in Open Dental's developer portal. A Read All key can only read. Request: PUT /appointments/7/Confirm",
		);
	});

	it('reports wrong keys as wrong keys', async () => {
		const { error } = await send(CONFIRM, sequence({ statusCode: 401, body: '"Invalid credentials."' }));
		expect(error?.message).toBe('Open Dental refused the API keys, or they lack permission for this method');
	});

	it('says both when Open Dental gives no reason', async () => {
		const { error } = await send(POST_COMMLOG, sequence({ statusCode: 401, body: '' }));
		expect(error?.message).toBe('Open Dental refused the request: the keys are wrong, or the key lacks the Comm permission this operation needs');
	});
});

describe('mayHaveTakenEffect', () => {
	it('is false only when an answer or the network proves the request was not carried out', () => {
		expect(mayHaveTakenEffect({ status: 500, serverMessage: '', retryable: true })).toBe(true);
		expect(mayHaveTakenEffect({ kind: 'deadline', serverMessage: '', retryable: true })).toBe(true);
		expect(mayHaveTakenEffect({ status: 200, kind: 'notJson', serverMessage: '', retryable: false })).toBe(true);
		expect(mayHaveTakenEffect({ networkCode: 'ECONNRESET', serverMessage: '', retryable: true })).toBe(true);
		expect(mayHaveTakenEffect({ networkCode: 'ECONNREFUSED', serverMessage: '', retryable: false })).toBe(false);
		expect(mayHaveTakenEffect({ status: 429, serverMessage: '', retryable: true })).toBe(false);
		expect(mayHaveTakenEffect({ status: 400, serverMessage: '', retryable: false })).toBe(false);
		expect(mayHaveTakenEffect({ status: 302, kind: 'redirect', serverMessage: '', retryable: false })).toBe(false);
	});
});
