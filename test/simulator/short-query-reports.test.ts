// The procedurelog and provider tables and the SQL the product's example reports need from
// PUT /queries/ShortQuery: aggregates, GROUP BY, HAVING, date functions, OR and parentheses,
// conditions in ON, WITH. Every expectation is computed here from the records, not by the
// simulator's evaluator.
import { manualTime, type ProcedureLog, type Simulator, startSimulator } from '../../simulator';
import { call, QUERIES, send } from './helpers';

const DAILY_PRODUCTION = `-- Daily production by provider (yesterday's completed procedures)
SELECT pl.ProvNum, pr.Abbr, pr.LName, pr.FName, COUNT(*) AS Procedures, SUM(pl.ProcFee) AS Production
FROM procedurelog pl
INNER JOIN provider pr ON pr.ProvNum = pl.ProvNum
WHERE pl.ProcStatus = 2 AND pl.ProcDate = DATE_SUB(CURDATE(), INTERVAL 1 DAY)
GROUP BY pl.ProvNum, pr.Abbr, pr.LName, pr.FName
ORDER BY pl.ProvNum`;

const NOT_SEEN_18_MONTHS = `-- Patients not seen in 18 months (active patients whose last completed procedure is older)
SELECT p.PatNum, p.LName, p.FName, p.WirelessPhone, p.Email, MAX(pl.ProcDate) AS LastVisit
FROM patient p
INNER JOIN procedurelog pl ON pl.PatNum = p.PatNum
WHERE p.PatStatus = 0 AND pl.ProcStatus = 2
GROUP BY p.PatNum, p.LName, p.FName, p.WirelessPhone, p.Email
HAVING MAX(pl.ProcDate) < DATE_SUB(CURDATE(), INTERVAL 18 MONTH)
ORDER BY p.PatNum`;

// The office day the tests run on: a Wednesday, so yesterday was an open Tuesday.
const ANCHOR = '2026-01-07';
const YESTERDAY = '2026-01-06T00:00:00';
// 2026-01-07 minus 18 months.
const CUTOFF_18_MONTHS = '2024-07-07T00:00:00';
const COMPLETE = 2;
const TREATMENT_PLANNED = 1;
const NOT_READ_ONLY = 'Query is not read-only or is not executing on temporary tables.';

interface Provider { ProvNum: number; Abbr: string; LName: string; FName: string; Specialty: number; IsSecondary: string; IsHidden: string; DateTStamp: string }

const cents = (amount: number) => Math.round(amount * 100);
const iso = (text: string) => (text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T'));

function lastCompleted(procedures: ProcedureLog[]): Map<number, string> {
	const last = new Map<number, string>();
	for (const proc of procedures) {
		if (proc.ProcStatus === COMPLETE && (last.get(proc.PatNum) ?? '') < proc.ProcDate) last.set(proc.PatNum, proc.ProcDate);
	}
	return last;
}

async function providers(sim: Simulator): Promise<Provider[]> {
	return (await call(sim, '/providers')).json as Provider[];
}

// The daily report worked out from the records: completed procedures of that day per provider.
async function expectedProduction(sim: Simulator, day: string) {
	const byProvider = new Map<number, { count: number; cents: number }>();
	for (const proc of sim.records('procedurelog')) {
		if (proc.ProcStatus !== COMPLETE || proc.ProcDate !== day) continue;
		const entry = byProvider.get(proc.ProvNum) ?? { count: 0, cents: 0 };
		entry.count += 1;
		entry.cents += cents(proc.ProcFee);
		byProvider.set(proc.ProvNum, entry);
	}
	const staff = await providers(sim);
	return [...byProvider.keys()].sort((a, b) => a - b).map((provNum) => {
		const { Abbr, LName, FName } = staff.find((p) => p.ProvNum === provNum)!;
		return { ProvNum: provNum, Abbr, LName, FName, Procedures: byProvider.get(provNum)!.count, Production: byProvider.get(provNum)!.cents / 100 };
	});
}

// The 18-month report worked out from the records.
function expectedNotSeen(sim: Simulator) {
	const last = lastCompleted(sim.records('procedurelog'));
	return sim.patients()
		.filter((p) => p.PatStatus === 'Patient' && last.has(p.PatNum) && last.get(p.PatNum)! < CUTOFF_18_MONTHS)
		.map((p) => ({ PatNum: p.PatNum, LName: p.LName, FName: p.FName, WirelessPhone: p.WirelessPhone, Email: p.Email, LastVisit: last.get(p.PatNum) }));
}

describe('simulator: ShortQuery reports', () => {
	let sim: Simulator;
	const query = async (sql: string, path = '/queries/ShortQuery') => {
		const res = await send(sim, path, { SqlCommand: sql }, { auth: QUERIES });
		return [res.status, res.json];
	};
	const rows = async (sql: string, path?: string) => {
		const [status, body] = await query(sql, path);
		expect([sql, status]).toEqual([sql, 200]);
		return body;
	};
	const one = async (sql: string) => (await rows(sql))[0];
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), appointments: { anchorDate: ANCHOR } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.clock.set(`${ANCHOR} 09:30:00`);
	});

	it('runs "Daily production by provider" as written: yesterday\'s completed procedures per provider, to the cent', async () => {
		const expected = await expectedProduction(sim, YESTERDAY);
		expect(expected.length).toBeGreaterThanOrEqual(2);
		const answer = await rows(DAILY_PRODUCTION);
		expect(answer).toEqual(expected);
		expect(Object.keys(answer[0])).toEqual(['ProvNum', 'Abbr', 'LName', 'FName', 'Procedures', 'Production']);

		// Reasonable rewrites give the same rows.
		const shorthand = DAILY_PRODUCTION.replace('DATE_SUB(CURDATE(), INTERVAL 1 DAY)', 'CURRENT_DATE - INTERVAL 1 DAY')
			.replace('AS Production', "AS 'Production'").replace('GROUP BY pl.ProvNum, pr.Abbr, pr.LName, pr.FName', 'GROUP BY 1, 2, 3, 4');
		expect(await rows(shorthand)).toEqual(expected);
		expect(await rows('select pl.ProvNum, pr.Abbr, pr.LName, pr.FName, count(*) as Procedures, sum(pl.ProcFee) as Production '
			+ 'from procedurelog pl join provider pr on pl.ProvNum = pr.ProvNum and pr.IsHidden = 0 '
			+ 'where (pl.ProcStatus = 2) and date(pl.DateComplete) = curdate() - interval 1 day group by pl.ProvNum order by 1')).toEqual(expected);

		// Procedures completed yesterday through the control API count, to the cent; the report follows the office clock.
		sim.insert('procedurelog', { PatNum: 3, ProcStatus: 'C', ProcDate: '2026-01-06', ProcFee: 0.1, ProvNum: expected[0].ProvNum, CodeNum: 1 });
		sim.insert('procedurelog', { PatNum: 3, ProcStatus: COMPLETE, ProcDate: '2026-01-06', ProcFee: 0.2, ProvNum: expected[0].ProvNum, CodeNum: 1 });
		const [first, ...rest] = await rows(DAILY_PRODUCTION);
		expect([first, ...rest]).toEqual(await expectedProduction(sim, YESTERDAY));
		expect(first.Production).toBe((cents(expected[0].Production) + 30) / 100);
		sim.clock.set('2026-01-06 07:00:00');
		const monday = await expectedProduction(sim, '2026-01-05T00:00:00');
		expect(monday.length).toBeGreaterThanOrEqual(2);
		expect(await rows(DAILY_PRODUCTION)).toEqual(monday);
	});

	it('runs "Patients not seen in 18 months" as written, well over a page, paged by Offset in consecutive slices', async () => {
		const expected = expectedNotSeen(sim);
		expect(expected.length).toBeGreaterThan(100);
		expect(await rows(NOT_SEEN_18_MONTHS)).toEqual(expected.slice(0, 100));
		expect(await rows(NOT_SEEN_18_MONTHS, '/queries/ShortQuery?Offset=100')).toEqual(expected.slice(100, 200));
		expect(await rows(NOT_SEEN_18_MONTHS, '/queries/ShortQuery?Offset=200')).toEqual(expected.slice(200, 300));
		expect((await rows(NOT_SEEN_18_MONTHS, '/queries/ShortQuery?Offset=100')).length).toBe(Math.min(100, expected.length - 100));

		// HAVING by the select-list name, and the same report through WITH.
		const local = '/queries/ShortQuery?Limit=1000';
		sim.configure({ mode: 'local' });
		expect(await rows(NOT_SEEN_18_MONTHS.replace('HAVING MAX(pl.ProcDate) <', 'HAVING LastVisit <'), local)).toEqual(expected);
		const last = 'SELECT PatNum, MAX(ProcDate) AS LastVisit FROM procedurelog WHERE ProcStatus = 2 GROUP BY PatNum';
		const report = (source: string) => 'SELECT p.PatNum, p.LName, p.FName, p.WirelessPhone, p.Email, l.LastVisit FROM patient p '
			+ `INNER JOIN ${source} l ON l.PatNum = p.PatNum WHERE p.PatStatus = 0 AND l.LastVisit < DATE_SUB(CURDATE(), INTERVAL 18 MONTH) ORDER BY p.PatNum`;
		expect(await rows(`WITH last AS (${last}) ${report('last')}`, local)).toEqual(expected);
		expect(await rows(report(`(${last})`), local)).toEqual(expected);
	});

	it('computes aggregates the MySQL way: empty input, NULLs skipped, DISTINCT, one group without GROUP BY', async () => {
		expect(await rows('SELECT COUNT(*), COUNT(ProcNum), SUM(ProcFee), AVG(ProcFee), MIN(ProcDate), MAX(ProcDate) FROM procedurelog WHERE ProcNum < 0'))
			.toEqual([{ 'COUNT(*)': 0, 'COUNT(ProcNum)': 0, 'SUM(ProcFee)': null, 'AVG(ProcFee)': null, 'MIN(ProcDate)': null, 'MAX(ProcDate)': null }]);
		expect(await rows('SELECT ProvNum, COUNT(*) FROM procedurelog WHERE ProcNum < 0 GROUP BY ProvNum')).toEqual([]);
		expect(await rows('SELECT PatNum, COUNT(*) AS n FROM procedurelog WHERE ProcNum < 0')).toEqual([{ PatNum: null, n: 0 }]);

		const procedures = sim.records('procedurelog');
		const complete = procedures.filter((p) => p.ProcStatus === COMPLETE);
		const totalCents = complete.reduce((sum, p) => sum + cents(p.ProcFee), 0);
		const dates = complete.map((p) => p.ProcDate).sort();
		expect(await one('SELECT COUNT(*) AS n, COUNT(DISTINCT PatNum) AS patients, SUM(ProcFee) AS total, AVG(ProcFee) AS average, '
			+ 'MIN(ProcDate) AS first, MAX(ProcDate) AS last FROM procedurelog WHERE ProcStatus = 2')).toEqual({
			n: complete.length, patients: new Set(complete.map((p) => p.PatNum)).size, total: totalCents / 100,
			average: totalCents / 100 / complete.length, first: dates[0], last: dates[dates.length - 1],
		});

		// A LEFT JOIN's NULLs are not counted; COUNT(*) counts the row.
		const treatmentPlanned = new Map<number, number>();
		for (const p of procedures) if (p.ProcStatus === TREATMENT_PLANNED) treatmentPlanned.set(p.PatNum, (treatmentPlanned.get(p.PatNum) ?? 0) + 1);
		expect(await rows('SELECT p.PatNum, COUNT(*) AS rowsSeen, COUNT(pl.ProcNum) AS planned, SUM(pl.ProcFee) AS fees FROM patient p '
			+ 'LEFT JOIN procedurelog pl ON pl.PatNum = p.PatNum AND pl.ProcStatus = 1 WHERE p.PatNum <= 30 GROUP BY p.PatNum ORDER BY p.PatNum'))
			.toEqual(sim.patients().slice(0, 30).map((p) => {
				const planned = treatmentPlanned.get(p.PatNum) ?? 0;
				const fees = procedures.filter((proc) => proc.PatNum === p.PatNum && proc.ProcStatus === TREATMENT_PLANNED).reduce((sum, proc) => sum + cents(proc.ProcFee), 0);
				return { PatNum: p.PatNum, rowsSeen: Math.max(planned, 1), planned, fees: planned ? fees / 100 : null };
			}));

		// Money adds up to the cent, as a DECIMAL sum would, not 0.30000000000000004.
		expect(await one('SELECT SUM(f.fee) AS total FROM (SELECT ProcFee * 0 + 0.1 AS fee FROM procedurelog WHERE ProcNum <= 3) f')).toEqual({ total: 0.3 });
	});

	it('groups with HAVING on aggregates and names, OR and parentheses, and GROUP BY sorts the groups', async () => {
		const complete = sim.records('procedurelog').filter((p) => p.ProcStatus === COMPLETE);
		const perPatient = new Map<number, { n: number; cents: number }>();
		for (const p of complete) {
			const entry = perPatient.get(p.PatNum) ?? { n: 0, cents: 0 };
			entry.n += 1;
			entry.cents += cents(p.ProcFee);
			perPatient.set(p.PatNum, entry);
		}
		const sql = 'SELECT PatNum, COUNT(*) AS n, SUM(ProcFee) AS fees FROM procedurelog WHERE ProcStatus = 2 GROUP BY PatNum '
			+ 'HAVING (COUNT(*) >= 20 OR fees > 4000) AND NOT PatNum IN (1, 2) ORDER BY n DESC, PatNum';
		const expected = [...perPatient.entries()].filter(([patNum, { n, cents: c }]) => (n >= 20 || c > 400000) && ![1, 2].includes(patNum))
			.map(([PatNum, { n, cents: c }]) => ({ PatNum, n, fees: c / 100 }))
			.sort((a, b) => b.n - a.n || a.PatNum - b.PatNum);
		expect(expected.length).toBeGreaterThan(3);
		expect(await rows(sql)).toEqual(expected);
		expect(await rows('SELECT ProvNum, COUNT(*) FROM procedurelog GROUP BY ProvNum')).toEqual([1, 2, 3, 4].map((provNum) => ({
			ProvNum: provNum, 'COUNT(*)': sim.records('procedurelog').filter((p) => p.ProvNum === provNum).length,
		})));

		const patients = sim.patients();
		expect(await rows('SELECT PatNum FROM patient WHERE (PatNum < 4 OR PatNum > 247) AND NOT (PatStatus = 1 OR Gender = 9) ORDER BY PatNum DESC'))
			.toEqual(patients.filter((p) => (p.PatNum < 4 || p.PatNum > 247) && p.PatStatus !== 'NonPatient').map((p) => ({ PatNum: p.PatNum })).reverse());
		expect(await rows("SELECT PatNum FROM patient WHERE LName LIKE 'smith%' OR (FName LIKE '_v%' AND Email NOT LIKE '%\\_%') ORDER BY PatNum"))
			.toEqual(patients.filter((p) => p.LName.toLowerCase().startsWith('smith') || (/^.v/i.test(p.FName) && !p.Email.includes('_')))
				.map((p) => ({ PatNum: p.PatNum })).slice(0, 100));
		// A condition in ON limits the match (a LEFT JOIN keeps the row), one in WHERE the row.
		const optOuts = sim.records('commoptout');
		const emailOnly = new Set(optOuts.filter((o) => o.OptOutSms === 0).map((o) => o.PatNum));
		expect(await rows('SELECT p.PatNum, o.OptOutEmail FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum AND o.OptOutSms = 0 '
			+ 'WHERE p.PatNum <= 60 ORDER BY p.PatNum')).toEqual(patients.slice(0, 60).map((p) => ({
			PatNum: p.PatNum, OptOutEmail: emailOnly.has(p.PatNum) ? optOuts.find((o) => o.PatNum === p.PatNum)!.OptOutEmail : null,
		})));
	});

	it('names an unaliased expression by its text as written, MySQL-style', async () => {
		const row = await one('SELECT pl.ProvNum, COUNT(*), count(*), MAX(pl.ProcDate), SUM( pl.ProcFee ), CURDATE(), 1 + 1, \'text\' '
			+ 'FROM procedurelog pl WHERE pl.ProvNum = 3 GROUP BY pl.ProvNum');
		const own = sim.records('procedurelog').filter((p) => p.ProvNum === 3);
		expect(Object.keys(row)).toEqual(['ProvNum', 'COUNT(*)', 'count(*)1', 'MAX(pl.ProcDate)', 'SUM( pl.ProcFee )', 'CURDATE()', '1 + 1', 'text']);
		expect(row).toEqual({
			ProvNum: 3, 'COUNT(*)': own.length, 'count(*)1': own.length, 'MAX(pl.ProcDate)': own.map((p) => p.ProcDate).sort().pop(),
			'SUM( pl.ProcFee )': own.reduce((sum, p) => sum + cents(p.ProcFee), 0) / 100, 'CURDATE()': `${ANCHOR}T00:00:00`, '1 + 1': 2, text: 'text',
		});
	});

	it('does MySQL date arithmetic: months clamp to the month\'s end; dates compare with date-times either way round', async () => {
		expect(await one("SELECT DATE_SUB('2025-03-31', INTERVAL 1 MONTH) AS a, DATE_ADD('2024-01-31', INTERVAL 1 MONTH) AS b, "
			+ "DATE_ADD('2024-02-29', INTERVAL 1 YEAR) AS c, DATE_SUB('2026-01-07', INTERVAL 18 MONTH) AS d, DATE_ADD('2025-12-31', INTERVAL 2 MONTH) AS e, "
			+ "DATE_SUB(DATE('2025-03-31 16:45:00'), INTERVAL 1 MONTH) AS f, DATE_ADD('2025-12-31 23:30:00', INTERVAL 1 HOUR) AS g, "
			+ "DATE_SUB('2025-03-01', INTERVAL 1 DAY) AS h, DATE_ADD('2025-01-01', INTERVAL 2 WEEK) AS i, DATE_SUB('2025-02-30', INTERVAL 1 DAY) AS j"))
			.toEqual({
				a: '2025-02-28', b: '2024-02-29', c: '2025-02-28', d: '2024-07-07', e: '2026-02-28', f: '2025-02-28T00:00:00',
				g: '2026-01-01 00:30:00', h: '2025-02-28', i: '2025-01-15', j: null,
			});
		sim.clock.set('2026-03-31 16:45:10');
		expect(await one('SELECT CURDATE() AS today, CURRENT_DATE AS same, NOW() AS now, DATE_SUB(CURDATE(), INTERVAL 1 MONTH) AS monthAgo, '
			+ 'CURDATE() - INTERVAL 3 MONTH AS quarterAgo, DATE(NOW()) AS day')).toEqual({
			today: '2026-03-31T00:00:00', same: '2026-03-31T00:00:00', now: '2026-03-31T16:45:10', monthAgo: '2026-02-28T00:00:00',
			quarterAgo: '2025-12-31T00:00:00', day: '2026-03-31T00:00:00',
		});

		const procedures = sim.records('procedurelog');
		const count = (keep: (p: ProcedureLog) => boolean) => [{ n: procedures.filter(keep).length }];
		expect(count((p) => p.ProcDate === YESTERDAY)[0].n).toBeGreaterThan(0);
		expect(await rows("SELECT COUNT(*) AS n FROM procedurelog WHERE ProcDate = '2026-01-06'")).toEqual(count((p) => p.ProcDate === YESTERDAY));
		expect(await rows("SELECT COUNT(*) AS n FROM procedurelog WHERE '2026-01-06' = ProcDate")).toEqual(count((p) => p.ProcDate === YESTERDAY));
		expect(await rows("SELECT COUNT(*) AS n FROM procedurelog WHERE ProcDate < '2026-01-06 00:00:01' AND ProcDate > '2026-01-05 23:59:59'"))
			.toEqual(count((p) => p.ProcDate === YESTERDAY));
		expect(await rows("SELECT COUNT(*) AS n FROM procedurelog WHERE DateTStamp >= '2026-01-06' AND '2026-01-06 12:00:00' > DateTStamp"))
			.toEqual(count((p) => p.DateTStamp >= YESTERDAY && p.DateTStamp < '2026-01-06T12:00:00'));
		expect(await rows('SELECT COUNT(*) AS n FROM procedurelog WHERE DATE(DateTStamp) = DATE_SUB(DATE(NOW()), INTERVAL 84 DAY)'))
			.toEqual(count((p) => p.DateTStamp.startsWith('2026-01-06')));
	});

	it('keeps writes, several statements and SELECT … INTO out (401), and answers what it cannot run with MySQL\'s errors (400)', async () => {
		for (const sql of ['DELETE FROM procedurelog WHERE ProcStatus = 2', 'UPDATE procedurelog SET ProcFee = 0',
			'SELECT COUNT(*) INTO @n FROM procedurelog', 'SELECT 1 FROM procedurelog; DELETE FROM procedurelog']) {
			expect([sql, await query(sql)]).toEqual([sql, [401, NOT_READ_ONLY]]);
		}
		const syntax = (near: string) => `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line 1`;
		for (const [sql, message] of [
			['SELECT ProvNum FROM procedurelog WHERE COUNT(*) > 1', 'Invalid use of group function'],
			['SELECT SUM(MAX(ProcFee)) FROM procedurelog', 'Invalid use of group function'],
			['SELECT MEDIAN(ProcFee) FROM procedurelog', 'FUNCTION opendental.MEDIAN does not exist'],
			['SELECT DATE(ProcDate, 1) FROM procedurelog', "Incorrect parameter count in the call to native function 'DATE'"],
			["SELECT DATE_ADD(ProcDate, 1) FROM procedurelog", syntax('1) FROM procedurelog')],
			['SELECT ProvNum FROM procedurelog GROUP BY ProvNum HAVING Nope > 1', "Unknown column 'Nope' in 'having clause'"],
			['SELECT ProvNum FROM procedurelog GROUP BY Nope', "Unknown column 'Nope' in 'group statement'"],
			['SELECT ProvNum FROM procedurelog ORDER BY 3', "Unknown column '3' in 'order clause'"],
			['SELECT ProcNum FROM procedurelog WHERE ProcFee > 1 LIMIT 10', syntax('LIMIT 10')],
			['SELECT pl.ProcNum FROM procedurelog pl JOIN provider pr ON pr.ProvNum = x.ProvNum', "Unknown column 'x.ProvNum' in 'on clause'"],
		]) {
			expect([sql, await query(sql)]).toEqual([sql, [400, message]]);
		}
	});
});

describe('simulator: procedurelog and provider tables', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), appointments: { anchorDate: ANCHOR } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.clock.set(`${ANCHOR} 09:30:00`);
	});

	it('charts each appointment: Complete ones done on their day by their providers, booked ones treatment planned', () => {
		const procedures = sim.records('procedurelog');
		expect(procedures.map((p) => p.ProcNum)).toEqual(procedures.map((_, index) => index + 1));
		expect(Object.keys(procedures[0])).toEqual(['ProcNum', 'PatNum', 'AptNum', 'ProcDate', 'ProcFee', 'ProcStatus', 'ProvNum', 'ClinicNum',
			'CodeNum', 'ToothNum', 'Surf', 'DateTStamp', 'DateComplete']);
		const byApt = new Map<number, ProcedureLog[]>();
		for (const p of procedures) if (p.AptNum) byApt.set(p.AptNum, [...(byApt.get(p.AptNum) ?? []), p]);
		// What each procedure of an appointment should be, as [AptNum, what is wrong]; expected empty.
		const wrong: Array<[number, string]> = [];
		const check = (aptNum: number, ok: boolean, what: string) => {
			if (!ok) wrong.push([aptNum, what]);
		};
		for (const apt of sim.records('appointment')) {
			const charted = byApt.get(apt.AptNum) ?? [];
			const day = iso(apt.AptDateTime.slice(0, 10));
			if (apt.AptStatus === 'PtNote' || apt.AptStatus === 'Planned') {
				check(apt.AptNum, charted.length === 0, 'charted');
				continue;
			}
			check(apt.AptNum, charted.length >= 1 && charted.length <= 3, 'count');
			for (const p of charted) {
				check(apt.AptNum, p.PatNum === apt.PatNum && [apt.ProvNum, apt.ProvHyg].includes(p.ProvNum), 'patient or provider');
				if (apt.AptStatus === 'Complete') check(apt.AptNum, p.ProcStatus === COMPLETE && p.ProcDate === day && p.DateComplete === day, 'complete');
				else check(apt.AptNum, p.ProcStatus === TREATMENT_PLANNED && p.DateComplete === '0001-01-01T00:00:00', 'planned');
				if (apt.AptStatus === 'Scheduled') check(apt.AptNum, p.ProcDate === day, 'date');
			}
		}
		expect(wrong).toEqual([]);
		expect(procedures.filter((p) => p.ProcFee < 25 || p.ProcFee > 1200 || cents(p.ProcFee) / 100 !== p.ProcFee)).toEqual([]);
		expect(procedures.filter((p) => p.DateTStamp >= `${ANCHOR}T00:00:00` || p.ProcDate < '2020-01-01T00:00:00')).toEqual([]);
		const statuses = new Set(sim.records('appointment').map((apt) => apt.AptStatus));
		expect([...statuses].filter((status) => !['PtNote', 'Planned'].includes(status)).every((status) => sim.records('appointment')
			.some((apt) => apt.AptStatus === status && byApt.has(apt.AptNum)))).toBe(true);
	});

	it('gives every patient but a prospective one a history: over a hundred active patients lapsed past 18 months, the rest seen within 16', () => {
		const last = lastCompleted(sim.records('procedurelog'));
		const patients = sim.patients();
		expect(patients.filter((p) => !last.has(p.PatNum)).every((p) => p.PatStatus === 'Prospective')).toBe(true);
		const active = patients.filter((p) => p.PatStatus === 'Patient');
		const lapsed = active.filter((p) => last.get(p.PatNum)! < CUTOFF_18_MONTHS);
		expect(lapsed.length).toBeGreaterThanOrEqual(110);
		expect(lapsed.length).toBeLessThanOrEqual(160);
		expect(active.length - lapsed.length).toBeGreaterThan(30);
		// Nobody's last visit falls 16 to 19 months back: the split does not move with the time of day.
		expect(active.filter((p) => last.get(p.PatNum)! > '2024-06-07' && last.get(p.PatNum)! < '2024-09-07')).toEqual([]);
	});

	it('has completed work by at least two providers yesterday whenever yesterday was an open day of the schedule', () => {
		const providersOn = (day: string) => new Set(sim.records('procedurelog').filter((p) => p.ProcStatus === COMPLETE && p.ProcDate === `${day}T00:00:00`).map((p) => p.ProvNum));
		for (const [anchorDate, yesterday] of [['2026-01-06', '2026-01-05'], ['2026-01-08', '2026-01-07'], ['2026-01-10', '2026-01-09']]) {
			for (const perDay of [0, 1, 12]) {
				sim.configure({ appointments: { anchorDate, perDay } });
				sim.seed();
				expect([anchorDate, perDay, providersOn(yesterday).size >= 2]).toEqual([anchorDate, perDay, true]);
			}
		}
		// A Sunday is no open day unless the office opens on weekends.
		sim.configure({ appointments: { anchorDate: '2026-01-05', perDay: 12 } });
		sim.seed();
		expect(providersOn('2026-01-04').size).toBe(0);
		sim.configure({ appointments: { openOnWeekends: true } });
		sim.seed();
		expect(providersOn('2026-01-04').size).toBeGreaterThanOrEqual(2);
	});

	it('leaves the other tables\' seeded data as it was before procedures were seeded (its own PRNG stream, seeded last)', () => {
		sim.configure({ appointments: { anchorDate: '2026-01-05' } });
		sim.seed();
		const pick = <T extends object>(records: T[], keys: Array<keyof T>) => [records[0], records[records.length - 1]].map((record) => Object.fromEntries(keys.map((key) => [key, record[key]])));
		expect(pick(sim.records('appointment'), ['AptNum', 'PatNum', 'AptStatus', 'AptDateTime', 'ProvNum', 'DateTStamp'])).toEqual([
			{ AptNum: 1, PatNum: 158, AptStatus: 'UnschedList', AptDateTime: '0001-01-01 00:00:00', ProvNum: 2, DateTStamp: '2025-09-10 09:52:40' },
			{ AptNum: 200, PatNum: 185, AptStatus: 'Scheduled', AptDateTime: '2026-01-14 08:20:00', ProvNum: 1, DateTStamp: '2026-01-04 16:54:29' },
		]);
		expect(pick(sim.records('recall'), ['RecallNum', 'PatNum', 'DateDue', 'DateTStamp'])).toEqual([
			{ RecallNum: 1, PatNum: 1, DateDue: '2026-01-13', DateTStamp: '2025-07-13 16:35:25' },
			{ RecallNum: 178, PatNum: 250, DateDue: '2026-03-04', DateTStamp: '2025-09-06 08:25:41' },
		]);
		expect(pick(sim.records('commlog'), ['CommlogNum', 'PatNum', 'CommDateTime', 'DateTStamp'])).toEqual([
			{ CommlogNum: 1, PatNum: 108, CommDateTime: '2025-01-05 10:46:09', DateTStamp: '2025-01-05 10:46:57' },
			{ CommlogNum: 171, PatNum: 185, CommDateTime: '2026-01-04 16:54:29', DateTStamp: '2026-01-04 16:58:44' },
		]);
		expect(pick(sim.records('commoptout'), ['CommOptOutNum', 'PatNum', 'OptOutSms', 'OptOutEmail'])).toEqual([
			{ CommOptOutNum: 1, PatNum: 6, OptOutSms: 2, OptOutEmail: 2 },
			{ CommOptOutNum: 13, PatNum: 208, OptOutSms: 0, OptOutEmail: 256 },
		]);
	});

	it('stores procedures as the database has them; an insert or change is stamped now and a completed one gets its DateComplete', async () => {
		const inserted = sim.insert('procedurelog', { PatNum: 7, ProcStatus: 'TP', ProcDate: '2026-02-02', ProcFee: 112, ProvNum: 3, CodeNum: 7 });
		expect(inserted).toEqual({
			ProcNum: sim.records('procedurelog').length, PatNum: 7, AptNum: 0, ProcDate: '2026-02-02T00:00:00', ProcFee: 112, ProcStatus: TREATMENT_PLANNED,
			ProvNum: 3, ClinicNum: 0, CodeNum: 7, ToothNum: '', Surf: '', DateTStamp: `${ANCHOR}T09:30:00`, DateComplete: '0001-01-01T00:00:00',
		});
		sim.clock.set(`${ANCHOR} 11:00:00`);
		expect(sim.update('procedurelog', inserted.ProcNum as number, { ProcStatus: COMPLETE, ProcDate: ANCHOR })).toMatchObject({
			ProcStatus: COMPLETE, ProcDate: `${ANCHOR}T00:00:00`, DateComplete: `${ANCHOR}T00:00:00`, DateTStamp: `${ANCHOR}T11:00:00`,
		});
		const [row] = (await send(sim, '/queries/ShortQuery', { SqlCommand: `SELECT * FROM procedurelog WHERE ProcNum = ${inserted.ProcNum}` }, { auth: QUERIES })).json;
		expect(row).toEqual(sim.records('procedurelog').find((p) => p.ProcNum === inserted.ProcNum));
		// A refused insert uses up no key.
		expect(() => sim.insert('procedurelog', { ProcStatus: 'X' })).toThrow(/ProcStatus/);
		expect(sim.insert('procedurelog', { PatNum: 7 }).ProcNum).toBe((inserted.ProcNum as number) + 1);
	});

	it('serves the providers and procedure codes as the database holds them', async () => {
		const res = await send(sim, '/queries/ShortQuery', { SqlCommand: 'SELECT ProvNum, Abbr, LName, FName, Specialty, IsSecondary, IsHidden, DateTStamp FROM provider' }, { auth: QUERIES });
		expect(res.json).toEqual((await providers(sim)).map((p) => ({
			ProvNum: p.ProvNum, Abbr: p.Abbr, LName: p.LName, FName: p.FName, Specialty: p.Specialty, IsSecondary: p.IsSecondary === 'true' ? 1 : 0,
			IsHidden: p.IsHidden === 'true' ? 1 : 0, DateTStamp: iso(p.DateTStamp),
		})));
		const codes = (await send(sim, '/queries/ShortQuery', { SqlCommand: 'SELECT pc.ProcCode, COUNT(*) AS n FROM procedurelog pl '
			+ "INNER JOIN procedurecode pc ON pc.CodeNum = pl.CodeNum WHERE pc.ProcCode IN ('D1110', 'D2740') GROUP BY pc.ProcCode" }, { auth: QUERIES })).json;
		expect(codes.map((row: { ProcCode: string }) => row.ProcCode)).toEqual(['D1110', 'D2740']);
		expect(codes[0].n).toBe(sim.records('procedurelog').filter((p) => p.CodeNum === 7).length);
	});
});
