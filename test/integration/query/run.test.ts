// Query → Run against the simulator's ShortQuery: exact rows across pages, the requests it makes,
// the statements refused before any request, and Open Dental's refusals told apart.
import type { NodeExecutionHint } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../../nodes/OpenDental/OpenDental.node';
import type { Simulator } from '../../../simulator';
import { runNode } from '../../harness/n8nExecute';
import { runOpenDental, runOpenDentalError } from '../setup';
import { keyNamed, officeCredential, QUERIES, READ_ALL, useOffice } from '../reminders/setup';

let sim: Simulator;
useOffice((office) => (sim = office));

const ACTIVE_PATIENTS = 'SELECT PatNum, LName, FName, DateTStamp FROM patient WHERE PatStatus = 0 ORDER BY PatNum';
const report = (sql: string, extra: Record<string, unknown> = {}) => ({ resource: 'query', operation: 'run', sql, returnAll: true, ...extra });
const asQuery = (stamp: string) => stamp.replace(' ', 'T');

/** An office wall time in Chicago as ISO with its offset: whichever of CST and CDT shows that wall time. */
function chicagoIso(wall: string): string {
	const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
	const offset = ['-05:00', '-06:00'].find((candidate) => format.format(new Date(`${asQuery(wall)}${candidate}`)) === wall);
	if (!offset) throw new Error(`${wall} is not a Chicago wall time`);
	return `${asQuery(wall)}${offset}`;
}
const activePatients = () => sim.patients().filter((patient) => patient.PatStatus === 'Patient');
const queryRequests = () => sim.requests().map((entry) => ({ request: `${entry.method} ${entry.path}`, query: entry.query, body: entry.body }));

describe('Query → Run', () => {
	it('returns every row past 100, in order, a request per 100 rows, date-times with the office offset and the originals kept', async () => {
		const expected = activePatients();
		expect(expected.length).toBeGreaterThan(200);

		const items = await runOpenDental(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, QUERIES) });

		expect(items.map((item) => item.json)).toEqual(
			expected.map((patient) => ({
				PatNum: patient.PatNum,
				LName: patient.LName,
				FName: patient.FName,
				DateTStamp: chicagoIso(patient.DateTStamp),
				_original: { DateTStamp: asQuery(patient.DateTStamp) },
			})),
		);
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = Math.floor(expected.length / 100) + 1;
		expect(queryRequests()).toEqual(
			Array.from({ length: pages }, (_, page) => ({
				request: 'PUT /queries/ShortQuery',
				query: { Limit: '100', Offset: String(page * 100) },
				body: { SqlCommand: ACTIVE_PATIENTS },
			})),
		);
	});

	it('stops at the Limit, asking only for the rows still wanted, and gives the texts as sent with Office Times off', async () => {
		const expected = activePatients().slice(0, 130);

		const items = await runOpenDental(sim, report(ACTIVE_PATIENTS, { returnAll: false, limit: 130, options: { officeTimes: false } }), {
			credentials: officeCredential(sim, QUERIES),
		});

		expect(items.map((item) => item.json)).toEqual(
			expected.map((patient) => ({ PatNum: patient.PatNum, LName: patient.LName, FName: patient.FName, DateTStamp: asQuery(patient.DateTStamp) })),
		);
		expect(queryRequests().map((entry) => entry.query)).toEqual([
			{ Limit: '100', Offset: '0' },
			{ Limit: '30', Offset: '100' },
		]);
	});

	it('keeps rows that are equal (a report has no key) and warns when a report read in pages has no ORDER BY', async () => {
		const hints: NodeExecutionHint[] = [];
		const items = await runOpenDental(sim, report('SELECT PatStatus FROM patient'), { credentials: officeCredential(sim, QUERIES), hints });

		expect(items.map((item) => item.json)).toEqual(sim.patients().map((patient) => ({ PatStatus: ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deleted', 'Deceased', 'Prospective'].indexOf(patient.PatStatus) })));
		expect(hints).toEqual([
			{
				message:
					'Item 0: the query has no ORDER BY and was read in 4 pages. Open Dental runs it again for each page, so rows may repeat or be missed; end it with ORDER BY a unique column.',
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	it('stops with an error when a server ignores Offset, rather than returning the first page again and again', async () => {
		sim.configure({ ignoreOffset: true });
		const error = await runOpenDentalError(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, QUERIES) });
		expect(error.message).toBe('Open Dental returned the same rows again for a later page');
		expect(queryRequests().map((entry) => entry.query)).toEqual([
			{ Limit: '100', Offset: '0' },
			{ Limit: '100', Offset: '100' },
		]);
	});

	it('adds no hint when the report is ordered or fits one page', async () => {
		const hints: NodeExecutionHint[] = [];
		await runOpenDental(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, QUERIES), hints });
		await runOpenDental(sim, report('SELECT PatNum FROM patient WHERE PatNum < 50'), { credentials: officeCredential(sim, QUERIES), hints });
		expect(hints).toEqual([]);
	});
});

describe('Query → Run refuses before any request', () => {
	it.each([
		['DELETE FROM patient WHERE PatNum = 1', 'starts with DELETE: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run'],
		['SELECT PatNum FROM patient; UPDATE patient SET LName = 1', 'holds 2 statements; only one read statement can run (a ";" may end it)'],
		["SELECT * FROM patient INTO OUTFILE 'x.csv'", 'contains INTO, which writes, locks or exports data: only a read can run'],
	])('%s', async (sql, problem) => {
		const items = [{ json: {} }, { json: {} }];
		const error = await runOpenDentalError(sim, report('={{ $itemIndex === 1 ? ' + JSON.stringify(sql) + ' : "SELECT PatNum FROM patient ORDER BY PatNum" }}'), {
			credentials: officeCredential(sim, QUERIES),
			items,
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`Item 1: "SQL" ${problem}`);
		expect(sim.requests()).toEqual([]);
	});
});

describe("Query → Run: Open Dental's refusals", () => {
	it("a statement Open Dental does not take for a read: its 401, not the keys' fault", async () => {
		sim.addFault({ path: '/queries/ShortQuery', fault: 'unauthorized', message: 'Query is not read-only or is not executing on temporary tables.' });

		const error = await runOpenDentalError(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, QUERIES) });

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Open Dental refused the query as not read-only');
		expect((error as NodeApiError).description).toBe(
			'Open Dental said: "Query is not read-only or is not executing on temporary tables." Open Dental runs only statements it can tell are reads; the keys and the permission are fine. Rewrite the report as a plain SELECT (no temporary tables, variables or locking). Request: PUT /queries/ShortQuery',
		);
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(sim.requests()).toHaveLength(1);
	});

	it('wrong keys: said as such', async () => {
		const error = await runOpenDentalError(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, keyNamed('DisabledCustKey1')) });
		expect(error.message).toBe('Open Dental refused the API keys, or they lack permission for this method');
		expect(sim.requests()).toHaveLength(1);
	});

	it('a key without the Queries permission: said as such', async () => {
		const error = await runOpenDentalError(sim, report(ACTIVE_PATIENTS), { credentials: officeCredential(sim, READ_ALL) });
		expect(error.message).toBe("This customer key lacks Open Dental's Queries permission, which this operation needs");
		expect(sim.requests()).toHaveLength(1);
	});

	it("a syntax error: Open Dental's text, sent once", async () => {
		const error = await runOpenDentalError(sim, report('SELECT PatNum FROM patient WHERE'), { credentials: officeCredential(sim, QUERIES) });
		expect(error.message).toMatch(/^Open Dental could not run the query: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '.*' at line 1$/);
		expect((error as NodeApiError).httpCode).toBe('400');
		expect(sim.requests()).toHaveLength(1);
	});

	it('refuses to run for an AI agent, before any request', async () => {
		// n8n gives a node used as an agent's tool a type name ending in "Tool".
		const node = new OpenDental();
		const asTool = Object.assign(node, { description: { ...node.description, name: 'openDentalTool' } });
		const error = await runNode({ nodeType: asTool, credentialType: new OpenDentalApi(), credentials: officeCredential(sim, QUERIES), parameters: report(ACTIVE_PATIENTS) }).then(
			() => undefined,
			(failure: unknown) => failure as Error,
		);
		expect(error?.message).toBe('Item 0: "SQL" cannot run from an AI agent: a query can read any patient data. Use the node in a workflow instead');
		expect(sim.requests()).toEqual([]);
	});
});
