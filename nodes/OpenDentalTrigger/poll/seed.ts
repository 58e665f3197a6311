import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { addDays } from '../../OpenDental/helpers/dates';
import { type OpenDentalConnection, type OpenDentalContext, openDentalRequestAllItems } from '../../OpenDental/transport';
import type { TriggerParams } from '../params';
import { deletionsList } from './deletions';
import { KeySet } from './keySet';
import { BEGINNING } from './officeTime';
import { STATE_LIMITS, type TriggerState } from './state';
import { snapshotOf } from './watch';

/**
 * A new trigger's state (first activation, or a different setup). It starts from Open Dental's
 * "now", learnt from the list itself, and remembers what already changed in that very second, so
 * nothing from before the start is emitted; or from Start From, or from the beginning (Emit
 * Existing). For Appointment Changed it remembers the watched values of the appointments from
 * today on, so their first change has previous values.
 */
export async function seedState(this: OpenDentalContext, connection: OpenDentalConnection, params: TriggerParams): Promise<TriggerState> {
	const { spec, filters } = params;
	const read = async (path: string, qs: IDataObject, limit?: number) =>
		await openDentalRequestAllItems.call(this, connection, { path, qs, idField: spec.primaryKey, limit });
	const [probe] = await read(spec.path, {}, 1);
	// An office with none of these records yet: every one that appears is new.
	const officeNow = typeof probe?.serverDateTime === 'string' ? probe.serverDateTime : BEGINNING;
	const start = params.startFrom ?? (params.emitExisting ? BEGINNING : officeNow);
	const seen = new KeySet();
	if (start === officeNow && officeNow !== BEGINNING) {
		for (const row of await read(spec.path, { ...filters, DateTStamp: officeNow })) seen.add(String(row.DateTStamp), Number(row[spec.primaryKey]));
	}
	const state: TriggerState = { v: 1, setup: params.setup, line: randomUUID(), seq: 0, wm: start, floor: start, seen: seen.toStored(), created: {} };
	if (params.events.has('appointmentChanged') && officeNow !== BEGINNING) {
		const upcoming = await read(spec.path, { ...filters, dateStart: addDays(officeNow.slice(0, 10), -1) }, STATE_LIMITS.maxSnapshots);
		state.snap = Object.fromEntries(upcoming.map((row) => [String(row.AptNum), snapshotOf(row)]));
	} else if (params.events.has('appointmentChanged')) {
		state.snap = {};
	}
	if (params.events.has('appointmentDeleted')) {
		// Starting now: past the deletions already there (the history has no time filter).
		const past = start === officeNow ? await openDentalRequestAllItems.call(this, connection, deletionsList(filters)) : [];
		state.del = { offset: past.length, from: start };
	}
	return state;
}
