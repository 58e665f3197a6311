import type { IDataObject } from 'n8n-workflow';
import type { KindSpec, TriggerEvent } from '../events';
import type { KeySet } from './keySet';
import { changesSince, snapshotOf, type WatchField } from './watch';

/** A record to emit, with the event it is emitted for. */
export interface Emission {
	row: IDataObject;
	event: TriggerEvent;
	changedFields?: WatchField[];
	previous?: IDataObject;
}

export interface ClassifyContext {
	spec: KindSpec;
	events: Set<TriggerEvent>;
	watch: WatchField[];
	/** The DateTStamp the rows were read with. */
	since: string;
	/** A read of existing records (Emit Existing): records that look new go out as updated when only Updated is chosen. */
	existing: boolean;
	seen: KeySet;
	created: KeySet;
	/** Watched values by AptNum, when appointmentChanged is chosen. */
	snapshots?: Map<number, string>;
}

/**
 * Decides, row by row, what a read's rows mean: each (key, DateTStamp) is handled once; a record
 * entered within the read and not handled as new before is new (key alone, so a later edit in the
 * overlap is an update, not a second creation); any other row is an update, or, for watched
 * appointment fields, a change with its previous values. A new record is not also an update.
 * Records the events do not ask for are still remembered, so choosing differently later starts clean.
 */
export function classify(rows: IDataObject[], context: ClassifyContext): Emission[] {
	const { spec, events, seen, created, snapshots } = context;
	const newFrom = spec.newFrom(context.since);
	const emissions: Emission[] = [];
	for (const row of rows) {
		const key = Number(row[spec.primaryKey]);
		const stamp = String(row.DateTStamp);
		if (seen.has(stamp, key)) continue;
		seen.add(stamp, key);
		const enteredAt = spec.enteredAt(row);
		const isNew = enteredAt !== undefined && enteredAt >= newFrom && !created.hasKey(key);
		if (isNew) created.add(enteredAt, key);
		const before = snapshots?.get(key);
		snapshots?.set(key, snapshotOf(row));
		const emission = isNew ? asNew(row, context) : asChange(row, before, context);
		if (emission) emissions.push(emission);
	}
	return emissions;

	function asNew(row: IDataObject, { existing }: ClassifyContext): Emission | undefined {
		if (spec.createdEvent && events.has(spec.createdEvent)) return { row, event: spec.createdEvent };
		if (existing && spec.updatedEvent && events.has(spec.updatedEvent)) return { row, event: spec.updatedEvent };
		return undefined;
	}
}

function asChange(row: IDataObject, before: string | undefined, { spec, events, watch }: ClassifyContext): Emission | undefined {
	if (before !== undefined && events.has('appointmentChanged')) {
		const { changedFields, previous } = changesSince(before, row, watch);
		if (changedFields.length > 0) return { row, event: 'appointmentChanged', changedFields, previous };
	}
	if (spec.updatedEvent && events.has(spec.updatedEvent)) return { row, event: spec.updatedEvent };
	return undefined;
}
