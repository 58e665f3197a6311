import { startSimulator, Simulator, Patient } from '../../simulator';
import { call } from './helpers';

// Documented order of the full patient object (docs §9.2).
const FULL_FIELDS = [
	'PatNum', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus', 'Gender', 'Position', 'Birthdate', 'SSN',
	'Address', 'Address2', 'City', 'State', 'Zip', 'HmPhone', 'WkPhone', 'WirelessPhone', 'Guarantor', 'Email',
	'EstBalance', 'PriProv', 'priProvAbbr', 'SecProv', 'secProvAbbr', 'FeeSched', 'BillingType', 'ImageFolder',
	'FamFinUrgNote', 'ChartNumber', 'MedicaidID', 'BalTotal', 'EmployerNum', 'DateFirstVisit', 'ClinicNum',
	'clinicAbbr', 'Premed', 'Ward', 'PreferConfirmMethod', 'PreferContactMethod', 'PreferRecallMethod', 'Language',
	'AdmitDate', 'siteDesc', 'DateTStamp', 'SuperFamily', 'TxtMsgOk', 'SecDateEntry',
];
// Reduced field set of GET /patients (docs §9.4).
const SEARCH_FIELDS = [
	'PatNum', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus', 'Birthdate', 'SSN', 'Address', 'Address2',
	'City', 'State', 'Zip', 'HmPhone', 'WkPhone', 'WirelessPhone', 'Email', 'priProvAbbr', 'secProvAbbr',
	'BillingType', 'ChartNumber', 'ClinicNum', 'clinicAbbr', 'siteDesc', 'TxtMsgOk',
];
const INT_FIELDS = ['PatNum', 'Guarantor', 'PriProv', 'SecProv', 'FeeSched', 'EmployerNum', 'ClinicNum', 'SuperFamily'];

type Row = Patient & { serverDateTime?: string };
const nums = (rows: Row[]) => rows.map((row) => row.PatNum);

describe('simulator: patient endpoints', () => {
	let sim: Simulator;
	let all: Row[];
	const simple = async (query: string) => (await call(sim, `/patients/Simple?Limit=1000&${query}`)).json as Row[];
	const search = async (query: string) => (await call(sim, `/patients?Limit=1000&${query}`)).json as Row[];
	const expectSimple = async (query: string, keep: (p: Row) => boolean) => {
		const expected = nums(all.filter(keep));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(all.length);
		expect(nums(await simple(query))).toEqual(expected);
	};

	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local' });
		all = await simple('');
	});
	afterAll(() => sim.close());
	afterEach(() => {
		sim.clock.reset();
		sim.configure({ officeTimeZone: 'America/Chicago' });
	});

	it('GET /patients/{PatNum} returns every documented field, in order, with wire types', async () => {
		const res = await call(sim, '/patients/42');
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(FULL_FIELDS);
		for (const field of FULL_FIELDS) {
			const value = res.json[field];
			if (INT_FIELDS.includes(field)) expect(Number.isInteger(value)).toBe(true);
			else if (field === 'EstBalance' || field === 'BalTotal') expect(typeof value).toBe('number');
			else expect(typeof value).toBe('string');
		}
		expect(res.json.PatNum).toBe(42);
	});

	it('uses string booleans, enum names, date formats and sentinels on every seeded patient', () => {
		for (const p of all) {
			expect(['true', 'false']).toContain(p.Premed);
			expect(['Unknown', 'Yes', 'No']).toContain(p.TxtMsgOk);
			expect(p.Birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(p.DateTStamp).toMatch(/^202[345]-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect(p.SecDateEntry < p.DateTStamp.slice(0, 10)).toBe(true);
			expect(p.AdmitDate).toBe('0001-01-01');
			expect(Object.values(p).includes(null as never)).toBe(false);
		}
	});

	it('/patients/Simple puts serverDateTime first, then the same object as GET single', async () => {
		const [row] = await simple('Limit=1&Offset=6');
		expect(Object.keys(row)).toEqual(['serverDateTime', ...FULL_FIELDS]);
		expect(row.serverDateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		const { serverDateTime, ...rest } = row;
		expect(typeof serverDateTime).toBe('string');
		expect(rest).toEqual((await call(sim, '/patients/7')).json);
	});

	it('filters /patients/Simple by name substrings, case-insensitively', async () => {
		await expectSimple('LName=SMITH', (p) => p.LName.toLowerCase().includes('smith'));
		await expectSimple('FName=el', (p) => p.FName.toLowerCase().includes('el'));
		await expectSimple('LName=a&FName=e', (p) => p.LName.toLowerCase().includes('a') && p.FName.toLowerCase().includes('e'));
	});

	it('filters /patients/Simple by exact values', async () => {
		const sample = all[10];
		await expectSimple(`Birthdate=${sample.Birthdate}`, (p) => p.Birthdate === sample.Birthdate);
		await expectSimple('ClinicNum=2', (p) => p.ClinicNum === 2);
		await expectSimple('PatStatus=Inactive', (p) => p.PatStatus === 'Inactive');
		await expectSimple('PriProv=3', (p) => p.PriProv === 3);
		await expectSimple('Gender=Female', (p) => p.Gender === 'Female');
		await expectSimple('Position=Child', (p) => p.Position === 'Child');
		const family = all.find((p) => p.Guarantor !== p.PatNum) as Row;
		await expectSimple(`Guarantor=${family.Guarantor}`, (p) => p.Guarantor === family.Guarantor);
		const superFamily = all.find((p) => p.SuperFamily !== 0) as Row;
		await expectSimple(`SuperFamily=${superFamily.SuperFamily}`, (p) => p.SuperFamily === superFamily.SuperFamily);
	});

	it('filters /patients/Simple by DateTStamp >= value (inclusive; date-only means midnight)', async () => {
		const pivot = [...all].sort((a, b) => (a.DateTStamp < b.DateTStamp ? -1 : 1))[120];
		await expectSimple(`DateTStamp=${encodeURIComponent(pivot.DateTStamp)}`, (p) => p.DateTStamp >= pivot.DateTStamp);
		expect(nums(await simple(`DateTStamp=${encodeURIComponent(pivot.DateTStamp)}`))).toContain(pivot.PatNum);
		await expectSimple('DateTStamp=2025-06-01', (p) => p.DateTStamp >= '2025-06-01 00:00:00');
		await expectSimple('DateTStamp=2024-03-05+13:45:00', (p) => p.DateTStamp >= '2024-03-05 13:45:00');
	});

	it.each([
		['DateTStamp=2025-06-01T00:00:00', 'DateTStamp format must be yyyy-MM-dd HH:mm:ss'],
		['DateTStamp=06/01/2025', 'DateTStamp format must be yyyy-MM-dd HH:mm:ss'],
		['DateTStamp=2025-02-30%2000:00:00', 'DateTStamp format must be yyyy-MM-dd HH:mm:ss'],
		['Birthdate=1980-1-1', 'Birthdate format must be yyyy-MM-dd'],
		['PatStatus=patient', 'PatStatus is invalid.'],
		['Gender=F', 'Gender is invalid.'],
		['Position=Engaged', 'Position is invalid.'],
		['ClinicNum=one', 'ClinicNum is invalid.'],
	])('rejects /patients/Simple?%s with 400', async (query, message) => {
		const res = await call(sim, `/patients/Simple?${query}`);
		expect([res.status, res.json]).toEqual([400, message]);
	});

	it('GET /patients returns exactly the reduced field set, sorted by LName, FName, PatNum', async () => {
		const rows = await search('');
		expect(Object.keys(rows[0])).toEqual(SEARCH_FIELDS);
		const visible = all.filter((p) => p.PatStatus !== 'Archived' && p.PatStatus !== 'Deleted');
		const key = (p: Row) => [p.LName.toLowerCase(), p.FName.toLowerCase()];
		const expected = [...visible].sort((a, b) => {
			const [ka, kb] = [key(a), key(b)];
			return ka[0] < kb[0] ? -1 : ka[0] > kb[0] ? 1 : ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : a.PatNum - b.PatNum;
		});
		expect(nums(rows)).toEqual(nums(expected));
		const byNum = new Map(all.map((p) => [p.PatNum, p]));
		for (const row of rows) {
			const full = byNum.get(row.PatNum) as Row;
			for (const field of SEARCH_FIELDS) expect([field, (row as never)[field]]).toEqual([field, (full as never)[field]]);
		}
	});

	it('hides Archived and Deleted unless showArchived=true; hideInactive drops Inactive', async () => {
		const statuses = (rows: Row[]) => new Set(rows.map((p) => p.PatStatus));
		expect(all.some((p) => p.PatStatus === 'Archived')).toBe(true);
		expect(all.some((p) => p.PatStatus === 'Deleted')).toBe(true);
		const byDefault = statuses(await search(''));
		expect(byDefault.has('Archived') || byDefault.has('Deleted')).toBe(false);
		expect(byDefault.has('Inactive')).toBe(true);
		expect((await search('showArchived=TRUE')).length).toBe(all.length);
		expect(statuses(await search('hideInactive=true')).has('Inactive')).toBe(false);
		const bad = await call(sim, '/patients?hideInactive=yes');
		expect([bad.status, bad.json]).toEqual([400, 'hideInactive is invalid.']);
	});

	it('searches substrings, phone digits, Birthdate and clinicNums', async () => {
		const sortedNums = (rows: Row[]) => nums(rows).sort((a, b) => a - b);
		const check = async (query: string, keep: (p: Row) => boolean) => {
			const expected = nums(all.filter(keep));
			expect(expected.length).toBeGreaterThan(0);
			expect(sortedNums(await search(`showArchived=true&${query}`))).toEqual(expected);
		};
		await check('City=oak', (p) => p.City.toLowerCase().includes('oak'));
		await check('Email=EXAMPLE.com', (p) => p.Email.includes('example.com'));
		await check('ChartNumber=c0001', (p) => p.ChartNumber.toLowerCase().includes('c0001'));
		await check('SSN=91', (p) => p.SSN.includes('91'));
		const digits = (s: string) => s.replace(/\D/g, '');
		const phone = all.find((p) => p.WirelessPhone !== '') as Row;
		const tail = digits(phone.WirelessPhone).slice(-7);
		await check(`Phone=${encodeURIComponent(`555-${tail.slice(3)}`)}`, (p) =>
			[p.HmPhone, p.WkPhone, p.WirelessPhone].some((x) => digits(x).includes(tail)));
		await check(`Birthdate=${all[3].Birthdate}`, (p) => p.Birthdate === all[3].Birthdate);
		await check('clinicNums=0,2', (p) => p.ClinicNum === 0 || p.ClinicNum === 2);
	});

	it('rejects DateTStamp on GET /patients', async () => {
		const res = await call(sim, '/patients?DateTStamp=2024-01-01');
		expect([res.status, res.json]).toEqual([400, 'DateTStamp is not a valid parameter for this method. Use patients/Simple.']);
	});

	it('reports serverDateTime from the office clock in America/Chicago', async () => {
		sim.clock.set('2025-12-21 03:59:39');
		const [row] = await simple('Limit=1');
		expect(['2025-12-21 03:59:39', '2025-12-21 03:59:40']).toContain(row.serverDateTime);
		// The same instant seen from UTC: Chicago is UTC-6 in December...
		sim.configure({ officeTimeZone: 'UTC' });
		expect(sim.clock.now().slice(0, 16)).toBe('2025-12-21 09:59');
		// ...and UTC-5 in July.
		sim.configure({ officeTimeZone: 'America/Chicago' });
		sim.clock.set('2025-07-01 12:00:00');
		sim.configure({ officeTimeZone: 'UTC' });
		expect(sim.clock.now().slice(0, 16)).toBe('2025-07-01 17:00');
		sim.clock.advance(3 * 3600 * 1000);
		expect(sim.clock.now().slice(0, 16)).toBe('2025-07-01 20:00');
	});

	it('touch and insert stamp office now and show up in DateTStamp sync', async () => {
		sim.clock.set('2026-01-05 10:00:00');
		const touched = sim.touchPatient(5) as Patient;
		expect(touched.DateTStamp.slice(0, 16)).toBe('2026-01-05 10:00');
		expect(sim.touchPatient(999999)).toBeNull();
		const inserted = sim.insertPatient({ LName: 'Newcombe', FName: 'Tess', ClinicNum: 1, PriProv: 2 });
		try {
			expect(inserted.PatNum).toBe(251);
			expect(inserted.Guarantor).toBe(251);
			expect(inserted.clinicAbbr).toBe('DWTN');
			expect(inserted.priProvAbbr).toBe('DOC2');
			expect(inserted.SecDateEntry).toBe('2026-01-05');
			expect(Object.keys(inserted)).toEqual(FULL_FIELDS);
			expect(nums(await simple('DateTStamp=2026-01-05'))).toEqual([5, 251]);
			expect(nums(await search('LName=newcombe'))).toEqual([251]);
		} finally {
			sim.seed();
		}
		expect((await call(sim, '/patients/251')).status).toBe(404);
		expect((await call(sim, '/patients/5')).json.DateTStamp).toBe(all[4].DateTStamp);
	});
});

describe('simulator: preferences, clinics and providers', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());

	it('serves preferences, filterable by PrefName', async () => {
		const res = await call(sim, '/preferences');
		expect(res.json.length).toBeGreaterThanOrEqual(10);
		expect(Object.keys(res.json[0])).toEqual(['PrefNum', 'PrefName', 'ValueString']);
		const title = await call(sim, '/preferences?PrefName=PracticeTitle');
		expect(title.json).toEqual([{ PrefNum: expect.any(Number), PrefName: 'PracticeTitle', ValueString: 'Sunrise Family Dental (simulated)' }]);
		expect((await call(sim, '/preferences?PrefName=NoSuchPref')).json).toEqual([]);
	});

	it('serves two clinics', async () => {
		const res = await call(sim, '/clinics');
		expect(res.json.map((c: { ClinicNum: number; Abbr: string }) => [c.ClinicNum, c.Abbr])).toEqual([[1, 'DWTN'], [2, 'LAKE']]);
		expect(res.json[0].IsHidden).toBe('false');
	});

	it('serves four providers with serverDateTime first', async () => {
		sim.clock.set('2025-03-03 08:00:00');
		const res = await call(sim, '/providers');
		expect(res.json.map((p: { Abbr: string }) => p.Abbr)).toEqual(['DOC1', 'DOC2', 'HYG1', 'HYG2']);
		expect(Object.keys(res.json[0])[0]).toBe('serverDateTime');
		expect(res.json[0].serverDateTime.slice(0, 16)).toBe('2025-03-03 08:00');
		const byClinic = await call(sim, '/providers?ClinicNum=1');
		expect(byClinic.json.map((p: { Abbr: string }) => p.Abbr)).toEqual(['DOC1', 'DOC2', 'HYG1']);
		expect(byClinic.json[0].serverDateTime).toBe('');
		expect((await call(sim, '/providers?ClinicNum=9')).status).toBe(404);
		expect((await call(sim, '/providers/3')).json.Abbr).toBe('HYG1');
	});
});
