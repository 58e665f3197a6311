import type { INodeProperties } from 'n8n-workflow';
import { WATCH_TABLES } from './tables';

export const MIN_POLLING_SECONDS = 1;
export const MAX_POLLING_SECONDS = 3600;

export const EVENT_TRIGGER_PROPERTIES: INodeProperties[] = [
	{
		displayName:
			"Open Dental's office machine sends the changes to this workflow's production URL, so that URL must be reachable from the office (n8n's WEBHOOK_URL) and, outside the office's network, https. Activate the workflow to start; the test URL lives only while you listen.",
		name: 'reachNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Watch Table',
		name: 'watchTable',
		type: 'options',
		noDataExpression: true,
		options: WATCH_TABLES.map(({ name, value, description }) => ({ name, value, description })),
		default: 'Appointment',
		description: 'What Open Dental sends: every row of this table that changed',
	},
	{
		displayName: 'Workstation Name or ID',
		name: 'workstation',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkstations' },
		default: '',
		description:
			'The office machine that sends the changes; it must be running Open Dental or the Open Dental API Service (best: the server running the API Service, which also sends at night). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Polling Seconds',
		name: 'pollingSeconds',
		type: 'number',
		typeOptions: { minValue: MIN_POLLING_SECONDS, maxValue: MAX_POLLING_SECONDS },
		default: 30,
		description: "How often the office machine looks for changes. Shorter is fresher and loads the office's database more.",
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to return the action node's short record for appointments and patients (never the SSN) instead of the full row Open Dental sends; other tables always come whole",
	},
];
