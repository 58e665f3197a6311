import { inspect } from 'util';
import { NodeApiError } from 'n8n-workflow';
import { openDentalRequest, type OpenDentalConnection } from '../../nodes/OpenDental/transport';
import { deferLane, resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { fakeContext, type Responder, virtualClock } from '../support/fakeContext';

const DEV = 'devKeySecret42';
const CUST = 'custKeySecret77';
const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 };

const connection: OpenDentalConnection = {
	baseUrl: 'http://127.0.0.1:1/api/v1',
	pageSize: 100,
	intervalMs: 0,
	maxInFlight: 1,
	laneId: 'lane-request',
	authorization: `ODFHIR ${DEV}/${CUST}`,
	secrets: [DEV, CUST],
};

async function call(responder: Responder, notFoundMessage?: string, conn = connection) {
	const { ctx, calls } = fakeContext({ responder });
	const time = virtualClock();
	overrideTransportSettings({ clock: time.clock, retry: policy, random: () => 1 });
	const result = openDentalRequest.call(ctx, conn, { method: 'GET', path: '/patients/42', itemIndex: 3, notFoundMessage });
	return { result, calls, time };
}

async function failure(responder: Responder, notFoundMessage?: string) {
	const { result, calls, time } = await call(responder, notFoundMessage);
	const error = (await result.catch((e: unknown) => e)) as NodeApiError;
	expect(error).toBeInstanceOf(NodeApiError);
	return { error, calls, time };
}

/** Everything an error could reveal: own properties, cause chain, and n8n's JSON form. */
function serializeFully(error: Error): string {
	return [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error, Object.getOwnPropertyNames(error))].join('\n');
}

beforeEach(() => resetPacing());
afterEach(() => restoreTransportSettings());

describe('request options', () => {
	it('sends JSON headers, never follows redirects, reads the body as a stream, and bounds the attempt', async () => {
		const { result, calls } = await call(() => ({ statusCode: 200, body: { PatNum: 42 } }));
		await expect(result).resolves.toEqual({ PatNum: 42 });
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({
			method: 'GET',
			baseURL: 'http://127.0.0.1:1/api/v1',
			url: '/patients/42',
			headers: { Authorization: `ODFHIR ${DEV}/${CUST}`, 'Content-Type': 'application/json', Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			encoding: 'stream',
		});
		// n8n's idle timeout is only a backstop behind the attempt's own 90 s deadline.
		expect(calls[0].options.timeout).toBe(95_000);
		expect(calls[0].options.abortSignal).toBeInstanceOf(AbortSignal);
	});
});

describe('error mapping', () => {
	it.each([
		['json-string', '"Patient not found."'],
		['text', 'Patient not found.'],
		['aspnet object', { Message: 'Patient not found.' }],
		['aspnet text', '{"Message":"Patient not found."}'],
		['buffer', Buffer.from('"Patient not found."')],
	])('404 with a %s body → the operation message and Open Dental\'s text', async (_style, body) => {
		const { error, calls } = await failure(() => ({ statusCode: 404, body }), 'Patient 42 not found');
		expect(error.message).toBe('Patient 42 not found');
		expect(error.description).toBe('Open Dental said: "Patient not found." Request: GET /patients/42');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
		expect(calls).toHaveLength(1);
	});

	it.each([
		[400, 'LName is required.', 'Open Dental rejected the request'],
		[401, 'Invalid credentials.', 'Open Dental refused the API keys, or they lack permission for this method'],
		[410, 'Gone.', 'This Open Dental method is no longer available'],
	])('%i is not retried and reads: %s', async (statusCode, text, message) => {
		const { error, calls } = await failure(() => ({ statusCode, body: JSON.stringify(text) }));
		expect(error.message).toBe(message);
		expect(error.description).toContain(`Open Dental said: "${text}"`);
		expect(calls).toHaveLength(1);
	});

	it.each([
		[500, 'Open Dental server error (500) (gave up after 4 attempts)'],
		[502, 'Open Dental server error (502) (gave up after 4 attempts)'],
		[503, 'Open Dental server error (503) (gave up after 4 attempts)'],
		[504, 'The Open Dental query took longer than its 60 s limit (gave up after 4 attempts)'],
		[429, 'Open Dental rate limit exceeded (gave up after 4 attempts)'],
	])('%i is retried within the budget, then reported', async (statusCode, message) => {
		const { error, calls } = await failure(() => ({ statusCode, body: 'busy' }));
		expect(error.message).toBe(message);
		expect(calls).toHaveLength(policy.maxAttempts);
	});

	it.each([
		['The eConnector is not running at the dental office.'],
		['Request timed out.'],
	])('400 "%s" means the office is unreachable: retried, then explained', async (text) => {
		const { error, calls } = await failure(() => ({ statusCode: 400, body: JSON.stringify(text) }));
		expect(error.message).toBe('Open Dental could not reach the dental office (its eConnector may be offline) (gave up after 4 attempts)');
		expect(error.description).toContain('eConnector service is running');
		expect(calls).toHaveLength(4);
	});

	it('a transient 400 followed by success returns the data', async () => {
		const { result, calls } = await call((_, index) =>
			index < 2 ? { statusCode: 400, body: '"The eConnector is not running at the dental office."' } : { statusCode: 200, body: { PatNum: 42 } },
		);
		await expect(result).resolves.toEqual({ PatNum: 42 });
		expect(calls).toHaveLength(3);
	});
});

describe('network failures', () => {
	const networkError = (code: string) => {
		// Shaped like n8n's wrapped axios error: the request config, keys included, rides along.
		const error = new Error(`connect ${code}`) as Error & Record<string, unknown>;
		error.cause = { code, config: { headers: { Authorization: `ODFHIR ${DEV}/${CUST}` } } };
		return error;
	};

	it('a reset connection is retried and then succeeds', async () => {
		const { result, calls } = await call((_, index) => {
			if (index === 0) throw networkError('ECONNRESET');
			return { statusCode: 200, body: [] };
		});
		await expect(result).resolves.toEqual([]);
		expect(calls).toHaveLength(2);
	});

	it('n8n 1.x\'s wrapping (a NodeApiError with httpCode and axios\'s text) is read as the same network failure', async () => {
		// What n8n 1.123's request helper throws for a reset connection: no `code`, no `cause`.
		const wrapped = () => {
			const error = new NodeApiError({ id: '1', name: 'Open Dental', type: 'openDental', typeVersion: 1, position: [0, 0], parameters: {} }, {
				message: 'socket hang up',
				code: 'ECONNRESET',
			});
			expect(error.httpCode).toBe('ECONNRESET');
			delete (error as { cause?: unknown }).cause;
			return error;
		};
		const { result, calls } = await call((_, index) => {
			if (index === 0) throw wrapped();
			return { statusCode: 200, body: [] };
		});
		await expect(result).resolves.toEqual([]);
		expect(calls).toHaveLength(2);

		const hangUpOnly = Object.assign(new Error('The connection to the server was closed unexpectedly'), { messages: ['socket hang up'] });
		const second = await call((_, index) => {
			if (index === 0) throw hangUpOnly;
			return { statusCode: 200, body: [] };
		});
		await expect(second.result).resolves.toEqual([]);
		expect(second.calls).toHaveLength(2);
	});

	it('a timeout that persists is reported without the keys', async () => {
		const { error, calls } = await failure(() => {
			throw networkError('ETIMEDOUT');
		});
		expect(error.message).toBe('Could not reach Open Dental: the connection timed out (gave up after 4 attempts)');
		expect(calls).toHaveLength(4);
		const text = serializeFully(error);
		expect(text).not.toContain(DEV);
		expect(text).not.toContain(CUST);
	});

	it('a refused connection is a configuration problem: reported at once', async () => {
		const { error, calls } = await failure(() => {
			throw networkError('ECONNREFUSED');
		});
		expect(error.message).toBe('Could not reach Open Dental: the connection was refused');
		expect(calls).toHaveLength(1);
	});
});

describe('secret redaction', () => {
	it('keys echoed by the server never reach the error', async () => {
		const { error } = await failure(() => ({
			statusCode: 401,
			body: { Message: `Key ODFHIR ${DEV}/${CUST} is not valid` },
		}));
		expect(error.description).toContain('Key ODFHIR ***/*** is not valid');
		const text = serializeFully(error);
		expect(text).not.toContain(DEV);
		expect(text).not.toContain(CUST);
	});
});

describe('retry timing', () => {
	it('waits the Retry-After seconds before the next attempt', async () => {
		const { result, calls, time } = await call((_, index) =>
			index === 0 ? { statusCode: 429, body: 'Too many requests.', headers: { 'retry-after': '3' } } : { statusCode: 200, body: [] },
		);
		await expect(result).resolves.toEqual([]);
		expect(calls).toHaveLength(2);
		expect(time.sleeps).toEqual([3000]);
	});

	it('honours a Retry-After HTTP date', async () => {
		const time = virtualClock(Date.parse('2026-11-21T10:00:00Z'));
		const { ctx } = fakeContext({
			responder: (_, index) =>
				index === 0 ? { statusCode: 429, headers: { 'retry-after': 'Sat, 21 Nov 2026 10:00:07 GMT' } } : { statusCode: 200, body: [] },
		});
		overrideTransportSettings({ clock: time.clock, retry: policy });
		await openDentalRequest.call(ctx, connection, { method: 'GET', path: '/patients', itemIndex: 0 });
		expect(time.sleeps).toEqual([7000]);
	});

	it('backs off exponentially without Retry-After, within the configured ceiling', async () => {
		const { error, time } = await failure(() => ({ statusCode: 503, body: 'down' }));
		expect(error.message).toContain('gave up after 4 attempts');
		// random() = 1 → the full ceiling of each step: 1 s, 2 s, 4 s.
		expect(time.sleeps).toEqual([1000, 2000, 4000]);
	});

	it('gives up at once when the server asks for a wait beyond the request deadline', async () => {
		const { ctx, calls } = fakeContext({ responder: () => ({ statusCode: 429, headers: { 'retry-after': '180' } }) });
		const time = virtualClock();
		overrideTransportSettings({ clock: time.clock, retry: policy });
		const error = await openDentalRequest.call(ctx, connection, { method: 'GET', path: '/patients', itemIndex: 0 }).catch((e: unknown) => e as Error);
		expect((error as Error).message).toBe('Open Dental rate limit exceeded');
		expect(calls).toHaveLength(1);
		expect(time.sleeps).toEqual([]);
	});
});

describe('a request the caller no longer needs (signal aborted)', () => {
	function unneeded(responder: Responder) {
		const { ctx, calls } = fakeContext({ responder });
		const time = virtualClock();
		const controller = new AbortController();
		controller.abort();
		// A 429 seen by another page holds the key's lane for 1 s.
		deferLane(connection.laneId, time.now + 1000);
		overrideTransportSettings({ clock: time.clock, retry: policy, random: () => 1 });
		const result = openDentalRequest.call(ctx, connection, { method: 'GET', path: '/patients/Simple', itemIndex: 0, signal: controller.signal });
		return { result, calls, time };
	}

	it('still sends its first attempt, after the pacing wait, so the requests made do not depend on timing', async () => {
		const { result, calls, time } = unneeded(() => ({ statusCode: 200, body: [] }));
		await expect(result).resolves.toEqual([]);
		expect(calls).toHaveLength(1);
		expect(time.sleeps).toEqual([1000]);
	});

	it('is not retried after a fault', async () => {
		const { result, calls } = unneeded(() => ({ statusCode: 503, body: 'Service unavailable' }));
		await expect(result).rejects.toThrow('The execution was cancelled');
		expect(calls).toHaveLength(1);
	});
});
