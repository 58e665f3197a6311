// Data that changes during a read (the "mutate" fault rule) and an office too old for GET /commlogs?DateTStamp.
import { type Appointment, type FaultRule, manualTime, type Simulator, startSimulator } from '../../simulator';
import { call, control, useOfficeAt } from './helpers';

const NOW = '2026-01-05 10:20:30';
const TABLES = 'patient, appointment, recall, commlog, commoptout, histappointment, procedurelog';
const aptNums = (rows: Appointment[]) => rows.map((row) => row.AptNum);

describe('simulator: changes during a read', () => {
	let sim: Simulator;
	const office = useOfficeAt(NOW, { frozen: true });
	beforeEach(() => {
		sim = office();
	});

	it('applies the changes before the nth matching request, which is then served as usual', async () => {
		const before = { appointments: sim.records('appointment'), patients: sim.records('patient') };
		const id = sim.addFault({
			path: '/appointments', nth: [2], fault: 'mutate',
			changes: [
				{ op: 'update', table: 'appointment', key: 5, fields: { Note: 'x' } },
				{ op: 'touch', table: 'patient', key: 7 },
				{ op: 'insert', table: 'patient', fields: { LName: 'Quade', FName: 'Ona' } },
				{ op: 'remove', table: 'appointment', key: 9 },
			],
		});
		expect(aptNums((await call(sim, '/appointments?Limit=5')).json)).toEqual([1, 2, 3, 4, 5]);
		expect(sim.records('histappointment')).toEqual([]);
		// Page 2 after appointment 9 went: the rows after it move up one place.
		const page2 = await call(sim, '/appointments?Limit=5&Offset=5');
		expect([page2.status, aptNums(page2.json)]).toEqual([200, [6, 7, 8, 10, 11]]);
		const again = (await call(sim, '/appointments?Limit=5')).json as Appointment[];
		expect(again[4]).toEqual({ serverDateTime: NOW, ...before.appointments[4], Note: 'x', DateTStamp: NOW });

		expect(sim.records('patient')[6]).toEqual({ ...before.patients[6], DateTStamp: NOW });
		expect(sim.records('patient').slice(-1)).toEqual([expect.objectContaining({ PatNum: 251, LName: 'Quade', FName: 'Ona', DateTStamp: NOW })]);
		expect(sim.records('appointment').some((apt) => apt.AptNum === 9)).toBe(false);
		expect(sim.records('histappointment').map((hist) => [hist.HistApptNum, hist.HistApptAction, hist.AptNum, hist.HistDateTStamp]))
			.toEqual([[1, 'Changed', 5, NOW], [2, 'Deleted', 9, NOW]]);
		expect(sim.faults()).toEqual([expect.objectContaining({ id, fault: 'mutate', matched: 3, fired: 1 })]);
		expect(sim.requests().map((entry) => [entry.status, entry.fault])).toEqual([[200, null], [200, 'mutate'], [200, null]]);
	});

	it('takes rules through POST /__sim/faults, matching method, pathPrefix and times like the other faults', async () => {
		const count = sim.records('appointment').length;
		const changes = [{ op: 'insert', table: 'appointment', fields: { PatNum: 3, AptDateTime: '2026-01-09 09:00:00', Op: 1 } }];
		const added = await control(sim, 'POST', '/faults', { method: 'GET', pathPrefix: '/patients', times: 1, fault: 'mutate', changes });
		expect(added).toEqual({ status: 200, json: { ids: ['fault-1'] } });
		expect((await call(sim, '/appointments?Limit=1')).status).toBe(200);
		expect(sim.records('appointment')).toHaveLength(count);
		expect((await call(sim, '/patients/Simple?Limit=1')).status).toBe(200);
		expect((await call(sim, '/patients/1')).status).toBe(200);
		expect(sim.records('appointment')).toHaveLength(count + 1);
		expect(sim.records('appointment')[count]).toMatchObject({ AptNum: count + 1, PatNum: 3, AptDateTime: '2026-01-09 09:00:00', DateTStamp: NOW });
		expect(sim.records('histappointment').map((hist) => [hist.HistApptAction, hist.AptNum])).toEqual([['Created', count + 1]]);
		expect((await control(sim, 'GET', '/faults')).json).toEqual([
			{ method: 'GET', pathPrefix: '/patients', times: 1, fault: 'mutate', changes, id: 'fault-1', matched: 2, fired: 1 },
		]);
	});

	it('keeps its own copy of the changes, and a change whose record is gone does nothing', async () => {
		const changes: FaultRule['changes'] = [{ op: 'update', table: 'appointment', key: 2, fields: { Note: 'kept' } }, { op: 'remove', table: 'patient', key: 99999 }];
		sim.addFault({ path: '/appointments/2', fault: 'mutate', changes });
		(changes[0] as { fields: Record<string, unknown> }).fields.Note = 'changed later';
		const read = await call(sim, '/appointments/2');
		expect([read.status, read.json.Note]).toEqual([200, 'kept']);
		expect(sim.records('patient')).toHaveLength(250);
	});

	it('refuses a rule whose changes could not be applied, naming the change', async () => {
		const refused: Array<[unknown, string]> = [
			[{ fault: 'mutate' }, 'a mutate rule needs changes: a non-empty array'],
			[{ fault: 'mutate', changes: [] }, 'a mutate rule needs changes: a non-empty array'],
			[{ fault: 'mutate', changes: ['touch'] }, 'changes[0] must be an object'],
			[{ fault: 'mutate', changes: [{ op: 'upsert', table: 'patient' }] }, 'changes[0].op must be one of insert, update, touch, remove'],
			[{ fault: 'mutate', changes: [{ op: 'touch', table: 'patient', key: 1 }, { op: 'update', table: 'patients', key: 1 }] }, `changes[1].table must be one of ${TABLES}`],
			[{ fault: 'mutate', changes: [{ op: 'touch', table: 'patient' }] }, "changes[0].key must be the record's primary key, an integer >= 1"],
			[{ fault: 'mutate', changes: [{ op: 'remove', table: 'patient', key: '7' }] }, "changes[0].key must be the record's primary key, an integer >= 1"],
			[{ fault: 'mutate', changes: [{ op: 'touch', table: 'patient', key: 1, fields: {} }] }, 'changes[0]: touch takes no fields'],
			[{ fault: 'mutate', changes: [{ op: 'insert', table: 'patient', fields: [] }] }, 'changes[0].fields must be an object'],
			[{ fault: 'mutate', changes: [{ op: 'insert', table: 'patient', key: 3 }] }, 'changes[0]: unknown property "key"'],
			[{ fault: 'mutate', changes: [{ op: 'update', table: 'patient', key: 3, field: {} }] }, 'changes[0]: unknown property "field"'],
			[{ fault: 'serverError', changes: [{ op: 'touch', table: 'patient', key: 1 }] }, 'changes go with fault "mutate" only'],
		];
		for (const [rule, message] of refused) {
			expect(() => sim.addFault(rule as FaultRule)).toThrow(message);
			expect(await control(sim, 'POST', '/faults', rule)).toEqual({ status: 400, json: { error: message } });
		}
		// A list is refused whole.
		expect(() => sim.addFault([{ path: '/clinics', fault: 'gone' }, { fault: 'mutate' }])).toThrow('a mutate rule needs changes');
		expect(sim.faults()).toEqual([]);
	});
});

describe('simulator: an office before 25.1.13 (commlogStampFilter false)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, mode: 'local', time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.clock.set(NOW);
		sim.clock.freeze();
	});
	const withServerTime = <T>(rows: T[]) => rows.map((row) => ({ serverDateTime: NOW, ...row }));

	it('filters on DateTStamp by default, and ignores it (unchecked) when switched off', async () => {
		expect(sim.getConfig().commlogStampFilter).toBe(true);
		sim.touch('commlog', 4);
		sim.insert('commlog', { PatNum: 2, Note: 'new' });
		const all = sim.records('commlog');
		const changed = all.filter((log) => log.DateTStamp >= NOW);
		expect(changed.map((log) => log.CommlogNum)).toEqual([4, all.length]);
		expect((await call(sim, `/commlogs?DateTStamp=${NOW}`)).json).toEqual(withServerTime(changed));
		expect((await call(sim, '/commlogs?DateTStamp=yesterday')).json).toBe('DateTStamp format must be yyyy-MM-dd HH:mm:ss');

		expect(sim.configure({ commlogStampFilter: false }).commlogStampFilter).toBe(false);
		expect((await call(sim, `/commlogs?DateTStamp=${NOW}`)).json).toEqual(withServerTime(all));
		expect((await call(sim, '/commlogs?DateTStamp=yesterday')).json).toEqual(withServerTime(all));
		expect((await call(sim, `/commlogs?DateTStamp=${NOW}&PatNum=2`)).json).toEqual(withServerTime(all.filter((log) => log.PatNum === 2)));
		expect((await call(sim, '/commlogs?Limit=2&Offset=1&DateTStamp=2030-01-01')).json).toEqual(withServerTime(all.slice(1, 3)));
		expect((await control(sim, 'POST', '/config', { commlogStampFilter: 'no' })).json).toEqual({ error: 'commlogStampFilter must be a boolean' });
	});
});
