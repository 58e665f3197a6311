import type { INodeProperties } from 'n8n-workflow';
import { operationField } from '../shared/display';
import type { Resource } from '../types';
import { run } from './run.operation';

const description: INodeProperties[] = [
	operationField('query', 'run', [
		{ name: 'Run', value: 'run', description: 'Run a read-only SQL report (Queries permission)', action: 'Run a read only query' },
	]),
	...run.description,
];

export const query: Resource = { name: 'Query', value: 'query', description, operations: { run } };
