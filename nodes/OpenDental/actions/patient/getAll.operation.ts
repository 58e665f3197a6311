import type { INodeProperties } from 'n8n-workflow';
import type { FilterSpec } from '../../helpers/filters';
import { listOptions, patientListOperation } from './common';

const PAT_STATUSES = ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deceased', 'Prospective'];
const GENDERS = ['Male', 'Female', 'Unknown', 'Other'];
const POSITIONS = ['Single', 'Married', 'Child', 'Widowed', 'Divorced'];

const FILTERS: FilterSpec[] = [
	{ name: 'lastName', label: 'Last Name', param: 'LName', kind: 'text' },
	{ name: 'firstName', label: 'First Name', param: 'FName', kind: 'text' },
	{ name: 'birthdate', label: 'Birthdate', param: 'Birthdate', kind: 'date' },
	{ name: 'patStatus', label: 'Patient Status', param: 'PatStatus', kind: 'choice', choices: PAT_STATUSES },
	{ name: 'clinicNum', label: 'Clinic ID', param: 'ClinicNum', kind: 'idOrZero' },
	{ name: 'priProv', label: 'Primary Provider ID', param: 'PriProv', kind: 'id' },
	{ name: 'gender', label: 'Gender', param: 'Gender', kind: 'choice', choices: GENDERS },
	{ name: 'position', label: 'Marital Status', param: 'Position', kind: 'choice', choices: POSITIONS },
	{ name: 'guarantor', label: 'Guarantor ID', param: 'Guarantor', kind: 'id' },
	{ name: 'updatedSince', label: 'Updated Since', param: 'DateTStamp', kind: 'dateTime' },
];

const choices = (values: string[]) => values.map((value) => ({ name: value.replace(/([a-z])([A-Z])/g, '$1 $2'), value }));

const description: INodeProperties[] = [
	...listOptions('getAll', 'Full records come from Open Dental unchanged.'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['patient'], operation: ['getAll'] } },
		options: [
			{ displayName: 'Birthdate', name: 'birthdate', type: 'dateTime', default: '', description: 'Only patients born on this day' },
			{ displayName: 'Clinic ID', name: 'clinicNum', type: 'number', default: 0, description: 'ClinicNum of the clinic; 0 = patients without a clinic' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'Part of the first name, any case' },
			{ displayName: 'Gender', name: 'gender', type: 'options', default: 'Female', options: choices(GENDERS) },
			{ displayName: 'Guarantor ID', name: 'guarantor', type: 'number', default: 1, description: 'PatNum of the family guarantor: returns the whole family' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Part of the last name, any case' },
			{ displayName: 'Marital Status', name: 'position', type: 'options', default: 'Single', options: choices(POSITIONS) },
			{ displayName: 'Patient Status', name: 'patStatus', type: 'options', default: 'Patient', options: choices(PAT_STATUSES) },
			{ displayName: 'Primary Provider ID', name: 'priProv', type: 'number', default: 1, description: 'ProvNum of the primary provider' },
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description:
					"Only patients changed at or after this time. Open Dental compares office-local times; a value with a time zone (e.g. {{ $now }}) is converted to this workflow's time zone, which should be the office's. Store each run's serverDateTime for the next run.",
			},
		],
	},
];

export const getAll = patientListOperation('/patients/Simple', FILTERS, description);
