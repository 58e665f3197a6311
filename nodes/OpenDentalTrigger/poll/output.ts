import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { shapeAppointment, shapeDeletedAppointment } from '../../OpenDental/actions/appointment/record';
import { COMMLOG_SHORT_RECORD } from '../../OpenDental/actions/commlog/shortRecord';
import { PATIENT_SHORT_RECORD } from '../../OpenDental/actions/patient/shortRecord';
import { shapeRecords } from '../../OpenDental/actions/shared/simplify';
import type { Emission } from './classify';

function shape(emission: Emission, simplify: boolean, timeZone: string): IDataObject {
	const { row, event } = emission;
	if (event.startsWith('patient')) return shapeRecords([row], simplify, PATIENT_SHORT_RECORD)[0];
	if (event.startsWith('commlog')) return shapeRecords([row], simplify, COMMLOG_SHORT_RECORD)[0];
	return event === 'appointmentDeleted' ? shapeDeletedAppointment(row, simplify, timeZone) : shapeAppointment(row, simplify, timeZone);
}

/** The items a poll emits: each record as the action node shapes it, with `_event` (and what changed). */
export function toItems(emissions: Emission[], simplify: boolean, timeZone: string): INodeExecutionData[] {
	return emissions.map((emission) => {
		const json: IDataObject = { ...shape(emission, simplify, timeZone), _event: emission.event };
		if (emission.changedFields) {
			json.changedFields = emission.changedFields;
			json.previous = emission.previous ?? {};
		}
		return { json };
	});
}
