// PUT /queries/ShortQuery: the read-only screen, the SELECT subset, the database representation of
// every table (commoptout included), and paging.
import { manualTime, OPT_OUT, type Patient, type Simulator, startSimulator } from '../../simulator';
import { call, COMM_QUERIES, ENTERPRISE, QUERIES, send } from './helpers';

const NOT_READ_ONLY = 'Query is not read-only or is not executing on temporary tables.';
const syntaxError = (near: string, line = 1) =>
	`You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line ${line}`;

// Open Dental's enums in declaration order: the database stores the index.
const PAT_STATUS = ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deleted', 'Deceased', 'Prospective'];
const GENDER = ['Male', 'Female', 'Unknown', 'Other'];
const POSITION = ['Single', 'Married', 'Child', 'Widowed', 'Divorced'];
const CONTACT = ['None', 'DoNotCall', 'HmPhone', 'WkPhone', 'WirelessPh', 'Email', 'SeeNotes', 'Mail', 'TextMessage'];
const YN = ['Unknown', 'Yes', 'No'];
const APT_STATUS = ['None', 'Scheduled', 'Complete', 'UnschedList', 'ASAP', 'Broken', 'Planned', 'PtNote', 'PtNoteCompleted'];
const iso = (text: string) => (text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T'));

// A patient as the patient table holds it: derived text gone, enums as numbers, dates as ISO text.
function patientRow(p: Patient) {
	const { priProvAbbr, secProvAbbr, clinicAbbr, siteDesc, ...columns } = p;
	expect([typeof priProvAbbr, typeof secProvAbbr, typeof clinicAbbr, typeof siteDesc]).toEqual(['string', 'string', 'string', 'string']);
	return {
		...columns,
		PatStatus: PAT_STATUS.indexOf(p.PatStatus), Gender: GENDER.indexOf(p.Gender), Position: POSITION.indexOf(p.Position),
		Birthdate: iso(p.Birthdate), BillingType: p.BillingType === 'Standard Account' ? 41 : 42, DateFirstVisit: iso(p.DateFirstVisit),
		Premed: p.Premed === 'true' ? 1 : 0, PreferConfirmMethod: CONTACT.indexOf(p.PreferConfirmMethod),
		PreferContactMethod: CONTACT.indexOf(p.PreferContactMethod), PreferRecallMethod: CONTACT.indexOf(p.PreferRecallMethod),
		AdmitDate: iso(p.AdmitDate), DateTStamp: iso(p.DateTStamp), TxtMsgOk: YN.indexOf(p.TxtMsgOk), SecDateEntry: iso(p.SecDateEntry),
	};
}

describe('simulator: commoptout', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());

	it('opts out about 5% of the patients, one row each, some of them booked ahead', () => {
		const rows = sim.records('commoptout');
		expect(rows).toHaveLength(13);
		expect(rows.map((row) => row.CommOptOutNum)).toEqual(rows.map((_, index) => index + 1));
		const patNums = rows.map((row) => row.PatNum);
		expect(patNums).toEqual([...new Set(patNums)].sort((a, b) => a - b));
		const all = Object.values(OPT_OUT).reduce((sum, bit) => sum | bit, 0);
		for (const row of rows) {
			expect(Object.keys(row)).toEqual(['CommOptOutNum', 'PatNum', 'OptOutSms', 'OptOutEmail']);
			expect(row.OptOutSms | row.OptOutEmail).toBeGreaterThan(0);
			expect((row.OptOutSms | row.OptOutEmail) & ~all).toBe(0);
		}
		const booked = new Set(sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled').map((apt) => apt.PatNum));
		expect(patNums.filter((patNum) => booked.has(patNum)).length).toBeGreaterThanOrEqual(5);
		expect(new Set(rows.map((row) => `${row.OptOutSms}/${row.OptOutEmail}`)).size).toBeGreaterThan(4);
	});

	it('has no DateTStamp: inserts and changes leave the row as given; a second row for a patient replaces the first', () => {
		const [first] = sim.records('commoptout');
		expect(sim.touch('commoptout', first.CommOptOutNum)).toEqual(first);
		expect(sim.insert('commoptout', { PatNum: first.PatNum, OptOutSms: OPT_OUT.eReminder })).toEqual({ ...first, OptOutSms: 4, OptOutEmail: 0 });
		const count = sim.records('commoptout').length;
		const patNum = sim.patients().find((p) => !sim.records('commoptout').some((row) => row.PatNum === p.PatNum))!.PatNum;
		expect(sim.insert('commoptout', { PatNum: patNum, OptOutEmail: OPT_OUT.All })).toEqual({ CommOptOutNum: count + 1, PatNum: patNum, OptOutSms: 0, OptOutEmail: 1 });
		expect(sim.records('commoptout')).toHaveLength(count + 1);
	});
});

describe('simulator: PUT /queries/ShortQuery', () => {
	let sim: Simulator;
	const query = async (sql: string, path = '/queries/ShortQuery', auth = QUERIES) => {
		const res = await send(sim, path, { SqlCommand: sql }, { auth });
		return [res.status, res.json];
	};
	const rows = async (sql: string, path?: string) => {
		const [status, body] = await query(sql, path);
		expect([sql, status]).toEqual([sql, 200]);
		return body;
	};
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());

	it('joins patients to their opt-outs, NULL where there is none, enums as numbers', async () => {
		const optOut = sim.records('commoptout')[0];
		const patNums = [optOut.PatNum - 1, optOut.PatNum, optOut.PatNum + 1];
		expect(sim.records('commoptout').filter((row) => patNums.includes(row.PatNum))).toEqual([optOut]);
		const asked = [patNums[2], patNums[0], patNums[1]].join(',');
		const sql = 'SELECT p.PatNum, p.LName, p.FName, p.Preferred, p.WirelessPhone, p.Email, p.TxtMsgOk, p.PreferConfirmMethod, '
			+ 'p.PreferContactMethod, p.Language, p.PatStatus, o.OptOutSms, o.OptOutEmail '
			+ `FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum WHERE p.PatNum IN (${asked}) ORDER BY p.PatNum`;
		const patients = sim.patients();
		expect(await rows(sql)).toEqual(patNums.map((patNum) => {
			const p = patients[patNum - 1];
			const opted = patNum === optOut.PatNum;
			return {
				PatNum: patNum, LName: p.LName, FName: p.FName, Preferred: p.Preferred, WirelessPhone: p.WirelessPhone, Email: p.Email,
				TxtMsgOk: YN.indexOf(p.TxtMsgOk), PreferConfirmMethod: CONTACT.indexOf(p.PreferConfirmMethod),
				PreferContactMethod: CONTACT.indexOf(p.PreferContactMethod), Language: p.Language, PatStatus: PAT_STATUS.indexOf(p.PatStatus),
				OptOutSms: opted ? optOut.OptOutSms : null, OptOutEmail: opted ? optOut.OptOutEmail : null,
			};
		}));
		expect(sim.requests()[0]).toMatchObject({ method: 'PUT', path: '/queries/ShortQuery', status: 200, rows: 3, body: { SqlCommand: sql } });
	});

	it('answers SELECT * with every database column of each table joined, repeated names numbered', async () => {
		const optOut = sim.records('commoptout')[1];
		const patient = sim.patients()[optOut.PatNum - 1];
		const [row] = await rows(`select * from PATIENT p left join CommOptOut o on p.PatNum = o.PatNum where p.PatNum = ${optOut.PatNum};`);
		expect(row).toEqual({ ...patientRow(patient), CommOptOutNum: optOut.CommOptOutNum, PatNum1: optOut.PatNum, OptOutSms: optOut.OptOutSms, OptOutEmail: optOut.OptOutEmail });
		expect(Object.keys(row).slice(0, 6)).toEqual(['PatNum', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus']);
		const [alone] = await rows('SELECT p.* FROM patient p WHERE PatNum = 7');
		expect(alone).toEqual(patientRow(sim.patients()[6]));
	});

	it('serves appointments, recalls, commlogs and definitions as the database holds them', async () => {
		const onDay = sim.records('appointment').filter((apt) => apt.AptDateTime.startsWith('2026-01-06'))
			.sort((a, b) => (a.AptDateTime < b.AptDateTime ? -1 : a.AptDateTime > b.AptDateTime ? 1 : b.AptNum - a.AptNum));
		expect(await rows("SELECT AptNum, AptStatus, AptDateTime, IsHygiene, Confirmed, ColorOverride, Priority FROM appointment "
			+ "WHERE AptDateTime BETWEEN '2026-01-06' AND '2026-01-06 23:59:59' ORDER BY AptDateTime, AptNum DESC")).toEqual(onDay.map((apt) => ({
			AptNum: apt.AptNum, AptStatus: APT_STATUS.indexOf(apt.AptStatus), AptDateTime: iso(apt.AptDateTime), IsHygiene: apt.IsHygiene === 'true' ? 1 : 0,
			Confirmed: apt.Confirmed, ColorOverride: 0, Priority: apt.Priority === 'ASAP' ? 1 : 0,
		})));

		const [recall] = sim.records('recall');
		expect(await rows(`SELECT RecallNum, DateDue, RecallInterval, IsDisabled, RecallStatus FROM recall WHERE RecallNum = ${recall.RecallNum}`)).toEqual([{
			RecallNum: recall.RecallNum, DateDue: iso(recall.DateDue), RecallInterval: recall.RecallTypeNum === 1 ? 6 * 65536 + 1 : 3 * 65536 + 1,
			IsDisabled: recall.IsDisabled === 'true' ? 1 : 0, RecallStatus: recall.RecallStatus,
		}]);
		expect(await query('SELECT NumRemind FROM recall')).toEqual([400, "Unknown column 'NumRemind' in 'field list'"]);

		const commlog = sim.records('commlog').find((c) => c.CommSource === 'ApptReminder')!;
		expect(await rows(`SELECT CommlogNum, CommDateTime, CommType, Mode_, SentOrReceived, CommSource FROM commlog WHERE CommlogNum = ${commlog.CommlogNum}`)).toEqual([{
			CommlogNum: commlog.CommlogNum, CommDateTime: iso(commlog.CommDateTime), CommType: Number(commlog.CommType),
			Mode_: ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text'].indexOf(commlog.Mode_), SentOrReceived: 1, CommSource: 3,
		}]);

		expect(await rows('SELECT DefNum, ItemName, ItemOrder, IsHidden FROM definition WHERE Category = 13 ORDER BY ItemOrder DESC')).toEqual([
			{ DefNum: 145, ItemName: 'Wrong Number', ItemOrder: 5, IsHidden: 1 },
			{ DefNum: 144, ItemName: 'Scheduled Elsewhere', ItemOrder: 4, IsHidden: 0 },
			{ DefNum: 143, ItemName: 'Emailed', ItemOrder: 3, IsHidden: 0 },
			{ DefNum: 142, ItemName: 'Mailed Postcard', ItemOrder: 2, IsHidden: 0 },
			{ DefNum: 141, ItemName: 'Texted', ItemOrder: 1, IsHidden: 0 },
			{ DefNum: 140, ItemName: 'Left Msg', ItemOrder: 0, IsHidden: 0 },
		]);
	});

	it('filters with =, <>, <, <=, >, >=, BETWEEN, [NOT] IN and IS [NOT] NULL, text without regard to case', async () => {
		const patients = sim.patients();
		const nums = (keep: (p: Patient) => boolean) => patients.filter(keep).map((p) => ({ PatNum: p.PatNum }));
		const check = async (where: string, keep: (p: Patient) => boolean) => {
			const expected = nums(keep);
			expect(expected.length).toBeGreaterThan(0);
			expect([where, await rows(`SELECT PatNum FROM patient WHERE ${where} ORDER BY PatNum`, '/queries/ShortQuery?Limit=1000')]).toEqual([where, expected.slice(0, 100)]);
		};
		await check("LName = 'ABERNATHY'", (p) => p.LName === 'Abernathy');
		await check('PatStatus <> 0', (p) => p.PatStatus !== 'Patient');
		await check('PatStatus != 0 AND Gender = 1', (p) => p.PatStatus !== 'Patient' && p.Gender === 'Female');
		await check('EstBalance > 500', (p) => p.EstBalance > 500);
		await check('EstBalance >= 100.5 AND EstBalance <= 200', (p) => p.EstBalance >= 100.5 && p.EstBalance <= 200);
		await check("Birthdate < '1950-01-01' AND Birthdate > '0001-01-01'", (p) => p.Birthdate < '1950-01-01' && p.Birthdate > '0001-01-01');
		await check("DateTStamp BETWEEN '2025-01-01' AND '2025-06-30 23:59:59'", (p) => p.DateTStamp >= '2025-01-01' && p.DateTStamp <= '2025-06-30 23:59:59');
		await check("City IN ('riverton', 'Lakeview')", (p) => ['Riverton', 'Lakeview'].includes(p.City));
		await check('ClinicNum NOT IN (1, 2) AND PriProv > -1 AND PriProv = 1', (p) => p.ClinicNum === 0 && p.PriProv === 1);
		await check("PreferRecallMethod = '8'", (p) => p.PreferRecallMethod === 'TextMessage');
		const opted = new Set(sim.records('commoptout').map((row) => row.PatNum));
		const joined = async (condition: string) =>
			rows(`SELECT p.PatNum FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum WHERE ${condition} ORDER BY p.PatNum`, '/queries/ShortQuery?Limit=1000');
		expect(await joined('o.CommOptOutNum IS NOT NULL')).toEqual(nums((p) => opted.has(p.PatNum)));
		expect(await joined('o.OptOutSms IS NULL AND p.PatNum < 20')).toEqual(nums((p) => !opted.has(p.PatNum) && p.PatNum < 20));
		expect(await joined('o.OptOutSms = 0 AND o.OptOutSms <> 0')).toEqual([]);
	});

	it('orders by several columns and select-list names, joins INNER, and names columns as written', async () => {
		const sql = 'SELECT a.AptNum AS apt, p.lname, p.PatNum FROM appointment a INNER JOIN patient p ON a.PatNum = p.PatNum '
			+ "WHERE a.AptStatus = 6 ORDER BY lname DESC, apt";
		const patients = sim.patients();
		const planned = sim.records('appointment').filter((apt) => apt.AptStatus === 'Planned')
			.map((apt) => ({ apt: apt.AptNum, lname: patients[apt.PatNum - 1].LName, PatNum: apt.PatNum }))
			.sort((x, y) => {
				const [a, b] = [x.lname.toLowerCase(), y.lname.toLowerCase()];
				return (a < b ? 1 : a > b ? -1 : 0) || x.apt - y.apt;
			});
		expect(new Set(planned.map((row) => row.lname)).size).toBeGreaterThan(1);
		expect(await rows(sql)).toEqual(planned);
		// Column names are case-insensitive: "confirmed" is the Confirmed column (a DefNum), not the REST text.
		expect(await rows('SELECT confirmed FROM appointment WHERE AptNum = 1')).toEqual([{ confirmed: sim.records('appointment')[0].Confirmed }]);
	});

	it('pages by Offset at most 100 rows at a time on a remote server, even for Enterprise keys; local uses the mode cap', async () => {
		const all = sim.patients().map((p) => ({ PatNum: p.PatNum }));
		const sql = 'SELECT PatNum FROM patient';
		expect(await rows(sql)).toEqual(all.slice(0, 100));
		expect(await rows(sql, '/queries/ShortQuery?Offset=100')).toEqual(all.slice(100, 200));
		expect(await rows(sql, '/queries/ShortQuery?Offset=200')).toEqual(all.slice(200));
		expect(await rows(sql, '/queries/ShortQuery?Offset=250')).toEqual([]);
		expect(await rows(sql, '/queries/ShortQuery?Offset=5&Limit=3')).toEqual(all.slice(5, 8));
		expect(await rows(sql, '/queries/ShortQuery?Limit=500')).toEqual(all.slice(0, 100));
		sim.configure({ keys: [...sim.getConfig().keys, { developerKey: 'NFF6i0KrXrxDkZHt', customerKey: 'EntQueries000001', permissions: ['ReadAll', 'Queries', 'Enterprise'] }] });
		const enterprise = await send(sim, '/queries/ShortQuery', { SqlCommand: sql }, { auth: 'ODFHIR NFF6i0KrXrxDkZHt/EntQueries000001' });
		expect(enterprise.json).toEqual(all.slice(0, 100));
		sim.configure({ mode: 'local' });
		try {
			expect(await rows(sql)).toEqual(all);
		} finally {
			sim.configure({ mode: 'remote' });
		}
		expect((await send(sim, '/queries/ShortQuery?Offset=-1', { SqlCommand: sql }, { auth: COMM_QUERIES })).json).toBe('Offset is invalid.');
		expect((await send(sim, '/queries/ShortQuery', { SqlCommand: sql }, { auth: ENTERPRISE })).status).toBe(401);
	});

	it.each([
		'INSERT INTO patient (LName) VALUES (\'X\')',
		'update patient set LName = \'X\' WHERE PatNum = 1',
		'DELETE FROM commoptout',
		'REPLACE INTO commoptout VALUES (1, 1, 0, 0)',
		'DROP TABLE patient',
		'ALTER TABLE patient ADD x INT',
		'CREATE TABLE t (x INT)',
		'TRUNCATE commlog',
		'GRANT ALL ON *.* TO someone',
		'SET @x = 1',
		'CALL cleanup()',
		'SELECT PatNum FROM patient; SELECT PatNum FROM appointment',
		'SELECT * FROM patient; DELETE FROM patient',
		"SELECT * INTO OUTFILE '/tmp/x' FROM patient",
		'SELECT PatNum INTO @x FROM patient',
		'/* harmless */ DELETE FROM patient',
	])('refuses %s as not read-only (401)', async (sql) => {
		expect(await query(sql)).toEqual([401, NOT_READ_ONLY]);
	});

	it.each([
		['CREATE TEMPORARY TABLE t SELECT * FROM patient; SELECT * FROM t', 'CREATE TEMPORARY TABLE is not supported by the simulator; run a single SELECT.'],
		['SELECT FROM patient', syntaxError('FROM patient')],
		['SELECT PatNum FROM patient LIMIT 5', syntaxError('LIMIT 5')],
		['SELECT PatNum FROM patient UNION SELECT AptNum FROM appointment', syntaxError('UNION SELECT AptNum FROM appointment')],
		['SELECT PatNum FROM patient WHERE PatNum IN (SELECT PatNum FROM recall)', syntaxError('SELECT PatNum FROM recall)')],
		['SELECT p.PatNum FROM patient p, recall r', syntaxError(', recall r')],
		['SELECT PatNum\nFROM patient\nWHERE', syntaxError('', 3)],
		["SELECT PatNum FROM patient WHERE LName = 'unterminated", syntaxError("'unterminated")],
		[';', syntaxError('')],
		['SELECT PatNum FROM appointments', "Table 'opendental.appointments' doesn't exist"],
		['SELECT p.Foo FROM patient p', "Unknown column 'p.Foo' in 'field list'"],
		['SELECT priProvAbbr FROM patient', "Unknown column 'priProvAbbr' in 'field list'"],
		['SELECT provAbbr FROM appointment', "Unknown column 'provAbbr' in 'field list'"],
		['SELECT clinicAbbr FROM patient', "Unknown column 'clinicAbbr' in 'field list'"],
		['SELECT serverDateTime FROM appointment', "Unknown column 'serverDateTime' in 'field list'"],
		['SELECT PatNum FROM patient WHERE Nope = 1', "Unknown column 'Nope' in 'where clause'"],
		['SELECT PatNum FROM patient ORDER BY Nope', "Unknown column 'Nope' in 'order clause'"],
		['SELECT p.PatNum FROM patient p LEFT JOIN commoptout o ON o.Nope = p.PatNum', "Unknown column 'o.Nope' in 'on clause'"],
		['SELECT PatNum FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum', "Column 'PatNum' in field list is ambiguous"],
		['SELECT x.* FROM patient p', "Unknown table 'x'"],
		['SELECT p.PatNum FROM patient p JOIN recall p ON p.PatNum = p.PatNum', "Not unique table/alias: 'p'"],
	])('answers %s with a 400 and an explanation', async (sql, message) => {
		expect(await query(sql)).toEqual([400, message]);
	});

	it('needs SqlCommand', async () => {
		expect((await send(sim, '/queries/ShortQuery', {}, { auth: QUERIES })).json).toBe('SqlCommand is required.');
		expect((await call(sim, '/queries/ShortQuery', { method: 'PUT', auth: QUERIES, body: { SqlCommand: '  ' } })).status).toBe(400);
	});
});
