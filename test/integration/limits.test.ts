// Every attempt is bounded in bytes and in total time, whatever the server does: an answer that
// never ends, one that trickles, one that never comes. Time here is virtual: the servers move it.
import type { NodeApiError } from 'n8n-workflow';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../nodes/OpenDental/transport/settings';
import { virtualClock } from '../support/fakeContext';
import { startTestServer, type TestServer, writeForever } from '../support/testServer';
import { runOpenDentalError, simulatorCredential } from './setup';

type Answer = Parameters<Parameters<typeof startTestServer>[0]>[1];

const MiB = 1024 * 1024;
let server: TestServer;
let answer: (response: Answer) => void;
let time: ReturnType<typeof virtualClock>;

const everyPatient = { operation: 'getAll', returnAll: true, filters: {}, simplify: true };
const readAll = async () => {
	const baseUrl = `${server.origin}/api/v1`;
	return (await runOpenDentalError({ baseUrl }, everyPatient, { credentials: simulatorCredential({ baseUrl }) })) as NodeApiError;
};
const DEADLINE_HINT =
	"An attempt may take 90 s with its answer, a request 180 s with its retries. Check the credential's Server, Host and Base URL and that the Open Dental API is running. Request: GET /patients/Simple";

beforeAll(async () => {
	server = await startTestServer((_request, response) => answer(response));
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	resetPacing();
	time = virtualClock();
	// Backoff at its ceiling: 1 s before the second attempt.
	overrideTransportSettings({ clock: time.clock, random: () => 1 });
});
afterEach(() => restoreTransportSettings());

describe('size of an answer', () => {
	it('a 200 whose body never ends is read to 64 MB, then the attempt ends with a clear error and is not retried', async () => {
		const before = server.bytesWritten();
		answer = (response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.write('[');
			writeForever(response, `${'{"PatNum":1,"LName":"Same","FName":"Row"},'.repeat(1000)}`);
		};
		const error = await readAll();
		expect(error.message).toBe("Open Dental's answer was larger than 64 MB");
		expect(error.description).toBe("Reading stopped at the limit. Check the credential's Server, Host and Base URL point to the Open Dental API. Request: GET /patients/Simple");
		expect(server.requests).toHaveLength(1);
		// What left the server: the 64 MB read, plus what the sockets' buffers held when reading stopped.
		const sent = server.bytesWritten() - before;
		expect(sent).toBeGreaterThan(64 * MiB);
		expect(sent).toBeLessThan(80 * MiB);
	});

	it('an answer that declares more than 64 MB is refused before its body is read', async () => {
		const before = server.bytesWritten();
		answer = (response) => {
			response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(65 * MiB) });
			writeForever(response, 'x'.repeat(64 * 1024));
		};
		const error = await readAll();
		expect(error.message).toBe("Open Dental's answer was larger than 64 MB");
		expect(server.requests).toHaveLength(1);
		expect(server.bytesWritten() - before).toBeLessThan(16 * MiB);
	});

	it('an error body is read to 64 KB at most and then left unquoted', async () => {
		const before = server.bytesWritten();
		answer = (response) => {
			response.writeHead(400, { 'Content-Type': 'text/plain' });
			writeForever(response, 'Bad request. ');
		};
		const error = await readAll();
		expect(error.message).toBe('Open Dental rejected the request');
		expect(error.description).toBe('Request: GET /patients/Simple');
		expect(server.requests).toHaveLength(1);
		expect(server.bytesWritten() - before).toBeLessThan(16 * MiB);
	});
});

describe('time of an answer', () => {
	it('a body that trickles one byte every 5 s ends at 90 s per attempt, and the request at 180 s in all', async () => {
		answer = (response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.write('[');
			const tick = setInterval(() => {
				if (response.destroyed) return clearInterval(tick);
				response.write(' ');
				time.advance(5_000);
			}, 2);
			response.on('close', () => clearInterval(tick));
		};
		const started = time.now;
		const error = await readAll();
		expect(error.message).toBe('Open Dental did not answer in time (gave up after 2 attempts)');
		expect(error.description).toBe(DEADLINE_HINT);
		expect(server.requests).toHaveLength(2);
		// 90 s, 1 s of backoff, then what was left of the 180 s (the server may trickle on a little
		// after the client left, so only the lower bound is exact).
		expect(time.sleeps).toEqual([1000]);
		expect(time.now - started).toBeGreaterThanOrEqual(180_000);
		expect(time.pendingDeadlines().filter((ms) => ms > 0 && ms <= 90_000)).toEqual([]);
	});

	it('a server that accepts and never answers: two attempts within the 180 s, then a clear error', async () => {
		answer = () => time.advance(90_000);
		const error = await readAll();
		expect(error.message).toBe('Open Dental did not answer in time (gave up after 2 attempts)');
		expect(error.description).toBe(DEADLINE_HINT);
		expect(server.requests).toHaveLength(2);
		expect(time.sleeps).toEqual([1000]);
	});
});
