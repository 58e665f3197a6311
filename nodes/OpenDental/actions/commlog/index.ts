import type { INodeProperties } from 'n8n-workflow';
import { operationField } from '../shared/display';
import type { Resource } from '../types';
import { create } from './create.operation';
import { getAll } from './getAll.operation';

const description: INodeProperties[] = [
	operationField('commlog', 'create', [
		{ name: 'Create', value: 'create', description: "Record a message or call in the patient's Comm Log (Comm permission)", action: 'Create a commlog' },
		{ name: 'Get Many', value: 'getAll', description: "Get commlogs, by patient or changed since a time", action: 'Get many commlogs' },
	]),
	...create.description,
	...getAll.description,
];

export const commlog: Resource = { name: 'Commlog', value: 'commlog', description, operations: { create, getAll } };
