// The seeded communication log, its reads, and POST /commlogs.
import { type Commlog, manualTime, type Simulator, startSimulator } from '../../simulator';
import { call, send } from './helpers';

const FIELDS = [
	'CommlogNum', 'PatNum', 'CommDateTime', 'CommType', 'commType', 'Note', 'Mode_', 'SentOrReceived', 'UserNum',
	'DateTStamp', 'CommSource', 'ProgramNum', 'DateTEntry', 'ReferralNum',
];
const TYPE_NAMES: Record<string, string> = { 235: 'ApptRelated', 236: 'Insurance', 237: 'FinancialRelated', 238: 'Recall', 239: 'Misc', 240: 'Text' };
const NOW = '2026-01-05 09:00:00';
const usDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}/${date.slice(0, 4)}`;

describe('simulator: commlogs', () => {
	let sim: Simulator;
	let all: Commlog[];
	const time = manualTime();
	const withServerTime = (rows: Commlog[]) => rows.map((row) => ({ serverDateTime: NOW, ...row }));
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local', time, appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
		sim.clock.set(NOW);
		all = sim.records('commlog');
	});

	it('logs every recall reminder, the reminders behind confirmation statuses and a few office notes', () => {
		const reminded = sim.records('recall').filter((recall) => recall.NumRemind > 0);
		const recallLogs = all.filter((log) => log.commType === 'Recall');
		expect(recallLogs.map((log) => [log.PatNum, log.CommDateTime.slice(0, 10)]).sort())
			.toEqual(reminded.map((recall) => [recall.PatNum, recall.DateLastRemind]).sort());
		const reachedOut = sim.records('appointment').filter((apt) => apt.Confirmed >= 22 && apt.Confirmed <= 27 && apt.AptStatus !== 'PtNote');
		const apptLogs = all.filter((log) => log.commType === 'ApptRelated');
		expect(apptLogs.map((log) => log.PatNum).sort()).toEqual(reachedOut.map((apt) => apt.PatNum).sort());
		for (const log of apptLogs) expect(log.Note).toMatch(/^(Left message about appointment|Texted appointment reminder|eConfirmation .*) for \d+\/\d+\/\d{4}$/);
		expect(reachedOut.every((apt) => apptLogs.some((log) => log.PatNum === apt.PatNum && log.Note.endsWith(`for ${usDate(apt.AptDateTime)}`)))).toBe(true);
		expect(all.filter((log) => !['Recall', 'ApptRelated'].includes(log.commType)).length).toBeGreaterThan(2);

		const patients = new Set(sim.patients().map((p) => p.PatNum));
		for (const log of all) {
			expect(Object.keys(log)).toEqual(FIELDS);
			expect(patients.has(log.PatNum)).toBe(true);
			expect(log.commType).toBe(TYPE_NAMES[log.CommType]);
			expect(log.CommDateTime <= log.DateTEntry && log.DateTEntry === log.DateTStamp && log.DateTStamp < '2026-01-05 00:00:00').toBe(true);
			expect(['User', 'ApptReminder']).toContain(log.CommSource);
		}
		expect(all.map((log) => log.CommlogNum)).toEqual(all.map((_, index) => index + 1));
		const times = all.map((log) => log.CommDateTime);
		expect(times).toEqual([...times].sort());
	});

	it('GET /commlogs/{CommlogNum} answers the commlog; an unknown one is 404', async () => {
		expect((await call(sim, '/commlogs/3')).json).toEqual(all[2]);
		expect(await call(sim, '/commlogs/99999')).toMatchObject({ status: 404, json: 'Commlog not found.' });
		expect(await call(sim, '/commlogs/x')).toMatchObject({ status: 400, json: 'CommlogNum is invalid.' });
	});

	it('GET /commlogs lists in CommlogNum order with serverDateTime first, by PatNum and DateTStamp (>=)', async () => {
		expect((await call(sim, '/commlogs')).json).toEqual(withServerTime(all));
		const patNum = all[0].PatNum;
		expect((await call(sim, `/commlogs?PatNum=${patNum}`)).json).toEqual(withServerTime(all.filter((log) => log.PatNum === patNum)));
		const since = all[Math.floor(all.length / 2)].DateTStamp;
		const recent = all.filter((log) => log.DateTStamp >= since);
		expect(recent.length).toBeLessThan(all.length);
		expect((await call(sim, `/commlogs?DateTStamp=${encodeURIComponent(since)}`)).json).toEqual(withServerTime(recent));
		expect((await call(sim, '/commlogs?Limit=2&Offset=5')).json).toEqual(withServerTime(all.slice(5, 7)));
		expect(await call(sim, '/commlogs?PatNum=abc')).toMatchObject({ status: 400, json: 'PatNum is invalid.' });
		expect(await call(sim, '/commlogs?DateTStamp=yesterday')).toMatchObject({ status: 400, json: 'DateTStamp format must be yyyy-MM-dd HH:mm:ss' });
	});

	it('POST /commlogs stores the commlog with the documented defaults: now, Misc, Phone, Sent', async () => {
		const res = await send(sim, '/commlogs', { PatNum: 5, Note: 'Left msg on answering machine' }, { method: 'POST' });
		const expected: Commlog = {
			CommlogNum: all.length + 1, PatNum: 5, CommDateTime: NOW, CommType: '239', commType: 'Misc', Note: 'Left msg on answering machine',
			Mode_: 'Phone', SentOrReceived: 'Sent', UserNum: 0, DateTStamp: NOW, CommSource: 'User', ProgramNum: 0, DateTEntry: NOW, ReferralNum: 0,
		};
		expect([res.status, res.json]).toEqual([201, expected]);
		expect(sim.records('commlog')).toEqual([...all, expected]);
		expect((await call(sim, `/commlogs?PatNum=5&DateTStamp=${encodeURIComponent(NOW)}`)).json).toEqual(withServerTime([expected]));
	});

	it('POST /commlogs takes the time, type (the name wins over the DefNum), mode and direction given', async () => {
		const first = await send(sim, '/commlogs', {
			PatNum: 30, commType: 'ApptRelated', CommType: 236, CommDateTime: '2026-01-04 11:15:00', Mode_: 'Text', SentOrReceived: 'Received',
			Note: 'Appointment confirmed for 9:15am.',
		}, { method: 'POST' });
		expect(first.json).toMatchObject({ CommDateTime: '2026-01-04 11:15:00', CommType: '235', commType: 'ApptRelated', Mode_: 'Text', SentOrReceived: 'Received', DateTEntry: NOW });
		const byNumber = await send(sim, '/commlogs', { PatNum: 30, CommType: 236, Note: 'a', Mode_: 'Email and Text' }, { method: 'POST' });
		expect(byNumber.json).toMatchObject({ CommType: '236', commType: 'Insurance', Mode_: 'Email and Text' });
		const byText = await send(sim, '/commlogs', { PatNum: 30, CommType: '238', Note: 'b', SentOrReceived: 'Neither' }, { method: 'POST' });
		expect(byText.json).toMatchObject({ CommType: '238', commType: 'Recall', SentOrReceived: 'Neither' });
	});

	it.each([
		[{ Note: 'x' }, 400, 'PatNum is required.'],
		[{ PatNum: '5', Note: 'x' }, 400, 'PatNum is invalid.'],
		[{ PatNum: 5 }, 400, 'Note is required.'],
		[{ PatNum: 5, Note: '' }, 400, 'Note is required.'],
		[{ PatNum: 99999, Note: 'x' }, 404, 'Patient not found.'],
		[{ PatNum: 5, Note: 'x', CommDateTime: '2026-01-04' }, 400, 'CommDateTime format must be yyyy-MM-dd HH:mm:ss'],
		[{ PatNum: 5, Note: 'x', commType: 'Carrier Pigeon' }, 400, 'commType "Carrier Pigeon" is not a commlog type (definition Category 27).'],
		[{ PatNum: 5, Note: 'x', CommType: 19 }, 400, 'CommType must be the DefNum of a commlog type (definition Category 27).'],
		[{ PatNum: 5, Note: 'x', Mode_: 'Fax' }, 400, 'Mode_ must be one of: None, Email, Mail, Phone, In Person, Text, Email and Text, Phone and Text.'],
		[{ PatNum: 5, Note: 'x', Mode_: 'InPerson' }, 400, 'Mode_ must be one of: None, Email, Mail, Phone, In Person, Text, Email and Text, Phone and Text.'],
		[{ PatNum: 5, Note: 'x', SentOrReceived: 'Both' }, 400, 'SentOrReceived must be one of: Neither, Sent, Received.'],
	])('POST /commlogs refuses %j (%i) and stores nothing', async (body, status, message) => {
		const res = await send(sim, '/commlogs', body, { method: 'POST' });
		expect([res.status, res.json]).toEqual([status, message]);
		expect(sim.records('commlog')).toEqual(all);
	});

	it('POST /commlogs refuses a deleted patient', async () => {
		const deleted = sim.patients().find((p) => p.PatStatus === 'Deleted')!;
		const res = await send(sim, '/commlogs', { PatNum: deleted.PatNum, Note: 'x' }, { method: 'POST' });
		expect([res.status, res.json]).toEqual([400, 'Patient is deleted.']);
	});
});
