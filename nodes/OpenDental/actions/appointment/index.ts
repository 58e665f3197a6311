import type { INodeProperties } from 'n8n-workflow';
import { operationField } from '../shared/display';
import type { Resource } from '../types';
import { appendNote } from './appendNote.operation';
import { breakAppointment } from './break.operation';
import { confirm } from './confirm.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

const description: INodeProperties[] = [
	operationField('appointment', 'getAll', [
		{ name: 'Append Note', value: 'appendNote', description: "Add a line to an appointment's note (Comm permission)", action: 'Append a note to an appointment' },
		{ name: 'Break', value: 'break', description: 'Mark a scheduled appointment missed or cancelled (Comm permission)', action: 'Break an appointment' },
		{ name: 'Confirm', value: 'confirm', description: "Set an appointment's confirmation status (Comm permission)", action: 'Confirm an appointment' },
		{ name: 'Get', value: 'get', description: 'Get an appointment by AptNum', action: 'Get an appointment' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: "Get appointments by day, status, clinic and more, optionally with each patient's contact details and consent",
			action: 'Get many appointments',
		},
	]),
	...get.description,
	...getAll.description,
	...confirm.description,
	...breakAppointment.description,
	...appendNote.description,
];

export const appointment: Resource = {
	name: 'Appointment',
	value: 'appointment',
	description,
	operations: { get, getAll, confirm, break: breakAppointment, appendNote },
};
