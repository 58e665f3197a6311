// The credential's Test, as the editor runs it (`POST /rest/credentials/test` on `n8n start`), on
// both n8n versions: n8n finds the node's test function (testedBy) and runs it with the node's
// rules. A redirect fails the test and the keys reach no other host.
import type { Simulator } from '../../simulator';
import { DEFAULT_KEYS, startSimulator } from '../../simulator';
import { N8n } from '../lib/n8n';
import { startRecordingServer } from '../lib/testServers';
import { startServer } from '../lib/server';
import { TARGETS } from '../lib/targets';

jest.setTimeout(180_000);

const KEY = DEFAULT_KEYS[0];
const keys = { developerKey: KEY.developerKey, customerKey: KEY.customerKey };
const CREDENTIAL_ID = 'odCredentialTest';

describe.each(TARGETS.map((target) => [target.n8nVersion, target] as const))('credential test in n8n %s', (_version, target) => {
	let sim: Simulator;
	let n8n: N8n;
	let server: Awaited<ReturnType<typeof startServer>>;
	let cookie: string;
	let elsewhere: Awaited<ReturnType<typeof startRecordingServer>>;
	let redirecting: Awaited<ReturnType<typeof startRecordingServer>>;

	beforeAll(async () => {
		sim = await startSimulator({ patients: 10, throttle: { mode: 'off' } });
		elsewhere = await startRecordingServer('127.0.0.2', (_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'));
		redirecting = await startRecordingServer('127.0.0.1', (_request, response) =>
			response.writeHead(302, { Location: `${elsewhere.origin}/api/v1/preferences?PrefName=PracticeTitle` }).end(),
		);
		n8n = await N8n.create(target, { timezone: sim.getConfig().officeTimeZone });
		// The editor tests a credential by its id (a saved one, or the one being edited).
		await n8n.importCredentials([{ id: CREDENTIAL_ID, name: 'Open Dental', type: 'openDentalApi', data: { server: 'remote', ...keys } }]);
		server = await startServer(n8n);
		({ cookie } = await server.setupOwner({ email: 'owner@example.test', firstName: 'Ada', lastName: 'Owner', password: 'Credential-check-1' }));
	}, 180_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.close();
		await elsewhere?.close();
		await redirecting?.close();
		n8n?.remove();
	});

	async function testCredential(data: Record<string, unknown>) {
		const response = await fetch(`${server.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie },
			body: JSON.stringify({ credentials: { id: CREDENTIAL_ID, name: 'Open Dental', type: 'openDentalApi', data: { ...data, ...keys } } }),
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: { status: string; message: string } }).data;
	}

	test('valid keys: OK with the office name, after exactly one preference lookup', async () => {
		sim.clearRequests();
		expect(await testCredential({ server: 'custom', baseUrl: `${sim.baseUrl}/`, rateLimit: 'none', pageSize: 100 })).toEqual({
			status: 'OK',
			message: 'Connected to Sunrise Family Dental (simulated)',
		});
		expect(sim.requests().map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery} ${entry.headers.authorization}`)).toEqual([
			`GET /preferences?PrefName=PracticeTitle ODFHIR ${KEY.developerKey}/${KEY.customerKey}`,
		]);
	});

	test('a redirect to another host fails the test, naming the status and host; nothing reaches that host', async () => {
		const result = await testCredential({ server: 'custom', baseUrl: `${redirecting.origin}/api/v1`, rateLimit: 'none', pageSize: 100 });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Open Dental answered with a redirect \\(HTTP 302\\) to 127\\.0\\.0\\.2:${elsewhere.port}\\. `));
		expect(redirecting.hits).toHaveLength(1);
		expect(elsewhere.hits).toEqual([]);
	});

	test('a base URL with a user name is refused before anything is sent', async () => {
		const before = redirecting.hits.length;
		const result = await testCredential({ server: 'custom', baseUrl: `http://admin:pw@127.0.0.1:${redirecting.port}/api/v1`, rateLimit: 'none', pageSize: 100 });
		expect(result).toEqual({
			status: 'Error',
			message:
				'The credential\'s "Base URL" must not contain a user name or password. Open Dental is reached with the Developer Key and Customer Key below; remove the "name:password@" part.',
		});
		expect(redirecting.hits).toHaveLength(before);
	});
});
