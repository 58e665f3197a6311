// The credential's Test button, run as n8n runs it (the node's credentialTest in n8n-core's
// credential-test context, real HTTP): the node's own rules for fields, redirects and answers.
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { startSimulator, type Simulator } from '../../simulator';
import { runCredentialTest } from '../harness/n8nCredentialTest';
import { REFUSED_ADDRESSES, withHost } from '../support/addressCases';
import { startOtherHost, startTestServer, type TestServer } from '../support/testServer';
import { FREE_KEY } from './setup';

const keys = { developerKey: FREE_KEY.developerKey, customerKey: FREE_KEY.customerKey };
let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ patients: 20, throttle: { mode: 'off' } });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	resetPacing();
});

const custom = (baseUrl: string, extra = {}) => ({ server: 'custom', baseUrl, rateLimit: 'none', ...keys, ...extra });

describe('credential test against the simulator', () => {
	it('succeeds with valid keys, names the office, and reads only the practice title', async () => {
		expect(await runCredentialTest(custom(`${sim.baseUrl}/`))).toEqual({ status: 'OK', message: 'Connected to Sunrise Family Dental (simulated)' });
		expect(sim.requests().map((entry) => [entry.method, entry.path, entry.rawQuery, entry.headers.authorization, entry.headers.contentType])).toEqual([
			['GET', '/preferences', 'PrefName=PracticeTitle', `ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`, 'application/json'],
		]);
	});

	it('fails with an unknown customer key, in one request, without echoing the key', async () => {
		const result = await runCredentialTest(custom(sim.baseUrl, { customerKey: 'WrongCustKey0001' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Open Dental refused the API keys, or they lack permission for this method\. /);
		expect(result.message).not.toContain('WrongCustKey0001');
		expect(sim.requests()).toHaveLength(1);
	});
});

describe('credential test against a hostile server', () => {
	let office: TestServer;
	let elsewhere: TestServer;
	let answer: (response: Parameters<Parameters<typeof startTestServer>[0]>[1]) => void;

	beforeAll(async () => {
		office = await startTestServer((_request, response) => answer(response));
		elsewhere = await startOtherHost();
	});
	afterAll(async () => {
		await office.close();
		await elsewhere.close();
	});
	beforeEach(() => {
		office.requests.length = 0;
		elsewhere.requests.length = 0;
	});

	it('a redirect to another host fails the test, names the status and host, and sends the keys nowhere else', async () => {
		answer = (response) => response.writeHead(307, { Location: `${elsewhere.origin}/api/v1/preferences?PrefName=PracticeTitle` }).end();
		const result = await runCredentialTest(custom(`${office.origin}/api/v1`), ['127.0.0.1', '127.0.0.2']);
		expect(result).toEqual({
			status: 'Error',
			message: `Open Dental answered with a redirect (HTTP 307) to 127.0.0.2:${elsewhere.port}. The node does not follow redirects, so the keys were not sent there. Check the credential's Server, Host and Base URL: if that address is the right one, enter it there.`,
		});
		expect(office.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each(REFUSED_ADDRESSES)('the same field rules as the node: %p → "%s", before anything is sent', async (fields, message) => {
		const result = await runCredentialTest({ ...keys, rateLimit: 'none', ...withHost(fields, `127.0.0.1:${office.port}`) });
		expect(result.status).toBe('Error');
		expect(result.message.startsWith(`${message}.`)).toBe(true);
		expect(office.requests).toEqual([]);
	});

	it('an answer that is not JSON (a proxy page) fails the test', async () => {
		answer = (response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Sign in to the proxy</html>');
		const result = await runCredentialTest(custom(`${office.origin}/api/v1`));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Open Dental answered with something other than JSON\. /);
		expect(result.message).not.toContain('Sign in');
	});
});
