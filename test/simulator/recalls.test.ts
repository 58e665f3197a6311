// Recalls: the seeded ones, GET /recalls, the Recall List and PUT /recalls/Status.
import { manualTime, type Patient, type Recall, type Simulator, startSimulator } from '../../simulator';
import { call, send } from './helpers';

const NOW = '2026-01-05 09:00:00';
const DOCUMENTED = [
	'RecallNum', 'PatNum', 'DateDue', 'DatePrevious', 'RecallInterval', 'RecallStatus', 'recallStatus', 'Note', 'IsDisabled',
	'DateTStamp', 'RecallTypeNum', 'DisableUntilBalance', 'DisableUntilDate', 'DateScheduled', 'Priority', 'TimePatternOverride',
];
const documented = ({ NumRemind, DateLastRemind, ...recall }: Recall) => {
	expect([typeof NumRemind, typeof DateLastRemind]).toEqual(['number', 'string']);
	return recall;
};

describe('simulator: seeded recalls and GET /recalls', () => {
	let sim: Simulator;
	let recalls: Recall[];
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local', time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
		recalls = sim.records('recall');
	});
	afterAll(() => sim.close());

	it('gives patients of status Patient a Prophy recall, some Perio, a few both', () => {
		const patients = new Map(sim.patients().map((p) => [p.PatNum, p]));
		const byPatient = new Map<number, number[]>();
		for (const recall of recalls) byPatient.set(recall.PatNum, [...(byPatient.get(recall.PatNum) ?? []), recall.RecallTypeNum]);
		for (const [patNum, types] of byPatient) {
			expect(patients.get(patNum)!.PatStatus).toBe('Patient');
			expect([[1], [2], [1, 2]]).toContainEqual(types);
		}
		const kinds = [...byPatient.values()].map((types) => types.join('+'));
		const count = (kind: string) => kinds.filter((k) => k === kind).length;
		expect(count('1')).toBeGreaterThan(count('2'));
		expect(count('2')).toBeGreaterThan(count('1+2'));
		expect(count('1+2')).toBeGreaterThan(0);
		expect(byPatient.size).toBeGreaterThan(sim.patients().filter((p) => p.PatStatus === 'Patient').length * 0.9);
	});

	it('spreads due dates around the anchor, with intervals, statuses, reminders and scheduled dates that agree', () => {
		const hygieneAhead = new Map<number, string>();
		for (const apt of sim.records('appointment')) {
			if (apt.AptStatus !== 'Scheduled' || apt.IsHygiene !== 'true' || apt.AptDateTime < '2026-01-05') continue;
			const day = apt.AptDateTime.slice(0, 10);
			if (!hygieneAhead.has(apt.PatNum) || day < hygieneAhead.get(apt.PatNum)!) hygieneAhead.set(apt.PatNum, day);
		}
		const statuses: Record<number, string> = { 0: '', 140: 'Left Msg', 141: 'Texted', 142: 'Mailed Postcard', 143: 'Emailed', 144: 'Scheduled Elsewhere' };
		for (const recall of recalls) {
			expect(Object.keys(recall)).toEqual([...DOCUMENTED, 'NumRemind', 'DateLastRemind']);
			expect(recall.DateDue >= '2025-06-19' && recall.DateDue <= '2026-03-06').toBe(true);
			expect(recall.RecallInterval).toBe(recall.RecallTypeNum === 1 ? '6m1d' : '3m1d');
			expect(recall.recallStatus).toBe(statuses[recall.RecallStatus]);
			expect(recall.DateScheduled).toBe(hygieneAhead.get(recall.PatNum) ?? '0001-01-01');
			if (recall.DatePrevious !== '0001-01-01') expect(recall.DatePrevious < recall.DateDue).toBe(true);
			if (recall.NumRemind > 0) {
				expect(recall.DateDue <= '2026-02-04').toBe(true);
				expect(recall.DateLastRemind > recall.DatePrevious && recall.DateLastRemind < '2026-01-05').toBe(true);
			} else {
				expect(recall.DateLastRemind).toBe('0001-01-01');
			}
			expect(recall.DateTStamp < '2026-01-05 00:00:00').toBe(true);
		}
		expect(recalls.filter((r) => r.NumRemind > 0).length).toBeGreaterThan(5);
		expect(new Set(recalls.map((r) => r.RecallStatus)).size).toBeGreaterThan(3);
		expect(recalls.some((r) => r.IsDisabled === 'true')).toBe(true);
	});

	it('GET /recalls serves the documented fields in RecallNum order, by PatNum, paged', async () => {
		expect((await call(sim, '/recalls')).json).toEqual(recalls.map(documented));
		const patNum = recalls.find((r, i) => recalls[i + 1]?.PatNum === r.PatNum)!.PatNum;
		const theirs = (await call(sim, `/recalls?PatNum=${patNum}`)).json;
		expect(theirs).toEqual(recalls.filter((r) => r.PatNum === patNum).map(documented));
		expect(theirs).toHaveLength(2);
		expect((await call(sim, '/recalls?Offset=10&Limit=3')).json).toEqual(recalls.slice(10, 13).map(documented));
		expect((await call(sim, '/recalls?PatNum=0')).json).toEqual([]);
	});
});

describe('simulator: GET /recalls/List', () => {
	let sim: Simulator;
	const time = manualTime();
	let patNum: Record<string, number>;

	// An office with only these patients, their recalls and appointments; today 2026-01-05.
	function office() {
		sim.seed({ patients: 0 });
		sim.clock.set(NOW);
		patNum = {};
		const patient = (key: string, fields: Partial<Patient>) => {
			patNum[key] = sim.insert('patient', { Birthdate: '1980-06-15', HmPhone: '(217)555-0100', ClinicNum: 1, ...fields }).PatNum as number;
		};
		const recall = (key: string, DateDue: string, fields: Partial<Recall> = {}) =>
			sim.insert('recall', { PatNum: patNum[key], RecallTypeNum: 1, DateDue, DatePrevious: '2025-06-01', ...fields });
		patient('lehrer', { LName: 'Lehrer', FName: 'Tom', Preferred: 'Andy', Birthdate: '1996-03-10', PreferRecallMethod: 'Email', Email: 'tom.lehrer@example.com', PriProv: 2 });
		patient('strickler', { LName: 'Strickler', FName: 'Trent', Birthdate: '1987-01-05', PreferRecallMethod: 'TextMessage', WirelessPhone: '(541)555-0134', ClinicNum: 2, PriProv: 1, SecProv: 3 });
		patient('cell', { LName: 'Abel', FName: 'Cal', Birthdate: '1987-01-06', PreferRecallMethod: 'WirelessPh', WirelessPhone: '(309)555-0142', ClinicNum: 0 });
		patient('work', { LName: 'Bright', FName: 'Wes', PreferRecallMethod: 'WkPhone', WkPhone: '(618)555-0155' });
		patient('mail', { LName: 'Cole', FName: 'May', Birthdate: '0001-01-01', PreferRecallMethod: 'Mail' });
		patient('dnc', { LName: 'Dunn', FName: 'Nat', PreferRecallMethod: 'DoNotCall' });
		patient('notes', { LName: 'Eames', FName: 'Sue', PreferRecallMethod: 'SeeNotes' });
		patient('home', { LName: 'Finch', FName: 'Hal', PreferRecallMethod: 'HmPhone', HmPhone: '(314)555-0177' });
		patient('none', { LName: 'Gray', FName: 'Ned', PreferRecallMethod: 'None', HmPhone: '' });
		patient('inactive', { LName: 'Hale', FName: 'Ina', PatStatus: 'Inactive' });
		patient('booked', { LName: 'Ives', FName: 'Bo' });
		patient('today', { LName: 'Jay', FName: 'Tod' });
		patient('past', { LName: 'Kay', FName: 'Pat' });

		recall('lehrer', '2026-01-10', { RecallStatus: 140, Note: 'Call after 3pm', NumRemind: 1, DateLastRemind: '2025-12-20' });
		recall('strickler', '2025-12-01');
		recall('strickler', '2025-12-01', { RecallTypeNum: 2, RecallInterval: '3m1d' });
		recall('cell', '2025-07-09');
		recall('work', '2026-02-04');
		recall('mail', '2025-07-08');
		recall('dnc', '2026-02-05');
		recall('notes', '2025-11-11', { IsDisabled: 'true' });
		recall('notes', '2025-11-12', { RecallTypeNum: 3, RecallInterval: '' });
		recall('home', '2025-09-30', { DisableUntilDate: '2026-01-06' });
		recall('none', '2025-10-01', { RecallStatus: 142, NumRemind: 2, DateLastRemind: '2026-01-02' });
		recall('inactive', '2025-10-02');
		recall('booked', '2025-10-03');
		recall('today', '2025-10-04');
		recall('past', '2025-10-05');
		recall('mail', '2025-10-06', { RecallTypeNum: 2, RecallInterval: '3m1d' });
		const appointment = (key: string, AptDateTime: string, AptStatus: string) =>
			sim.insert('appointment', { PatNum: patNum[key], AptDateTime, AptStatus, Op: 1, ClinicNum: 1 });
		appointment('booked', '2026-02-10 10:00:00', 'Scheduled');
		appointment('today', '2026-01-05 08:00:00', 'Scheduled');
		appointment('past', '2026-01-02 10:00:00', 'Scheduled');
		appointment('past', '2026-01-20 10:00:00', 'Broken');
	}

	const row = (key: string, DueDate: string, fields: Record<string, unknown>) => ({
		DueDate, PatNum: patNum[key], Patient: '', Age: '45', Type: 'Prophy', Interval: '6m1d', NumRemind: '', LastRemind: '',
		Contact: 'Hm:(217)555-0100', Status: '', ClinicNum: 1, Note: '', ...fields,
	});
	const rows = () => ({
		cell: row('cell', '7/9/2025', { Patient: 'Abel, Cal', Age: '38', Contact: 'Cell:(309)555-0142', ClinicNum: 0 }),
		mailPerio: row('mail', '10/6/2025', { Patient: 'Cole, May', Age: '0', Type: 'Perio', Interval: '3m1d', Contact: 'Mail' }),
		past: row('past', '10/5/2025', { Patient: 'Kay, Pat' }),
		strickler: row('strickler', '12/1/2025', { Patient: 'Strickler, Trent', Age: '39', Contact: 'Text:(541)555-0134', ClinicNum: 2 }),
		stricklerPerio: row('strickler', '12/1/2025', { Patient: 'Strickler, Trent', Age: '39', Type: 'Perio', Interval: '3m1d', Contact: 'Text:(541)555-0134', ClinicNum: 2 }),
		work: row('work', '2/4/2026', { Patient: 'Bright, Wes', Contact: 'Wk:(618)555-0155' }),
		none: row('none', '10/1/2025', { Patient: 'Gray, Ned', Contact: 'Hm:', Status: 'Mailed Postcard', NumRemind: '2', LastRemind: '1/2/2026' }),
		lehrer: row('lehrer', '1/10/2026', {
			Patient: "Lehrer, 'Andy' Tom", Age: '29', Contact: 'tom.lehrer@example.com', Status: 'Left Msg', Note: 'Call after 3pm',
			NumRemind: '1', LastRemind: '12/20/2025',
		}),
	});
	const list = async (query = '') => {
		const res = await call(sim, `/recalls/List${query}`);
		expect(res.status).toBe(200);
		return res.json;
	};

	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local', time, appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => office());

	it("lists due recalls of the listed types by due date then PatNum, as the Recall List renders them", async () => {
		const r = rows();
		// Default: due from 180 days ago to 30 days ahead, Prophy and Perio, nobody reminded,
		// booked, inactive or disabled.
		expect(await list()).toEqual([r.cell, r.past, r.mailPerio, r.strickler, r.stricklerPerio, r.work]);
	});

	it('includes the reminded with IncludeReminded=true, with their count and last date', async () => {
		const r = rows();
		expect(await list('?IncludeReminded=true')).toEqual([r.cell, r.none, r.past, r.mailPerio, r.strickler, r.stricklerPerio, r.lehrer, r.work]);
		expect(await list('?IncludeReminded=false')).toEqual(await list());
	});

	it('takes DateStart/DateEnd, ProvNum (primary or secondary), ClinicNum (0 = none), RecallType, Offset and Limit', async () => {
		const r = rows();
		expect(await list('?DateStart=2025-12-01&DateEnd=2026-02-04&IncludeReminded=true')).toEqual([r.strickler, r.stricklerPerio, r.lehrer, r.work]);
		expect(await list('?DateEnd=2025-10-05')).toEqual([r.cell, r.past]);
		expect(await list('?ProvNum=3')).toEqual([r.strickler, r.stricklerPerio]);
		expect(await list('?ProvNum=2&IncludeReminded=true')).toEqual([r.lehrer]);
		expect(await list('?ClinicNum=0')).toEqual([r.cell]);
		expect(await list('?ClinicNum=2')).toEqual([r.strickler, r.stricklerPerio]);
		expect(await list('?RecallType=Perio')).toEqual([r.mailPerio, r.stricklerPerio]);
		expect(await list('?RecallType=Child%20Prophy')).toEqual([
			row('notes', '11/12/2025', { Patient: 'Eames, Sue', Type: 'Child Prophy', Interval: '', Contact: 'See Notes' }),
		]);
		expect(await list('?Offset=2&Limit=2')).toEqual([r.mailPerio, r.strickler]);
	});

	it('lists Do Not Call patients as such once they are due', async () => {
		expect(await list('?DateStart=2026-02-05&DateEnd=2026-02-05')).toEqual([
			row('dnc', '2/5/2026', { Patient: 'Dunn, Nat', Contact: 'Do Not Call' }),
		]);
	});

	it.each([
		['?RecallType=Exam', 'RecallType must be one of: Prophy, Perio, Child Prophy, 4BW, Pano.'],
		['?DateStart=2026-13-01', 'DateStart format must be yyyy-MM-dd'],
		['?DateEnd=01/05/2026', 'DateEnd format must be yyyy-MM-dd'],
		['?IncludeReminded=maybe', 'IncludeReminded is invalid.'],
		['?ProvNum=DOC1', 'ProvNum is invalid.'],
	])('refuses %s with a 400', async (query, message) => {
		const res = await call(sim, `/recalls/List${query}`);
		expect([res.status, res.json]).toEqual([400, message]);
	});

	describe('PUT /recalls/Status', () => {
		const recallOf = (key: string, type = 1) => sim.records('recall').find((rc) => rc.PatNum === patNum[key] && rc.RecallTypeNum === type)!;
		const setStatus = async (body: unknown) => {
			const res = await send(sim, '/recalls/Status', body);
			return [res.status, res.status === 200 ? res.text : res.json];
		};
		const commlog = (PatNum: number, Note: string, Mode_: string, at = NOW) => ({
			CommlogNum: sim.records('commlog').length, PatNum, CommDateTime: at, CommType: '238', commType: 'Recall', Note, Mode_,
			SentOrReceived: 'Sent', UserNum: 0, DateTStamp: at, CommSource: 'User', ProgramNum: 0, DateTEntry: at, ReferralNum: 0,
		});

		it('sets the status, counts a reminder today and writes the Recall commlog', async () => {
			const before = recallOf('strickler');
			const later = '2026-01-05 09:30:00';
			sim.clock.set(later);
			expect(await setStatus({ PatNum: patNum.strickler, recallType: 'Prophy', RecallStatus: 141, commlogMode: 'Text' })).toEqual([200, '']);
			expect(recallOf('strickler')).toEqual({ ...before, RecallStatus: 141, recallStatus: 'Texted', NumRemind: 1, DateLastRemind: '2026-01-05', DateTStamp: later });
			expect(sim.records('commlog')).toEqual([commlog(patNum.strickler, 'Recall reminder. Status: Texted', 'Text', later)]);
			// Now reminded: off the default list, on the full one with its count.
			expect((await list()).map((r: { PatNum: number; Type: string }) => `${r.PatNum}/${r.Type}`)).not.toContain(`${patNum.strickler}/Prophy`);
			expect((await list('?ProvNum=3&IncludeReminded=true'))[0]).toEqual({ ...rows().strickler, Status: 'Texted', NumRemind: '1', LastRemind: '1/5/2026' });
			expect(recallOf('strickler', 2)).toMatchObject({ NumRemind: 0, RecallStatus: 0 });
		});

		it.each([
			['InPerson', 'In Person'], ['EmailAndText', 'Email and Text'], ['PhoneAndText', 'Phone and Text'], ['Mail', 'Mail'], ['None', 'None'],
		])('spells commlogMode %s as the commlog Mode_ %s', async (commlogMode, mode) => {
			expect(await setStatus({ PatNum: patNum.lehrer, recallType: 'Prophy', commlogMode, commlogNote: 'Postcard' })).toEqual([200, '']);
			expect(sim.records('commlog')).toEqual([commlog(patNum.lehrer, 'Postcard', mode)]);
			expect(recallOf('lehrer')).toMatchObject({ RecallStatus: 140, NumRemind: 2 });
		});

		it('keeps the status when none is given, clears it with 0; the commlog mode defaults to None', async () => {
			expect(await setStatus({ PatNum: patNum.lehrer, recallType: 'Prophy' })).toEqual([200, '']);
			expect(sim.records('commlog').at(-1)).toEqual(commlog(patNum.lehrer, 'Recall reminder. Status: Left Msg', 'None'));
			expect(await setStatus({ PatNum: patNum.lehrer, recallType: 'Prophy', RecallStatus: 0 })).toEqual([200, '']);
			expect(sim.records('commlog').at(-1)).toEqual(commlog(patNum.lehrer, 'Recall reminder. Status: None', 'None'));
			expect(recallOf('lehrer')).toMatchObject({ RecallStatus: 0, recallStatus: '', NumRemind: 3 });
		});

		it.each([
			[{ recallType: 'Prophy' }, 400, 'PatNum is required.'],
			[{ PatNum: 1 }, 400, 'recallType is required.'],
			[{ PatNum: 999, recallType: 'Prophy' }, 404, 'Patient not found.'],
			[{ PatNum: 1, recallType: 'Perio' }, 400, 'Patient 1 has no recall of type "Perio".'],
			[{ PatNum: 1, recallType: 'Exam' }, 400, 'Patient 1 has no recall of type "Exam".'],
			[{ PatNum: 1, recallType: 'Prophy', RecallStatus: 145 }, 400, 'RecallStatus must be 0 or the DefNum of a visible recall status (definition Category 13).'],
			[{ PatNum: 1, recallType: 'Prophy', RecallStatus: 19 }, 400, 'RecallStatus must be 0 or the DefNum of a visible recall status (definition Category 13).'],
			[{ PatNum: 1, recallType: 'Prophy', commlogMode: 'In Person' }, 400, 'commlogMode must be one of: None, Email, Mail, Phone, InPerson, Text, EmailAndText, PhoneAndText.'],
			[{ PatNum: 1, recallType: 'Prophy', commlogNote: 5 }, 400, 'commlogNote is invalid.'],
		])('refuses %j (%i) and changes nothing', async (body, status, message) => {
			const recalls = sim.records('recall');
			expect(await setStatus(body)).toEqual([status, message]);
			expect(sim.records('recall')).toEqual(recalls);
			expect(sim.records('commlog')).toEqual([]);
		});
	});
});
