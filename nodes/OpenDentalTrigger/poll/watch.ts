import type { IDataObject } from 'n8n-workflow';

/** The appointment changes one can watch, and the Open Dental fields each stands for. */
export const WATCH_FIELDS = {
	status: ['AptStatus'],
	time: ['AptDateTime', 'lengthMinutes'],
	confirmation: ['Confirmed'],
	operatory: ['Op'],
	provider: ['ProvNum', 'ProvHyg'],
} as const;

export type WatchField = keyof typeof WATCH_FIELDS;

const SNAPSHOT_FIELDS = Object.values(WATCH_FIELDS).flat();

// A Pattern character is five minutes; the length is kept, not the pattern.
const valueOf = (row: IDataObject, field: string): string =>
	field === 'lengthMinutes' ? String((typeof row.Pattern === 'string' ? row.Pattern.length : 0) * 5) : String(row[field] ?? '');

/** The watched values of an appointment, as one short string for the static data. */
export function snapshotOf(row: IDataObject): string {
	return SNAPSHOT_FIELDS.map((field) => valueOf(row, field).replace(/\|/g, '/')).join('|');
}

/** The appointment's AptDateTime as its snapshot holds it. */
export function snapshotTime(snapshot: string): string {
	return parse(snapshot).AptDateTime;
}

function parse(snapshot: string): Record<string, string> {
	const values = snapshot.split('|');
	return Object.fromEntries(SNAPSHOT_FIELDS.map((field, index) => [field, values[index] ?? '']));
}

const NUMERIC = new Set(['Confirmed', 'Op', 'ProvNum', 'ProvHyg', 'lengthMinutes']);

/**
 * What changed among the watched fields since the snapshot: the watch names that changed, in the
 * order given, and the previous values of their Open Dental fields.
 */
export function changesSince(snapshot: string, row: IDataObject, watched: WatchField[]): { changedFields: WatchField[]; previous: IDataObject } {
	const before = parse(snapshot);
	const changedFields: WatchField[] = [];
	const previous: IDataObject = {};
	for (const watch of watched) {
		const fields = WATCH_FIELDS[watch];
		if (fields.every((field) => before[field] === valueOf(row, field))) continue;
		changedFields.push(watch);
		for (const field of fields) previous[field] = NUMERIC.has(field) ? Number(before[field]) : before[field];
	}
	return { changedFields, previous };
}
