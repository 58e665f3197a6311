import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { forOperation } from '../shared/display';
import type { Operation } from '../types';
import { aptNumField, aptPath, readAptNum } from './fields';
import { writeAppointment } from './write';

interface BreakParams {
	aptNum: number;
	breakType?: 'Missed' | 'Cancelled';
	sendToUnscheduledList: boolean;
}

const BREAK_TYPES: Record<string, BreakParams['breakType']> = { missed: 'Missed', cancelled: 'Cancelled', none: undefined };

const description: INodeProperties[] = [
	aptNumField('break'),
	{
		displayName: 'Break Type',
		name: 'breakType',
		type: 'options',
		default: 'missed',
		displayOptions: forOperation('appointment', 'break'),
		options: [
			{ name: 'Missed', value: 'missed', description: 'Adds procedure D9986 (needs the broken-appointment procedure set up in the office)' },
			{ name: 'Cancelled', value: 'cancelled', description: 'Adds procedure D9987 (needs the broken-appointment procedure set up in the office)' },
			{ name: 'Not Specified', value: 'none', description: 'No broken-appointment procedure' },
		],
	},
	{
		displayName: 'Send to Unscheduled List',
		name: 'sendToUnscheduledList',
		type: 'boolean',
		default: true,
		description: "Whether the appointment goes to the office's unscheduled list, to be rescheduled",
		displayOptions: forOperation('appointment', 'break'),
	},
	{
		displayName: 'Only Scheduled appointments can be broken. Use Break, not Confirm, for a patient who cancels.',
		name: 'breakNotice',
		type: 'notice',
		default: '',
		displayOptions: forOperation('appointment', 'break'),
	},
];

function parse(this: IExecuteFunctions, itemIndex: number): BreakParams {
	return {
		aptNum: readAptNum(this, itemIndex),
		breakType: BREAK_TYPES[String(this.getNodeParameter('breakType', itemIndex, 'missed'))],
		sendToUnscheduledList: this.getNodeParameter('sendToUnscheduledList', itemIndex, true) as boolean,
	};
}

export const breakAppointment: Operation<BreakParams> = {
	description,
	parse,
	async execute({ aptNum, breakType, sendToUnscheduledList }, itemIndex, context) {
		const body = { sendToUnscheduledList: String(sendToUnscheduledList), ...(breakType ? { breakType } : {}) };
		// Sent again only when the first provably did nothing: after a break that went through, a second
		// is refused (only Scheduled appointments break), and that refusal would hide the success.
		await writeAppointment(this, aptNum, { path: aptPath(aptNum, 'Break'), body, idempotent: false, writes: 'the break' }, itemIndex, context);
		return [{ AptNum: aptNum, broken: true, breakType: breakType ?? null, sendToUnscheduledList }];
	},
};
