import { forOperation } from '../shared/display';
import { listOperation } from '../shared/listOperation';
import { PATIENT_SHORT_RECORD } from './shortRecord';

const text = (name: string, label: string, param: string, description: string) => ({ name, label, param, kind: 'text' as const, description });

export const search = listOperation({
	resource: 'patient',
	operation: 'search',
	path: '/patients',
	idField: 'PatNum',
	shortRecord: PATIENT_SHORT_RECORD,
	simplifyHint: 'Search results are already a reduced record.',
	intro: [
		{
			displayName:
				"Search works like Open Dental's Select Patient window: partial, case-insensitive matches, and a reduced record (no DateTStamp, gender, guarantor or balances). Use Get Many for full records or changes since a time.",
			name: 'searchNotice',
			type: 'notice',
			default: '',
			displayOptions: forOperation('patient', 'search'),
		},
	],
	filters: [
		text('lastName', 'Last Name', 'LName', 'Part of the last name, any case'),
		text('firstName', 'First Name', 'FName', 'Part of the first name, any case'),
		text('phone', 'Phone', 'Phone', 'Digits of a home, work or wireless phone number; punctuation is ignored'),
		{ ...text('email', 'Email', 'Email', 'Part of the email address'), placeholder: 'name@email.com' },
		text('address', 'Address', 'Address', 'Part of the street address'),
		text('city', 'City', 'City', 'Part of the city'),
		text('state', 'State', 'State', 'Two-letter state, e.g. OR'),
		text('chartNumber', 'Chart Number', 'ChartNumber', 'Part of the chart number'),
		{ name: 'birthdate', label: 'Birthdate', param: 'Birthdate', kind: 'date', description: 'Only patients born on this day' },
		{ name: 'clinicNums', label: 'Clinic IDs', param: 'clinicNums', kind: 'idList', description: 'Comma-separated ClinicNums, e.g. 1,2' },
		{ name: 'hideInactive', label: 'Hide Inactive', param: 'hideInactive', kind: 'boolean', description: 'Whether to leave out inactive patients' },
		{ name: 'showArchived', label: 'Show Archived', param: 'showArchived', kind: 'boolean', description: 'Whether to include archived patients' },
	],
});
