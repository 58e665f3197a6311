// Commlog Get Many and Recall Get List against the simulator.
import type { IDataObject } from 'n8n-workflow';
import type { Simulator } from '../../../simulator';
import { runOpenDental } from '../setup';
import { json, officeCredential, READ_ALL, SIMULATOR_OPTIONS, useOffice } from './setup';

let sim: Simulator;
useOffice((office) => (sim = office), { options: { ...SIMULATOR_OPTIONS, patients: 600 } });

const run = (parameters: IDataObject) => runOpenDental(sim, parameters, { credentials: officeCredential(sim) });
const requested = () => sim.requests().map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery}`);

/** Every page of a list straight from the simulator, as the expected answer. */
async function everyRow(path: string): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let offset = 0; ; offset += 100) {
		const response = await fetch(`${sim.baseUrl}${path}${path.includes('?') ? '&' : '?'}Offset=${offset}`, {
			headers: { Authorization: `ODFHIR ${READ_ALL.developerKey}/${READ_ALL.customerKey}`, 'Content-Type': 'application/json' },
		});
		const page = (await response.json()) as IDataObject[];
		rows.push(...page);
		if (page.length < 100) break;
	}
	sim.clearRequests();
	return rows;
}

describe('Commlog Get Many', () => {
	it("reads a patient's commlogs as short records", async () => {
		const patNum = sim.records('commlog')[0].PatNum;
		const expected = sim.records('commlog').filter((commlog) => commlog.PatNum === patNum);
		const items = await run({ resource: 'commlog', operation: 'getAll', returnAll: true, filters: { patNum } });
		expect(json(items).map((item) => item.CommlogNum)).toEqual(expected.map((commlog) => commlog.CommlogNum));
		expect(Object.keys(items[0].json)).toEqual(['CommlogNum', 'PatNum', 'CommDateTime', 'CommType', 'commType', 'Mode_', 'SentOrReceived', 'Note', 'DateTStamp', 'serverDateTime']);
		expect(requested()).toEqual([`GET /commlogs?PatNum=${patNum}&Limit=100&Offset=0`]);
	});

	it('reads every commlog changed since a time, across pages', async () => {
		const since = '2026-06-01 00:00:00';
		const expected = sim.records('commlog').filter((commlog) => commlog.DateTStamp >= since);
		const items = await run({ resource: 'commlog', operation: 'getAll', returnAll: true, simplify: false, filters: { updatedSince: since } });
		expect(json(items).map((item) => item.CommlogNum)).toEqual(expected.map((commlog) => commlog.CommlogNum));
	});
});

describe('Recall Get List', () => {
	it("reads the office's whole recall list, normalised, keeping a patient's second recall type", async () => {
		const expected = await everyRow('/recalls/List?IncludeReminded=true');
		expect(expected.length).toBeGreaterThan(100);
		const keys = expected.map((row) => `${row.PatNum}/${row.Type}`);
		expect(new Set(expected.map((row) => row.PatNum)).size).toBeLessThan(keys.length);

		const items = await run({ resource: 'recall', operation: 'getList', returnAll: true, filters: { includeReminded: true } });
		expect(json(items).map((row) => `${row.PatNum}/${row.Type}`)).toEqual(keys);
		const toIso = (text: unknown) => {
			const match = /^(\d+)\/(\d+)\/(\d{4})$/.exec(String(text));
			return match ? `${match[3]}-${match[1].padStart(2, '0')}-${match[2].padStart(2, '0')}` : null;
		};
		for (const [index, item] of items.entries()) {
			const row = expected[index];
			const contact = String(row.Contact);
			expect(item.json).toMatchObject({ ...row, dueDate: toIso(row.DueDate), lastReminded: toIso(row.LastRemind) });
			if (contact.startsWith('Text:')) expect(item.json).toMatchObject({ contactMethod: 'Text', contactValue: contact.slice(5) });
			if (contact.includes('@')) expect(item.json).toMatchObject({ contactMethod: 'Email', contactValue: contact });
		}
		expect(requested()).toEqual(
			Array.from({ length: Math.floor(expected.length / 100) + 1 }, (_, page) => `GET /recalls/List?IncludeReminded=true&Limit=100&Offset=${page * 100}`),
		);
	});

	it('sends the filters as Open Dental names them', async () => {
		await run({
			resource: 'recall',
			operation: 'getList',
			returnAll: false,
			limit: 10,
			filters: { dateStart: '2026-11-01', dateEnd: '2026-12-31', provNum: 1, clinicNum: 0, recallType: 'Prophy', includeReminded: false },
		});
		expect(requested()).toEqual(['GET /recalls/List?DateStart=2026-11-01&DateEnd=2026-12-31&ProvNum=1&ClinicNum=0&RecallType=Prophy&IncludeReminded=false&Limit=10&Offset=0']);
	});
});
