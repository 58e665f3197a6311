import type { IDataObject } from 'n8n-workflow';
import { shapeAppointment, shapeDeletedAppointment } from '../OpenDental/actions/appointment/record';
import { PATIENT_SHORT_RECORD } from '../OpenDental/actions/patient/shortRecord';
import { shapeRecords } from '../OpenDental/actions/shared/simplify';

/** A table Open Dental's API Events can watch, and how its rows are told apart. */
export interface WatchTable {
	value: string;
	name: string;
	description: string;
	/** The primary key every row carries. */
	key: string;
	/** Fields that hold when the row last changed, first found wins. */
	stamps: string[];
	/** The short record (Simplify), or undefined when the full row is already short. */
	simplify?: (row: IDataObject, timeZone: string) => IDataObject;
}


export const WATCH_TABLES: WatchTable[] = [
	{ value: 'Appointment', name: 'Appointment', description: 'An appointment was created or changed', key: 'AptNum', stamps: ['DateTStamp'], simplify: (row, timeZone) => shapeAppointment(row, true, timeZone) },
	{
		value: 'AppointmentDeleted',
		name: 'Appointment Deleted',
		description: 'An appointment was deleted (Open Dental 22.4.35 and later)',
		key: 'AptNum',
		stamps: ['HistDateTStamp', 'DateTStamp'],
		simplify: (row, timeZone) => shapeDeletedAppointment(row, true, timeZone),
	},
	{
		value: 'Patient',
		name: 'Patient',
		description: 'A patient was created or changed',
		key: 'PatNum',
		stamps: ['DateTStamp'],
		simplify: (row) => shapeRecords([row], true, PATIENT_SHORT_RECORD)[0],
	},
	{ value: 'PatField', name: 'Patient Field', description: "A patient's custom field was set or changed (22.4.8 and later)", key: 'PatFieldNum', stamps: ['SecDateTEdit', 'DateTStamp'] },
	{ value: 'Provider', name: 'Provider', description: 'A provider was added or changed (24.2.11 and later)', key: 'ProvNum', stamps: ['DateTStamp'] },
	{ value: 'Operatory', name: 'Operatory', description: 'An operatory was added or changed (24.2.11 and later)', key: 'OperatoryNum', stamps: ['DateTStamp'] },
	{ value: 'Schedule', name: 'Schedule', description: 'A schedule entry was added or changed (24.2.11 and later)', key: 'ScheduleNum', stamps: ['DateTStamp'] },
];

export function watchTableNamed(value: string): WatchTable | undefined {
	return WATCH_TABLES.find((table) => table.value === value);
}
