import type { INodeProperties } from 'n8n-workflow';
import { operationField } from '../shared/display';
import type { Resource } from '../types';
import { getList } from './getList.operation';
import { setStatus } from './setStatus.operation';

const description: INodeProperties[] = [
	operationField('recall', 'getList', [
		{ name: 'Get List', value: 'getList', description: "Get the office's Recall List: patients due for a cleaning or other recall", action: 'Get the recall list' },
		{ name: 'Set Status', value: 'setStatus', description: "Set a patient's recall status; Open Dental also writes a commlog (Comm permission)", action: 'Set a recall status' },
	]),
	...getList.description,
	...setStatus.description,
];

export const recall: Resource = { name: 'Recall', value: 'recall', description, operations: { getList, setStatus } };
