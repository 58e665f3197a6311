// The control API and the store for the reminder tables: insert, change, touch, reseed.
import type { Simulator } from '../../simulator';
import { control, useOfficeAt } from './helpers';

describe('simulator: control API for every table', () => {
	let sim: Simulator;
	const office = useOfficeAt('2026-01-05 10:20:30');
	beforeEach(() => {
		sim = office();
	});

	it('inserts an appointment with the POST defaults, stamped and entered now', async () => {
		const count = sim.records('appointment').length;
		const res = await control(sim, 'POST', '/records?table=appointment', { PatNum: 3, Op: 2, AptDateTime: '2026-01-07 10:00:00', ProvNum: 2 });
		expect(res.status).toBe(201);
		expect(res.json).toEqual({
			AptNum: count + 1, PatNum: 3, AptStatus: 'Scheduled', Pattern: '/XX/', Confirmed: 19, confirmed: 'Not Called', TimeLocked: 'false',
			Op: 2, Note: '', ProvNum: 2, provAbbr: 'DOC2', ProvHyg: 0, AptDateTime: '2026-01-07 10:00:00', NextAptNum: 0, UnschedStatus: 0,
			unschedStatus: '', IsNewPatient: 'false', ProcDescript: '', ClinicNum: 0, IsHygiene: 'false', DateTStamp: '2026-01-05 10:20:30',
			DateTimeArrived: '0001-01-01 00:00:00', DateTimeSeated: '0001-01-01 00:00:00', DateTimeDismissed: '0001-01-01 00:00:00',
			InsPlan1: 0, InsPlan2: 0, DateTimeAskedToArrive: '0001-01-01 00:00:00', colorOverride: '0,0,0', AppointmentTypeNum: 0,
			SecUserNumEntry: 0, SecDateTEntry: '2026-01-05 10:20:30', Priority: 'Normal', PatternSecondary: '////', ItemOrderPlanned: 0,
		});
		expect(sim.records('appointment').at(-1)).toEqual(res.json);
	});

	it('changes and touches records of each table, stamping DateTStamp where the table has one', async () => {
		const [recall] = sim.records('recall');
		const changed = await control(sim, 'PATCH', `/records?table=recall&RecallNum=${recall.RecallNum}`, { RecallStatus: 142, Note: 'Postcard' });
		expect(changed.json).toEqual({ ...recall, RecallStatus: 142, recallStatus: 'Mailed Postcard', Note: 'Postcard', DateTStamp: '2026-01-05 10:20:30' });

		const [commlog] = sim.records('commlog');
		expect((await control(sim, 'POST', '/touch?table=commlog&id=1')).json).toEqual({ ...commlog, DateTStamp: '2026-01-05 10:20:30' });
		const [apt] = sim.records('appointment');
		expect((await control(sim, 'PATCH', '/records?table=appointment&AptNum=1', { Confirmed: 21, confirmed: 'ignored' })).json)
			.toEqual({ ...apt, Confirmed: 21, confirmed: 'Appointment Confirmed', DateTStamp: '2026-01-05 10:20:30' });

		const [optOut] = sim.records('commoptout');
		expect((await control(sim, 'POST', `/touch?table=commoptout&CommOptOutNum=${optOut.CommOptOutNum}`)).json).toEqual(optOut);
		expect((await control(sim, 'PATCH', '/records?table=commoptout&id=1', { OptOutSms: 3 })).json).toEqual({ ...optOut, OptOutSms: 3 });
		expect((await control(sim, 'POST', '/touch?table=recall&PatNum=1')).json).toEqual({ error: 'RecallNum must be an integer' });
		expect((await control(sim, 'POST', '/touch?table=commlog&CommlogNum=99999')).status).toBe(404);
	});

	it('reset and seed regenerate every table', async () => {
		const fresh = { appointment: sim.records('appointment'), recall: sim.records('recall'), commlog: sim.records('commlog'), commoptout: sim.records('commoptout') };
		sim.update('appointment', 1, { Note: 'x' });
		sim.insert('commlog', { PatNum: 1, Note: 'y' });
		sim.insert('commoptout', { PatNum: 2 });
		sim.update('recall', 1, { NumRemind: 9 });
		sim.reset();
		expect({ appointment: sim.records('appointment'), recall: sim.records('recall'), commlog: sim.records('commlog'), commoptout: sim.records('commoptout') }).toEqual(fresh);

		expect(sim.seed({ seed: 2 })).toEqual({ patients: 250, seed: 2 });
		for (const table of ['appointment', 'recall', 'commlog', 'commoptout'] as const) {
			expect([table, sim.records(table)]).not.toEqual([table, fresh[table]]);
		}
		sim.seed({ patients: 0 });
		expect(['appointment', 'recall', 'commlog', 'commoptout'].map((table) => sim.records(table as 'recall').length)).toEqual([0, 0, 0, 0]);
	});
});
