import { listOperation } from '../shared/listOperation';
import { PATIENT_SHORT_RECORD } from './shortRecord';

export const getAll = listOperation({
	resource: 'patient',
	operation: 'getAll',
	path: '/patients/Simple',
	idField: 'PatNum',
	shortRecord: PATIENT_SHORT_RECORD,
	simplifyHint: 'Full records come from Open Dental unchanged.',
	filters: [
		{ name: 'lastName', label: 'Last Name', param: 'LName', kind: 'text', description: 'Part of the last name, any case' },
		{ name: 'firstName', label: 'First Name', param: 'FName', kind: 'text', description: 'Part of the first name, any case' },
		{ name: 'birthdate', label: 'Birthdate', param: 'Birthdate', kind: 'date', description: 'Only patients born on this day' },
		{
			name: 'patStatus',
			label: 'Patient Status',
			param: 'PatStatus',
			kind: 'choice',
			choices: ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deceased', 'Prospective'],
		},
		{ name: 'clinicNum', label: 'Clinic ID', param: 'ClinicNum', kind: 'idOrZero', description: 'ClinicNum of the clinic; 0 = patients without a clinic' },
		{ name: 'priProv', label: 'Primary Provider ID', param: 'PriProv', kind: 'id', description: 'ProvNum of the primary provider' },
		{ name: 'gender', label: 'Gender', param: 'Gender', kind: 'choice', choices: ['Male', 'Female', 'Unknown', 'Other'], default: 'Female' },
		{ name: 'position', label: 'Marital Status', param: 'Position', kind: 'choice', choices: ['Single', 'Married', 'Child', 'Widowed', 'Divorced'] },
		{ name: 'guarantor', label: 'Guarantor ID', param: 'Guarantor', kind: 'id', description: 'PatNum of the family guarantor: returns the whole family' },
		{
			name: 'updatedSince',
			label: 'Updated Since',
			param: 'DateTStamp',
			kind: 'dateTime',
			description:
				"Only patients changed at or after this time. Open Dental compares office-local times; a value with a time zone (e.g. {{ $now }}) is converted to the office's (the credential's Office Time Zone, else the workflow's). Store each run's serverDateTime for the next run.",
		},
	],
});
