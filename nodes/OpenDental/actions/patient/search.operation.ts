import type { INodeProperties } from 'n8n-workflow';
import type { FilterSpec } from '../../helpers/filters';
import { listOptions, patientListOperation } from './common';

const FILTERS: FilterSpec[] = [
	{ name: 'lastName', label: 'Last Name', param: 'LName', kind: 'text' },
	{ name: 'firstName', label: 'First Name', param: 'FName', kind: 'text' },
	{ name: 'phone', label: 'Phone', param: 'Phone', kind: 'text' },
	{ name: 'email', label: 'Email', param: 'Email', kind: 'text' },
	{ name: 'address', label: 'Address', param: 'Address', kind: 'text' },
	{ name: 'city', label: 'City', param: 'City', kind: 'text' },
	{ name: 'state', label: 'State', param: 'State', kind: 'text' },
	{ name: 'chartNumber', label: 'Chart Number', param: 'ChartNumber', kind: 'text' },
	{ name: 'birthdate', label: 'Birthdate', param: 'Birthdate', kind: 'date' },
	{ name: 'clinicNums', label: 'Clinic IDs', param: 'clinicNums', kind: 'idList' },
	{ name: 'hideInactive', label: 'Hide Inactive', param: 'hideInactive', kind: 'boolean' },
	{ name: 'showArchived', label: 'Show Archived', param: 'showArchived', kind: 'boolean' },
];

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const description: INodeProperties[] = [
	{
		displayName:
			"Search works like Open Dental's Select Patient window: partial, case-insensitive matches, and a reduced record (no DateTStamp, gender, guarantor or balances). Use Get Many for full records or changes since a time.",
		name: 'searchNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['patient'], operation: ['search'] } },
	},
	...listOptions('search', 'Search results are already a reduced record.'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['patient'], operation: ['search'] } },
		options: [
			text('Address', 'address', 'Part of the street address'),
			{ displayName: 'Birthdate', name: 'birthdate', type: 'dateTime', default: '', description: 'Only patients born on this day' },
			text('Chart Number', 'chartNumber', 'Part of the chart number'),
			text('City', 'city', 'Part of the city'),
			text('Clinic IDs', 'clinicNums', 'Comma-separated ClinicNums, e.g. 1,2'),
			{ ...text('Email', 'email', 'Part of the email address'), placeholder: 'name@email.com' },
			text('First Name', 'firstName', 'Part of the first name, any case'),
			{ displayName: 'Hide Inactive', name: 'hideInactive', type: 'boolean', default: false, description: 'Whether to leave out inactive patients' },
			text('Last Name', 'lastName', 'Part of the last name, any case'),
			text('Phone', 'phone', 'Digits of a home, work or wireless phone number; punctuation is ignored'),
			{ displayName: 'Show Archived', name: 'showArchived', type: 'boolean', default: false, description: 'Whether to include archived patients' },
			text('State', 'state', 'Two-letter state, e.g. OR'),
		],
	},
];

export const search = patientListOperation('/patients', FILTERS, description);
