// The editor in a real browser: `n8n start` 2.41.1 on 127.0.0.1 with the packed package,
// headless Chromium opening the "All patients" example, its node and its credential, and the
// reminder and CRM sync examples with a dropdown that the node loads from the office.
// UPDATE_SCREENSHOTS=1 also copies the screenshots to docs/screenshots/ once the checks pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Simulator } from '../../simulator';
import { DEFAULT_KEYS, startSimulator } from '../../simulator';
import { checkEditor, checkOfficeDropdown } from '../lib/editor';
import { COMM_CREDENTIAL, EXAMPLE_CREDENTIAL, loadExamples, simulatorCredential } from '../lib/fixtures';
import { N8n } from '../lib/n8n';
import { startServer } from '../lib/server';
import { E2E_DIR, getTarget, PROJECT_DIR } from '../lib/targets';

// n8n takes 10–20 s to start; the browser part takes about 10 s.
jest.setTimeout(180_000);

// Ignored by git (under e2e/runtime/), overwritten on every run, kept for a look after a failure.
const SCREENSHOT_DIR = path.join(E2E_DIR, 'runtime', 'screenshots');
const DOCS_SCREENSHOT_DIR = path.join(PROJECT_DIR, 'docs', 'screenshots');
const KEY = DEFAULT_KEYS[0];
const COMM_KEY = DEFAULT_KEYS[1];
const ICONS = '/icons/n8n-nodes-open-dental/dist';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(file: string) {
	const bytes = fs.readFileSync(file);
	expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
	expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
}

describe('the editor of n8n 2.41.1 in headless Chromium', () => {
	let sim: Simulator;
	let n8n: N8n;
	let server: Awaited<ReturnType<typeof startServer>>;
	let cookie: string;

	beforeAll(async () => {
		sim = await startSimulator({ patients: 50, throttle: { mode: 'off' } });
		n8n = await N8n.create(getTarget('n8n-2.41.1'), { timezone: sim.getConfig().officeTimeZone });
		await n8n.importCredentials([
			simulatorCredential({ ...EXAMPLE_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: KEY }),
			simulatorCredential({ ...COMM_CREDENTIAL, baseUrl: `${sim.baseUrl}/`, key: COMM_KEY }),
		]);
		const examples = loadExamples() as Record<string, { id: string; name: string; nodes: Array<{ name: string; parameters: object }> }>;
		// The CRM sync example as a user sets it up for one clinic.
		const oneClinic = JSON.parse(JSON.stringify(examples['sync-patients-to-crm'])) as (typeof examples)[string];
		oneClinic.id = 'odSyncOneClinic';
		oneClinic.name = 'Open Dental: sync one clinic';
		const trigger = oneClinic.nodes.find((node) => node.name === 'New or changed patient')!;
		trigger.parameters = { ...trigger.parameters, filters: { clinicNum: 1 } };
		await n8n.importWorkflows([...Object.values(examples), oneClinic]);
		server = await startServer(n8n);
		({ cookie } = await server.setupOwner({ email: 'owner@example.test', firstName: 'Ada', lastName: 'Owner', password: 'Editor-check-1' }));
	}, 180_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.close();
		n8n?.remove();
	});

	test('"All patients" shows the node with its icon, operations and credential form', async () => {
		fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
		sim.clearRequests();

		const facts = await checkEditor({
			url: server.url,
			cookie,
			workflowId: 'odAllPatients',
			nodeName: 'All patients',
			screenshotDir: SCREENSHOT_DIR,
		});

		// The icons come from the installed package, through n8n's icon route, and render.
		expect(facts.nodeIcon).toEqual({ url: `${server.url}${ICONS}/nodes/OpenDental/openDental.svg`, loaded: true, status: 200, contentType: 'image/svg+xml' });
		expect(facts.credentialIcon).toEqual({ url: `${server.url}${ICONS}/credentials/openDental.svg`, loaded: true, status: 200, contentType: 'image/svg+xml' });

		// n8n adds "Custom API Call" to every node whose credential the HTTP Request node can use.
		expect(facts.resources).toEqual(['Appointment', 'Commlog', 'Patient', 'Query', 'Recall', 'Custom API Call']);
		expect(facts.operations).toEqual(['Get', 'Get Many', 'Search', 'Custom API Call']);

		// Server = Custom URL shows Base URL and Page Size; Rate Limit = None hides Request Interval;
		// Host is only for the API Service and Local API. n8n 2.x appends its own domain allow-list.
		expect(facts.selectedCredential).toBe(EXAMPLE_CREDENTIAL.name);
		expect(facts.credentialName).toBe(EXAMPLE_CREDENTIAL.name);
		expect(facts.credentialFields).toEqual([
			'Server',
			'Base URL',
			'Developer Key',
			'Customer Key',
			'Rate Limit',
			'Page Size',
			'Office Time Zone',
			'Allowed HTTP Request Domains',
		]);
		// The simulator's Custom URL is plain http: the form says what that means.
		expect(facts.credentialNotices).toEqual([
			'A Base URL starting with http:// sends the keys and patient data unencrypted. Use https:// unless the server is on this machine or inside the office network.',
		]);

		// Opening the form ran the credential's test, which the node provides (testedBy): one
		// preference lookup, keys in the ODFHIR header.
		expect(facts.credentialTested).toBe(true);
		expect(sim.requests().map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery} ${entry.status} ${entry.headers.authorization}`)).toEqual([
			`GET /preferences?PrefName=PracticeTitle 200 ODFHIR ${KEY.developerKey}/${KEY.customerKey}`,
		]);

		// Nothing left 127.0.0.1 and the page threw nothing.
		expect(facts.externalRequests).toEqual([]);
		expect(facts.pageErrors).toEqual([]);

		const names = ['workflow.png', 'ndv.png', 'operations.png', 'credential.png'];
		expect(facts.screenshots).toEqual(names.map((name) => path.join(SCREENSHOT_DIR, name)));
		for (const file of facts.screenshots) {
			const { width, height, bytes } = pngSize(file);
			expect({ width, height }).toEqual({ width: 1440, height: 900 });
			// A blank or single-colour 1440×900 PNG is a few KB; these screens are far larger.
			expect(bytes).toBeGreaterThan(30_000);
		}

		if (process.env.UPDATE_SCREENSHOTS === '1') {
			fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
			for (const file of facts.screenshots) fs.copyFileSync(file, path.join(DOCS_SCREENSHOT_DIR, path.basename(file)));
		}
	});

	/**
	 * What a dropdown check must also show: the list came from the office in one lookup (any number
	 * of times, with the key's header), nothing left 127.0.0.1, the page threw nothing, and the two
	 * screenshots (copied to docs/ with UPDATE_SCREENSHOTS=1).
	 */
	function expectOfficeLookup(facts: Awaited<ReturnType<typeof checkOfficeDropdown>>, prefix: string, lookup: string) {
		const lookups = sim.requests().map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery} ${entry.status} ${entry.headers.authorization}`);
		expect(new Set(lookups)).toEqual(new Set([lookup]));
		expect(facts.externalRequests).toEqual([]);
		expect(facts.pageErrors).toEqual([]);
		expect(facts.screenshots).toEqual([`${prefix}-workflow.png`, `${prefix}-dropdown.png`].map((name) => path.join(SCREENSHOT_DIR, name)));
		for (const file of facts.screenshots) expect(pngSize(file).bytes).toBeGreaterThan(30_000);
		if (process.env.UPDATE_SCREENSHOTS === '1') {
			for (const file of facts.screenshots) fs.copyFileSync(file, path.join(DOCS_SCREENSHOT_DIR, path.basename(file)));
		}
	}

	test("the reminder example's Confirm node lists the office's confirmation statuses, read through the node's paced transport", async () => {
		sim.clearRequests();
		const facts = await checkOfficeDropdown({
			url: server.url,
			cookie,
			workflowId: 'odReminders',
			nodeName: 'Mark as texted',
			parameterName: 'confirmationStatus',
			prefix: 'reminders',
			screenshotDir: SCREENSHOT_DIR,
		});
		// Definitions category 2 as the office has them, hidden ones left out; the saved DefNum 23 shows by name.
		expect(facts.options).toEqual([
			'Not Called',
			'Unconfirmed',
			'Appointment Confirmed',
			'Left Message',
			'Texted',
			'eConfirm Sent',
			'eConfirm Accepted',
			'eConfirm Declined',
			'eConfirm Failed',
		]);
		expect(facts.selected).toBe('Texted');
		expectOfficeLookup(facts, 'reminders', `GET /definitions?Category=2&Limit=100&Offset=0 200 ODFHIR ${COMM_KEY.developerKey}/${COMM_KEY.customerKey}`);
	});

	test("the CRM sync example's Open Dental Trigger, set to one clinic, opens in the editor and lists the office's clinics, read through the node's transport", async () => {
		sim.clearRequests();
		const facts = await checkOfficeDropdown({
			url: server.url,
			cookie,
			workflowId: 'odSyncOneClinic',
			nodeName: 'New or changed patient',
			parameterName: 'clinicNum',
			prefix: 'sync',
			screenshotDir: SCREENSHOT_DIR,
		});
		expect(facts.options).toEqual(['No Clinic', 'Sunrise Family Dental - Downtown (DWTN)', 'Sunrise Family Dental - Lakeside (LAKE)']);
		expect(facts.selected).toBe('Sunrise Family Dental - Downtown (DWTN)');
		expectOfficeLookup(facts, 'sync', `GET /clinics?Limit=100&Offset=0 200 ODFHIR ${KEY.developerKey}/${KEY.customerKey}`);
	});

	test("the events example's Open Dental Events Trigger opens in the editor and lists the office's workstations with when each was last seen", async () => {
		sim.clearRequests();
		const facts = await checkOfficeDropdown({
			url: server.url,
			cookie,
			workflowId: 'odAppointmentEvents',
			nodeName: 'Appointment changed',
			parameterName: 'workstation',
			prefix: 'events',
			screenshotDir: SCREENSHOT_DIR,
		});
		// The simulated office: SERVER, FRONTDESK and OP1 running, XRAY off since December 2025.
		expect(facts.options).toEqual(['SERVER', 'FRONTDESK', 'OP1', 'XRAY (not seen lately)', 'Every Workstation (Duplicates)']);
		expect(facts.selected).toBe('SERVER');
		expectOfficeLookup(facts, 'events', `GET /computers?Limit=100&Offset=0 200 ODFHIR ${KEY.developerKey}/${KEY.customerKey}`);
	});
});
