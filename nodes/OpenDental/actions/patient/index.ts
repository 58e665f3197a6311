import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../types';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { search } from './search.operation';

const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['patient'] } },
		default: 'get',
		options: [
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
		],
	},
	...get.description,
	...getAll.description,
	...search.description,
];

export const patient: Resource = { name: 'Patient', value: 'patient', description, operations: { get, getAll, search } };
