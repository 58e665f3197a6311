import type { IDataObject } from 'n8n-workflow';

export type RecordKind = 'patient' | 'appointment' | 'commlog';

export type TriggerEvent =
	| 'patientCreated'
	| 'patientUpdated'
	| 'appointmentCreated'
	| 'appointmentUpdated'
	| 'appointmentChanged'
	| 'appointmentDeleted'
	| 'commlogCreated';

const EVENT_KIND: Record<TriggerEvent, RecordKind> = {
	patientCreated: 'patient',
	patientUpdated: 'patient',
	appointmentCreated: 'appointment',
	appointmentUpdated: 'appointment',
	appointmentChanged: 'appointment',
	appointmentDeleted: 'appointment',
	commlogCreated: 'commlog',
};

/** How one kind of record is read for changes and told apart as new or changed. */
export interface KindSpec {
	kind: RecordKind;
	/** Plural for messages. */
	plural: string;
	/** The list that takes DateTStamp ("changed on or after"). */
	path: string;
	primaryKey: string;
	/** When the record was entered, as an office wall time; undefined when the record lacks it. */
	enteredAt(row: IDataObject): string | undefined;
	/** The earliest entry time that still counts as new for a read from `since` (patients only carry the day). */
	newFrom(since: string): string;
	createdEvent?: TriggerEvent;
	updatedEvent?: TriggerEvent;
	/** Open Dental version that added the DateTStamp filter, for the error when it is ignored. */
	stampFilterSince: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const KINDS: Record<RecordKind, KindSpec> = {
	patient: {
		kind: 'patient',
		plural: 'patients',
		path: '/patients/Simple',
		primaryKey: 'PatNum',
		enteredAt: (row) => (text(row.SecDateEntry) ? `${text(row.SecDateEntry)!.slice(0, 10)} 00:00:00` : undefined),
		newFrom: (since) => `${since.slice(0, 10)} 00:00:00`,
		createdEvent: 'patientCreated',
		updatedEvent: 'patientUpdated',
		stampFilterSince: '21.2',
	},
	appointment: {
		kind: 'appointment',
		plural: 'appointments',
		path: '/appointments',
		primaryKey: 'AptNum',
		enteredAt: (row) => text(row.SecDateTEntry),
		newFrom: (since) => since,
		createdEvent: 'appointmentCreated',
		updatedEvent: 'appointmentUpdated',
		stampFilterSince: '21.1',
	},
	commlog: {
		kind: 'commlog',
		plural: 'commlogs',
		path: '/commlogs',
		primaryKey: 'CommlogNum',
		enteredAt: (row) => text(row.DateTEntry),
		newFrom: (since) => since,
		createdEvent: 'commlogCreated',
		stampFilterSince: '25.1.13',
	},
};

/** The kind the chosen events are about; a clear message when they mix kinds or are empty. */
export function kindOfEvents(events: TriggerEvent[]): RecordKind | string {
	if (events.length === 0) return 'Choose at least one event';
	const kinds = new Set(events.map((event) => EVENT_KIND[event]));
	if (kinds.has(undefined as unknown as RecordKind)) return `Unknown event: ${events.find((event) => !EVENT_KIND[event])}`;
	if (kinds.size > 1) return 'The events of one trigger must all be about one kind of record (patients, appointments or commlogs); add a second trigger for the other kind';
	return [...kinds][0];
}
