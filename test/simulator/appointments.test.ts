// The seeded schedule and the appointment reads.
import { type Appointment, manualTime, type Simulator, startSimulator } from '../../simulator';
import { call } from './helpers';

// Documented order of the appointment object (docs §10.1), serverDateTime first on GET.
const FIELDS = [
	'AptNum', 'PatNum', 'AptStatus', 'Pattern', 'Confirmed', 'confirmed', 'TimeLocked', 'Op', 'Note', 'ProvNum', 'provAbbr',
	'ProvHyg', 'AptDateTime', 'NextAptNum', 'UnschedStatus', 'unschedStatus', 'IsNewPatient', 'ProcDescript', 'ClinicNum',
	'IsHygiene', 'DateTStamp', 'DateTimeArrived', 'DateTimeSeated', 'DateTimeDismissed', 'InsPlan1', 'InsPlan2',
	'DateTimeAskedToArrive', 'colorOverride', 'AppointmentTypeNum', 'SecUserNumEntry', 'SecDateTEntry', 'Priority',
	'PatternSecondary', 'ItemOrderPlanned',
];
const CONFIRMED_NAMES: Record<number, string> = {
	19: 'Not Called', 20: 'Unconfirmed', 21: 'Appointment Confirmed', 22: 'Left Message', 23: 'Texted', 24: 'eConfirm Sent',
	25: 'eConfirm Accepted', 26: 'eConfirm Declined', 27: 'eConfirm Failed',
};
const PROVIDER_ABBR: Record<number, string> = { 1: 'DOC1', 2: 'DOC2', 3: 'HYG1', 4: 'HYG2' };
const NO_DATETIME = '0001-01-01 00:00:00';
// 2026-01-05 is a Monday; the schedule runs 2025-12-29 (Mon) to 2026-01-19 (Mon).
const WEEKDAYS = [
	'2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07',
	'2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-19',
];

const day = (apt: Appointment) => apt.AptDateTime.slice(0, 10);
const minutes = (apt: Appointment) => Number(apt.AptDateTime.slice(11, 13)) * 60 + Number(apt.AptDateTime.slice(14, 16));
const withServerTime = (rows: Appointment[], serverDateTime: string) => rows.map((row) => ({ serverDateTime, ...row }));

describe('simulator: seeded appointments', () => {
	let sim: Simulator;
	let all: Appointment[];
	const time = manualTime();
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time, appointments: { anchorDate: '2026-01-05' } });
		all = sim.records('appointment');
	});
	afterAll(() => sim.close());

	it('fills each weekday around the anchor with 12 appointments, plus Unscheduled List and Planned ones', () => {
		const onSchedule = all.filter((apt) => apt.AptDateTime !== NO_DATETIME);
		expect([...new Set(onSchedule.map(day))].sort()).toEqual(WEEKDAYS);
		for (const weekday of WEEKDAYS) expect([weekday, onSchedule.filter((apt) => day(apt) === weekday).length]).toEqual([weekday, 12]);
		const off = all.filter((apt) => apt.AptDateTime === NO_DATETIME);
		expect(off.map((apt) => apt.AptStatus).sort()).toEqual(['Planned', 'Planned', 'Planned', 'Planned', 'UnschedList', 'UnschedList', 'UnschedList', 'UnschedList']);
		for (const apt of off) expect([apt.Op, apt.DateTimeArrived, apt.ItemOrderPlanned]).toEqual([0, NO_DATETIME, apt.AptStatus === 'Planned' ? 1 : 0]);
		expect(all.map((apt) => apt.AptNum)).toEqual(all.map((_, index) => index + 1));
	});

	it('books open chairs between 08:00 and 17:00 in 5-minute steps, never two at once in a chair', () => {
		const onSchedule = all.filter((apt) => apt.AptDateTime !== NO_DATETIME);
		for (const apt of onSchedule) {
			expect(apt.AptDateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:[0-5][05]:00$/);
			expect(minutes(apt)).toBeGreaterThanOrEqual(8 * 60);
			expect(minutes(apt) + apt.Pattern.length * 5).toBeLessThanOrEqual(17 * 60);
			expect(apt.Pattern).toMatch(/^[X/]{6,18}$/);
			expect(apt.PatternSecondary).toBe('/'.repeat(apt.Pattern.length));
			expect([1, 2, 3, 4, 5]).toContain(apt.Op);
			expect([apt.Op <= 3 ? 1 : 2, 0]).toContain(apt.ClinicNum);
		}
		for (const weekday of WEEKDAYS) {
			for (const op of [1, 2, 3, 4, 5]) {
				const chair = onSchedule.filter((apt) => day(apt) === weekday && apt.Op === op).sort((a, b) => minutes(a) - minutes(b));
				chair.slice(1).forEach((apt, index) => expect(minutes(apt)).toBeGreaterThanOrEqual(minutes(chair[index]) + chair[index].Pattern.length * 5));
			}
		}
		expect(onSchedule.some((apt) => apt.ClinicNum === 0)).toBe(true);
	});

	it('sees patients of status Patient, several of them more than once', () => {
		const status = new Map(sim.patients().map((p) => [p.PatNum, p.PatStatus]));
		for (const apt of all) expect(status.get(apt.PatNum)).toBe('Patient');
		const visits = new Map<number, number>();
		for (const apt of all) visits.set(apt.PatNum, (visits.get(apt.PatNum) ?? 0) + 1);
		expect([...visits.values()].filter((count) => count >= 2).length).toBeGreaterThan(5);
	});

	it('has completed and broken visits before the anchor day, scheduled ones in a mix of confirmations from it on', () => {
		const past = all.filter((apt) => apt.AptDateTime !== NO_DATETIME && day(apt) < '2026-01-05');
		const ahead = all.filter((apt) => day(apt) >= '2026-01-05');
		expect(new Set(past.map((apt) => apt.AptStatus))).toEqual(new Set(['Complete', 'Broken', 'PtNote']));
		expect(new Set(ahead.map((apt) => apt.AptStatus))).toEqual(new Set(['Scheduled', 'Broken', 'PtNote']));
		expect(past.filter((apt) => apt.AptStatus === 'Complete').length).toBeGreaterThan(past.length / 2);
		expect(ahead.filter((apt) => apt.AptStatus === 'Scheduled').length).toBeGreaterThan(ahead.length * 0.8);
		const confirmations = new Set(ahead.filter((apt) => apt.AptStatus === 'Scheduled').map((apt) => apt.Confirmed));
		expect(confirmations.size).toBeGreaterThanOrEqual(7);
		for (const apt of all.filter((a) => a.AptStatus === 'Complete')) {
			expect(apt.DateTimeArrived < apt.DateTimeDismissed && apt.DateTimeSeated < apt.DateTimeDismissed).toBe(true);
		}
		for (const apt of all.filter((a) => a.AptStatus !== 'Complete')) expect([apt.DateTimeArrived, apt.DateTimeSeated]).toEqual([NO_DATETIME, NO_DATETIME]);
	});

	it('keeps the text fields true to their keys, hygiene with a hygienist, and stamps before the anchor day', () => {
		for (const apt of all) {
			expect(Object.keys(apt)).toEqual(FIELDS);
			expect(apt.confirmed).toBe(CONFIRMED_NAMES[apt.Confirmed]);
			expect(apt.provAbbr).toBe(PROVIDER_ABBR[apt.ProvNum]);
			expect(apt.unschedStatus).toBe({ 0: '', 140: 'Left Msg', 141: 'Texted' }[apt.UnschedStatus]);
			expect([1, 2]).toContain(apt.ProvNum);
			expect(apt.ProvHyg).toBe(apt.IsHygiene === 'true' && apt.Op ? (apt.Op === 3 ? 3 : 4) : 0);
			for (const flag of [apt.IsHygiene, apt.IsNewPatient, apt.TimeLocked]) expect(['true', 'false']).toContain(flag);
			expect(apt.IsNewPatient).toBe(String(apt.AppointmentTypeNum === 1));
			expect(apt.SecDateTEntry <= apt.DateTStamp).toBe(true);
			expect(apt.DateTStamp < '2026-01-05 00:00:00').toBe(true);
		}
		const entries = all.map((apt) => apt.SecDateTEntry);
		expect(entries).toEqual([...entries].sort());
		expect(new Set(all.map((apt) => apt.AppointmentTypeNum))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
	});

	it('is the same for the same seed and anchor, and follows the office today when no anchor is set', async () => {
		const other = await startSimulator({ time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
		try {
			expect(other.records('appointment')).toEqual(all);
			other.configure({ appointments: { anchorDate: null, perDay: 3, daysBefore: 0, daysAfter: 0 } });
			other.clock.set('2026-03-11 10:00:00');
			other.seed();
			const wednesday = other.records('appointment').filter((apt) => apt.AptDateTime !== NO_DATETIME);
			expect(wednesday.map(day)).toEqual(['2026-03-11', '2026-03-11', '2026-03-11']);
			other.clock.set('2026-03-14 10:00:00');
			other.seed();
			expect(other.records('appointment')).toEqual([]);
			// A Saturday: closed, unless the office opens on weekends.
			other.configure({ appointments: { openOnWeekends: true } });
			other.seed();
			expect(other.records('appointment').filter((apt) => apt.AptDateTime !== NO_DATETIME).map(day)).toEqual(['2026-03-14', '2026-03-14', '2026-03-14']);
			expect(() => other.configure({ appointments: { openOnWeekends: 'yes' as unknown as boolean } })).toThrow('appointments.openOnWeekends must be a boolean');
			expect(() => other.configure({ appointments: { anchorDate: '2026-02-30' } })).toThrow('appointments.anchorDate must be null or a date "yyyy-MM-dd"');
			expect(() => other.configure({ appointments: { perDay: 101 } })).toThrow('appointments.perDay must be an integer from 0 to 100');
		} finally {
			await other.close();
		}
	});
});

describe('simulator: GET /appointments', () => {
	let sim: Simulator;
	let all: Appointment[];
	const time = manualTime();
	const NOW = '2026-01-05 09:00:00';
	const list = async (query: string) => (await call(sim, `/appointments?${query}`)).json;
	const expectFilter = async (query: string, keep: (apt: Appointment) => boolean) => {
		const expected = all.filter(keep);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(all.length);
		expect([query, await list(query)]).toEqual([query, withServerTime(expected, NOW)]);
	};
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local', time, appointments: { anchorDate: '2026-01-05' } });
		all = sim.records('appointment');
	});
	afterAll(() => sim.close());

	it('GET /appointments/{AptNum} answers the whole appointment, serverDateTime first', async () => {
		const res = await call(sim, '/appointments/17');
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['serverDateTime', ...FIELDS]);
		expect(res.json).toEqual({ serverDateTime: NOW, ...all[16] });
		expect(await call(sim, '/appointments/999')).toMatchObject({ status: 404, json: 'Appointment not found.' });
		expect(await call(sim, '/appointments/ASAP')).toMatchObject({ status: 400, json: 'AptNum is invalid.' });
	});

	it('lists every appointment in AptNum order, serverDateTime first in each row, paged', async () => {
		expect(await list('')).toEqual(withServerTime(all, NOW));
		sim.configure({ mode: 'remote' });
		try {
			expect(await list('')).toEqual(withServerTime(all.slice(0, 100), NOW));
			expect(await list('Offset=100')).toEqual(withServerTime(all.slice(100, 200), NOW));
			expect(await list('Offset=195&Limit=3')).toEqual(withServerTime(all.slice(195, 198), NOW));
			expect(await list('Offset=200')).toEqual([]);
		} finally {
			sim.configure({ mode: 'local' });
		}
	});

	it('filters by PatNum, AptStatus, Op, ClinicNum (0 = none) and AppointmentTypeNum', async () => {
		const patNum = all[10].PatNum;
		await expectFilter(`PatNum=${patNum}`, (apt) => apt.PatNum === patNum);
		for (const status of ['Scheduled', 'Complete', 'Broken', 'UnschedList', 'Planned', 'PtNote']) {
			await expectFilter(`AptStatus=${status}`, (apt) => apt.AptStatus === status);
		}
		expect(await list('AptStatus=ASAP')).toEqual([]);
		expect(await list('AptStatus=PtNoteCompleted')).toEqual([]);
		await expectFilter('Op=3', (apt) => apt.Op === 3);
		await expectFilter('Op=0', (apt) => apt.Op === 0);
		await expectFilter('ClinicNum=0', (apt) => apt.ClinicNum === 0);
		await expectFilter('ClinicNum=2', (apt) => apt.ClinicNum === 2);
		await expectFilter('AppointmentTypeNum=2', (apt) => apt.AppointmentTypeNum === 2);
		await expectFilter('AptStatus=Scheduled&ClinicNum=1&Op=1', (apt) => apt.AptStatus === 'Scheduled' && apt.ClinicNum === 1 && apt.Op === 1);
	});

	it('filters by office day: date, dateStart and dateEnd inclusive, either alone', async () => {
		await expectFilter('date=2026-01-07', (apt) => day(apt) === '2026-01-07');
		await expectFilter('dateStart=2026-01-12', (apt) => day(apt) >= '2026-01-12');
		await expectFilter('dateEnd=2025-12-31', (apt) => day(apt) <= '2025-12-31');
		await expectFilter('dateStart=2026-01-06&dateEnd=2026-01-08', (apt) => day(apt) >= '2026-01-06' && day(apt) <= '2026-01-08');
		expect(await list('date=2026-01-10')).toEqual([]);
		for (const query of ['date=2026-1-7', 'dateStart=tomorrow', 'dateEnd=2026-02-30']) {
			const res = await call(sim, `/appointments?${query}`);
			expect([res.status, res.json]).toEqual([400, `${query.split('=')[0]} format must be yyyy-MM-dd`]);
		}
		const bad = await call(sim, '/appointments?AptStatus=Cancelled');
		expect([bad.status, bad.json]).toEqual([400, 'AptStatus is invalid.']);
	});

	it('filters by DateTStamp (>=): changes made now are found from serverDateTime on', async () => {
		const stamp = all[40].DateTStamp;
		await expectFilter(`DateTStamp=${stamp}`, (apt) => apt.DateTStamp >= stamp);
		expect(await list(`DateTStamp=${encodeURIComponent(NOW)}`)).toEqual([]);
		time.advance(5000);
		sim.touch('appointment', 12);
		sim.update('appointment', 7, { Note: 'Moved' });
		const changed = sim.records('appointment').filter((apt) => [7, 12].includes(apt.AptNum));
		expect(changed.map((apt) => apt.DateTStamp)).toEqual(['2026-01-05 09:00:05', '2026-01-05 09:00:05']);
		expect(await list(`DateTStamp=${encodeURIComponent(NOW)}`)).toEqual(withServerTime(changed, '2026-01-05 09:00:05'));
		expect(await list('DateTStamp=2026-01-05')).toEqual(withServerTime(changed, '2026-01-05 09:00:05'));
	});
});
