import type { INodeProperties } from 'n8n-workflow';
import { operationField } from '../shared/display';
import type { Resource } from '../types';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { search } from './search.operation';

const description: INodeProperties[] = [
	operationField('patient', 'get', [
		{ name: 'Get', value: 'get', description: 'Get a patient by PatNum', action: 'Get a patient' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get full patient records, optionally only those changed since a time',
			action: 'Get many patients',
		},
		{
			name: 'Search',
			value: 'search',
			description: "Find patients like Open Dental's Select Patient window (reduced record)",
			action: 'Search patients',
		},
	]),
	...get.description,
	...getAll.description,
	...search.description,
];

export const patient: Resource = { name: 'Patient', value: 'patient', description, operations: { get, getAll, search } };
