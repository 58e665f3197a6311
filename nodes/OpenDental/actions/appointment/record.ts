import type { IDataObject } from 'n8n-workflow';
import { officeIso } from '../../helpers/dates';
import type { ShortRecord } from '../shared/simplify';

// What a reminder needs, and never more: no insurance plans, colours or entry users.
export const APPOINTMENT_SHORT_RECORD: ShortRecord = {
	summary: 'IDs, start (as Open Dental gives it and as ISO with the office offset), length, status, confirmation, provider, hygienist, clinic, operatory, procedures, type, note, DateTStamp',
	fields: [
		'AptNum',
		'PatNum',
		'AptDateTime',
		'start',
		'lengthMinutes',
		'AptStatus',
		'confirmed',
		'Confirmed',
		'ProvNum',
		'provAbbr',
		'ProvHyg',
		'ClinicNum',
		'Op',
		'ProcDescript',
		'AppointmentTypeNum',
		'IsNewPatient',
		'Note',
		'DateTStamp',
		'serverDateTime',
	],
};

// Each character of Open Dental's Pattern is five minutes of the appointment.
const MINUTES_PER_PATTERN_CHARACTER = 5;

/**
 * An appointment as the node returns it: the short record, or Open Dental's full record, each with
 * `start` (ISO 8601 with the office's offset; null when the appointment has no time, e.g. on the
 * unscheduled list) and `lengthMinutes`.
 */
export function shapeAppointment(record: IDataObject, simplify: boolean, timeZone: string): IDataObject {
	const pattern = typeof record.Pattern === 'string' ? record.Pattern : '';
	const derived = { start: officeIso(record.AptDateTime, timeZone), lengthMinutes: pattern.length * MINUTES_PER_PATTERN_CHARACTER };
	const full: IDataObject = { ...record, ...derived };
	if (!simplify) return full;
	const short: IDataObject = {};
	for (const field of APPOINTMENT_SHORT_RECORD.fields) {
		if (full[field] !== undefined) short[field] = full[field];
	}
	return short;
}

// What a history row (GET /histappointments, an AppointmentDeleted event) adds to the appointment.
const HISTORY_FIELDS = ['HistApptNum', 'HistDateTStamp', 'HistApptAction', 'ApptSource', 'HistUserNum'];

/** A deleted appointment's history row: the appointment as shapeAppointment gives it, and the history's own fields. */
export function shapeDeletedAppointment(row: IDataObject, simplify: boolean, timeZone: string): IDataObject {
	const appointment = shapeAppointment(row, simplify, timeZone);
	if (simplify) for (const field of HISTORY_FIELDS) if (row[field] !== undefined) appointment[field] = row[field];
	return appointment;
}
