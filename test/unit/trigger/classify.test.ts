import type { IDataObject } from 'n8n-workflow';
import { KINDS, kindOfEvents, type TriggerEvent } from '../../../nodes/OpenDentalTrigger/events';
import { classify, type ClassifyContext } from '../../../nodes/OpenDentalTrigger/poll/classify';
import { sinceOf } from '../../../nodes/OpenDentalTrigger/poll';
import { KeySet } from '../../../nodes/OpenDentalTrigger/poll/keySet';
import { changesSince, snapshotOf } from '../../../nodes/OpenDentalTrigger/poll/watch';

const SINCE = '2026-03-02 09:59:00';

function context(events: TriggerEvent[], overrides: Partial<ClassifyContext> = {}): ClassifyContext {
	const kind = kindOfEvents(events) as keyof typeof KINDS;
	return { spec: KINDS[kind], events: new Set(events), watch: ['status', 'time'], since: SINCE, existing: false, seen: new KeySet(), created: new KeySet(), ...overrides };
}
const patient = (PatNum: number, DateTStamp: string, SecDateEntry = '2025-01-10'): IDataObject => ({ PatNum, DateTStamp, SecDateEntry });
const summary = (rows: ReturnType<typeof classify>) => rows.map((emission) => `${emission.event}:${emission.row.PatNum ?? emission.row.AptNum}`);

describe('classify', () => {
	it('handles each (key, DateTStamp) once, and a later stamp of the same record again', () => {
		const ctx = context(['patientUpdated']);
		expect(summary(classify([patient(1, '2026-03-02 10:00:00'), patient(2, '2026-03-02 10:00:00')], ctx))).toEqual(['patientUpdated:1', 'patientUpdated:2']);
		expect(summary(classify([patient(1, '2026-03-02 10:00:00'), patient(2, '2026-03-02 10:00:05')], ctx))).toEqual(['patientUpdated:2']);
	});

	it('a record entered within the read is new once (by key): its later edits are updates', () => {
		const ctx = context(['patientCreated', 'patientUpdated']);
		expect(summary(classify([patient(7, '2026-03-02 10:00:00', '2026-03-02')], ctx))).toEqual(['patientCreated:7']);
		expect(summary(classify([patient(7, '2026-03-02 10:00:09', '2026-03-02')], ctx))).toEqual(['patientUpdated:7']);
		// Entered before the read's day: an update.
		expect(summary(classify([patient(8, '2026-03-02 10:00:09', '2026-03-01')], ctx))).toEqual(['patientUpdated:8']);
	});

	it('a new record is not also an update (Updated alone emits nothing for it), unless existing records are read', () => {
		expect(summary(classify([patient(7, '2026-03-02 10:00:00', '2026-03-02')], context(['patientUpdated'])))).toEqual([]);
		expect(summary(classify([patient(7, '2026-03-02 10:00:00', '2026-03-02')], context(['patientUpdated'], { existing: true })))).toEqual(['patientUpdated:7']);
	});

	it('appointment changes: only watched fields count, with their previous values; no snapshot means no change event', () => {
		const before = { AptNum: 3, AptStatus: 'Scheduled', AptDateTime: '2026-03-04 09:00:00', Pattern: 'XXXX', Confirmed: 19, Op: 1, ProvNum: 1, ProvHyg: 0, SecDateTEntry: '2026-01-01 08:00:00' };
		const snapshots = new Map([[3, snapshotOf(before)]]);
		const ctx = context(['appointmentChanged'], { snapshots });
		const confirmedOnly = { ...before, Confirmed: 21, DateTStamp: '2026-03-02 10:00:00' };
		expect(summary(classify([confirmedOnly], ctx))).toEqual([]);
		const broken = { ...confirmedOnly, AptStatus: 'Broken', Pattern: 'XXXXXX', DateTStamp: '2026-03-02 10:00:01' };
		const [emission] = classify([broken, { ...before, AptNum: 4, DateTStamp: '2026-03-02 10:00:01' }], ctx);
		expect(emission).toEqual({ row: broken, event: 'appointmentChanged', changedFields: ['status', 'time'], previous: { AptStatus: 'Scheduled', AptDateTime: '2026-03-04 09:00:00', lengthMinutes: 20 } });
		expect(snapshots.get(4)).toBe(snapshotOf({ ...before, AptNum: 4 }));
	});

	it('the snapshot keeps a pipe in a value from splitting it', () => {
		const row = { AptStatus: 'A|B', AptDateTime: 't', Pattern: '', Confirmed: 1, Op: 2, ProvNum: 3, ProvHyg: 4 };
		expect(changesSince(snapshotOf(row), row, ['status', 'time', 'confirmation', 'operatory', 'provider']).changedFields).toEqual(['status']);
	});
});

describe('sinceOf', () => {
	it.each([
		[{ wm: '2026-03-02 10:00:00' }, '2026-03-02 09:59:00'],
		[{ wm: '2026-03-02 10:00:00', floor: '2026-03-02 09:59:30' }, '2026-03-02 09:59:30'],
		[{ wm: '2026-03-02 10:00:00', floor: '2026-03-02 10:00:00' }, '2026-03-02 10:00:00'],
		[{ wm: '2026-03-02 10:00:00', floor: '2026-03-02 10:00:07' }, '2026-03-02 10:00:00'],
	])('%j reads from %s', (state, expected) => {
		expect(sinceOf(state)).toBe(expected);
	});
});

describe('kindOfEvents', () => {
	it.each([
		[[], 'Choose at least one event'],
		[['patientCreated', 'patientUpdated'], 'patient'],
		[['appointmentDeleted'], 'appointment'],
		[['commlogCreated', 'patientCreated'], 'The events of one trigger must all be about one kind of record (patients, appointments or commlogs); add a second trigger for the other kind'],
		[['bogus'], 'Unknown event: bogus'],
	])('%j → %s', (events, expected) => {
		expect(kindOfEvents(events as TriggerEvent[])).toBe(expected);
	});
});
