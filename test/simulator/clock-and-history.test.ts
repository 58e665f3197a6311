// The frozen office clock, the appointments' history (GET /histappointments) and deleting records.
import { type Appointment, type HistAppointment, manualTime, type Simulator, startSimulator } from '../../simulator';
import { call, control, send, useOfficeAt } from './helpers';

const NOW = '2026-01-05 10:20:30';
const HIST_FIELDS = ['HistApptNum', 'HistUserNum', 'HistDateTStamp', 'HistApptAction', 'ApptSource'];
type Row = HistAppointment & { serverDateTime: string };
const nums = (rows: Row[]) => rows.map((row) => row.HistApptNum);

describe('simulator: frozen office clock', () => {
	it('holds the second until set or advance moves it, and runs on from there when unfrozen', async () => {
		const time = manualTime();
		const sim = await startSimulator({ time, throttle: { mode: 'off' } });
		try {
			expect(sim.clock.now()).toBe('2026-01-05 09:00:00');
			time.advance(1500);
			sim.clock.freeze();
			expect([sim.clock.now(), sim.clock.isFrozen()]).toEqual(['2026-01-05 09:00:01', true]);
			time.advance(10000);
			expect(sim.clock.now()).toBe('2026-01-05 09:00:01');
			sim.clock.advance(500);
			time.advance(999);
			expect(sim.clock.now()).toBe('2026-01-05 09:00:02');
			sim.clock.unfreeze();
			expect([sim.clock.now(), sim.clock.isFrozen()]).toEqual(['2026-01-05 09:00:02', false]);
			time.advance(999);
			expect(sim.clock.now()).toBe('2026-01-05 09:00:02');
			time.advance(1);
			expect(sim.clock.now()).toBe('2026-01-05 09:00:03');

			sim.clock.set('2026-01-06 08:00:00');
			sim.clock.freeze();
			time.advance(3600000);
			expect([sim.clock.now(), sim.clock.today()]).toEqual(['2026-01-06 08:00:00', '2026-01-06']);
			sim.clock.set('2026-01-07 07:00:00');
			expect([sim.clock.now(), sim.clock.isFrozen()]).toEqual(['2026-01-07 07:00:00', true]);
			// 15:00:00 UTC + 1:00:13.499 of manual time, in Chicago.
			sim.clock.reset();
			expect([sim.clock.now(), sim.clock.isFrozen()]).toEqual(['2026-01-05 10:00:13', false]);
		} finally {
			await sim.close();
		}
	});

	it('freezes through POST /__sim/clock, with set and advanceMs in the same call; reset unfreezes', async () => {
		const time = manualTime();
		const sim = await startSimulator({ time, throttle: { mode: 'off' } });
		try {
			expect((await control(sim, 'GET', '/clock')).json).toEqual({ now: '2026-01-05 09:00:00', frozen: false });
			expect((await control(sim, 'POST', '/clock', { set: NOW, freeze: true })).json).toEqual({ now: NOW, frozen: true });
			time.advance(5000);
			expect((await control(sim, 'POST', '/clock', { advanceMs: 1000 })).json).toEqual({ now: '2026-01-05 10:20:31', frozen: true });
			expect((await control(sim, 'POST', '/clock', { freeze: 'yes' })).json).toEqual({ error: 'freeze must be true or false' });
			expect((await control(sim, 'POST', '/clock', { freeze: false, advanceMs: 1000 })).json).toEqual({ now: '2026-01-05 10:20:32', frozen: false });
			time.advance(1000);
			expect((await control(sim, 'GET', '/clock')).json).toEqual({ now: '2026-01-05 10:20:33', frozen: false });
			await control(sim, 'POST', '/clock', { freeze: true });
			expect((await control(sim, 'POST', '/reset')).status).toBe(200);
			expect((await control(sim, 'GET', '/clock')).json).toEqual({ now: '2026-01-05 09:00:06', frozen: false });
		} finally {
			await sim.close();
		}
	});
});

describe('simulator: appointment history and deletes', () => {
	let sim: Simulator;
	let seeded: Appointment[];
	const office = useOfficeAt(NOW, { frozen: true });
	beforeEach(() => {
		sim = office();
		seeded = sim.records('appointment');
	});
	const history = (): HistAppointment[] => sim.records('histappointment');
	const current = (aptNum: number) => sim.records('appointment').find((apt) => apt.AptNum === aptNum) as Appointment;
	const row = (HistApptNum: number, HistApptAction: string, appointment: Appointment, HistUserNum = 1, HistDateTStamp = NOW) => ({
		HistApptNum, HistUserNum, HistDateTStamp, HistApptAction, ApptSource: 'None', ...appointment,
	});

	it('starts empty: the seed writes no history', async () => {
		expect(history()).toEqual([]);
		expect((await call(sim, '/histappointments')).json).toEqual([]);
	});

	it('writes Created, Changed and Deleted rows for inserts, changes, touches and removals; keys are not reused', () => {
		const count = seeded.length;
		expect(sim.insert('appointment', { PatNum: 3, Op: 2, AptDateTime: '2026-01-07 10:00:00', ProvNum: 2 }).AptNum).toBe(count + 1);
		const inserted = current(count + 1);
		expect(sim.update('appointment', count + 1, { Note: 'x' })).toEqual({ ...inserted, Note: 'x' });
		const changed = current(count + 1);
		sim.clock.advance(1000);
		expect(sim.touch('appointment', 1)).toEqual({ ...seeded[0], DateTStamp: '2026-01-05 10:20:31' });
		const removed = sim.remove('appointment', count + 1);
		expect(removed).toEqual(changed);
		expect([sim.remove('appointment', count + 1), sim.update('appointment', count + 1, {}), sim.touch('appointment', 99999)]).toEqual([null, null, null]);
		expect(history()).toEqual([
			row(1, 'Created', inserted),
			row(2, 'Changed', { ...inserted, Note: 'x' }),
			row(3, 'Changed', { ...seeded[0], DateTStamp: '2026-01-05 10:20:31' }, 1, '2026-01-05 10:20:31'),
			// The appointment as it last stood: its DateTStamp is the last change's, the row's stamp is now.
			row(4, 'Deleted', { ...inserted, Note: 'x', DateTStamp: NOW }, 1, '2026-01-05 10:20:31'),
		]);
		expect(Object.keys(history()[0])).toEqual([...HIST_FIELDS, ...Object.keys(inserted)]);
		expect(sim.records('appointment').map((apt) => apt.AptNum).slice(-2)).toEqual([count - 1, count]);
		expect(sim.insert('appointment', { PatNum: 4 }).AptNum).toBe(count + 2);
		// Other tables keep no history.
		sim.update('patient', 1, { Email: 'a@example.com' });
		sim.insert('commlog', { PatNum: 1, Note: 'n' });
		expect(sim.remove('commlog', 1)).toMatchObject({ CommlogNum: 1 });
		expect(history().map((hist) => hist.HistApptNum)).toEqual([1, 2, 3, 4, 5]);
	});

	it('records the API writes as user 0: Confirm and Note as Changed, Break as Missed, Cancelled or Changed', async () => {
		const [a, b, c] = seeded.filter((apt) => apt.AptStatus === 'Scheduled' && apt.Confirmed !== 25);
		expect((await send(sim, `/appointments/${a.AptNum}/Confirm`, { confirmVal: 'Confirmed' })).status).toBe(200);
		expect((await send(sim, `/appointments/${a.AptNum}/Confirm`, { confirmVal: 'Confirmed' })).status).toBe(200);
		expect((await send(sim, `/appointments/${a.AptNum}/Note`, { Note: 'Called' })).status).toBe(200);
		await send(sim, `/appointments/${a.AptNum}/Break`, { sendToUnscheduledList: 'false', breakType: 'Missed' });
		await send(sim, `/appointments/${b.AptNum}/Break`, { sendToUnscheduledList: 'true', breakType: 'Cancelled' });
		await send(sim, `/appointments/${c.AptNum}/Break`, { sendToUnscheduledList: 'false' });
		const stamped = { DateTStamp: NOW };
		const confirmed = { ...a, ...stamped, Confirmed: 25, confirmed: 'eConfirm Accepted' };
		const noted = { ...confirmed, Note: a.Note ? `${a.Note}\r\nCalled` : 'Called' };
		expect(history()).toEqual([
			row(1, 'Changed', confirmed, 0),
			row(2, 'Changed', noted, 0),
			row(3, 'Missed', { ...noted, AptStatus: 'Broken' }, 0),
			row(4, 'Cancelled', { ...b, ...stamped, AptStatus: 'UnschedList', Op: 0 }, 0),
			row(5, 'Changed', { ...c, ...stamped, AptStatus: 'Broken' }, 0),
		]);
		expect([current(a.AptNum), current(b.AptNum), current(c.AptNum)]).toEqual([
			{ ...noted, AptStatus: 'Broken' }, { ...b, ...stamped, AptStatus: 'UnschedList', Op: 0 }, { ...c, ...stamped, AptStatus: 'Broken' },
		]);
	});

	it('serves GET /histappointments with the documented filters, serverDateTime first, in HistApptNum order', async () => {
		const on = (day: string, notPat: number[] = []) =>
			seeded.find((apt) => apt.AptStatus === 'Scheduled' && apt.AptDateTime.startsWith(day) && !notPat.includes(apt.PatNum)) as Appointment;
		const a = on('2026-01-06');
		const b = on('2026-01-07', [a.PatNum]);
		const c = seeded.find((apt) => apt.AptStatus === 'UnschedList' && ![a.PatNum, b.PatNum].includes(apt.PatNum)) as Appointment;
		sim.update('appointment', a.AptNum, { Note: 'n1' });
		sim.remove('appointment', b.AptNum);
		sim.insert('appointment', { PatNum: a.PatNum, AptDateTime: '2026-01-08 09:00:00', Op: 1, ClinicNum: 1 });
		sim.touch('appointment', c.AptNum);
		await send(sim, `/appointments/${a.AptNum}/Break`, { sendToUnscheduledList: 'false', breakType: 'Missed' });

		const all = (await call(sim, '/histappointments')).json as Row[];
		expect(all).toEqual(history().map((hist) => ({ serverDateTime: NOW, ...hist })));
		expect(Object.keys(all[0]).slice(0, 7)).toEqual(['serverDateTime', ...HIST_FIELDS, 'AptNum']);
		expect(all.map((hist) => [hist.HistApptNum, hist.HistApptAction, hist.AptNum]))
			.toEqual([[1, 'Changed', a.AptNum], [2, 'Deleted', b.AptNum], [3, 'Created', seeded.length + 1], [4, 'Changed', c.AptNum], [5, 'Missed', a.AptNum]]);
		const read = async (query: string) => nums((await call(sim, `/histappointments?${query}`)).json);
		expect(await read('HistApptAction=Deleted')).toEqual([2]);
		expect(await read('HistApptAction=Changed')).toEqual([1, 4]);
		expect(await read(`AptNum=${a.AptNum}`)).toEqual([1, 5]);
		expect(await read(`PatNum=${a.PatNum}`)).toEqual([1, 3, 5]);
		expect(await read('AptStatus=Scheduled')).toEqual([1, 2, 3]);
		expect(await read('AptStatus=Broken')).toEqual([5]);
		expect(await read('AptStatus=UnschedList')).toEqual([4]);
		expect(await read('ClinicNum=1')).toEqual(all.filter((hist) => hist.ClinicNum === 1).map((hist) => hist.HistApptNum));
		expect((await read('ClinicNum=1')).includes(3)).toBe(true);
		// The dates are those of AptDateTime; an unscheduled appointment's is 0001-01-01.
		expect(await read('date=2026-01-06')).toEqual([1, 5]);
		expect(await read('dateStart=2026-01-07')).toEqual([2, 3]);
		expect(await read('dateEnd=2026-01-06')).toEqual([1, 4, 5]);
		expect(await read('dateStart=2026-01-07&dateEnd=2026-01-07')).toEqual([2]);
		expect(await read(`HistApptAction=Changed&PatNum=${a.PatNum}`)).toEqual([1]);
		// No DateTStamp filter: the parameter is ignored, like any unknown one.
		expect(await read('DateTStamp=2030-01-01 00:00:00')).toEqual([1, 2, 3, 4, 5]);
		expect(await read('Limit=2&Offset=2')).toEqual([3, 4]);

		expect((await call(sim, '/histappointments?HistApptAction=deleted')).json).toBe('HistApptAction is invalid.');
		expect((await call(sim, '/histappointments?AptStatus=Gone')).json).toBe('AptStatus is invalid.');
		expect((await call(sim, '/histappointments?AptNum=x')).json).toBe('AptNum is invalid.');
		expect((await call(sim, '/histappointments?date=2026-1-6')).json).toBe('date format must be yyyy-MM-dd');
		expect((await call(sim, '/histappointments', { method: 'PUT', body: {} })).status).toBe(404);
	});

	it('pages 100 rows at a time on a remote server', async () => {
		for (let n = 0; n < 150; n += 1) sim.touch('appointment', 1 + (n % 20));
		const page1 = (await call(sim, '/histappointments?Limit=1000')).json as Row[];
		const page2 = (await call(sim, '/histappointments?Offset=100')).json as Row[];
		expect([nums(page1), nums(page2)]).toEqual([Array.from({ length: 100 }, (_, i) => i + 1), Array.from({ length: 50 }, (_, i) => i + 101)]);
	});

	it('deletes records through DELETE /__sim/records; an appointment leaves its Deleted row', async () => {
		const deleted = await control(sim, 'DELETE', '/records?table=appointment&AptNum=5');
		expect(deleted).toEqual({ status: 200, json: seeded[4] });
		expect((await call(sim, '/appointments/5')).json).toBe('Appointment not found.');
		expect(history()).toEqual([row(1, 'Deleted', seeded[4])]);
		expect(await control(sim, 'DELETE', '/records?table=appointment&AptNum=5')).toEqual({ status: 404, json: { error: 'appointment 5 not found' } });

		const patient = sim.records('patient')[6];
		expect(await control(sim, 'DELETE', '/records?table=patient&id=7')).toEqual({ status: 200, json: patient });
		expect((await call(sim, '/patients/7')).json).toBe('Patient not found.');
		expect(sim.records('patient')).toHaveLength(249);
		expect(await control(sim, 'DELETE', '/records?table=histappointment&HistApptNum=1')).toEqual({ status: 200, json: row(1, 'Deleted', seeded[4]) });
		expect(history()).toEqual([]);
		expect(await control(sim, 'DELETE', '/records?table=patient')).toEqual({ status: 400, json: { error: 'PatNum must be an integer' } });
		expect(await control(sim, 'DELETE', '/records?table=apointment&id=1')).toEqual({
			status: 400, json: { error: 'table must be one of: patient, appointment, recall, commlog, commoptout, histappointment, procedurelog' },
		});
	});
});
