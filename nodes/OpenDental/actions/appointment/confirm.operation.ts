import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invalidInput, toPositiveInteger } from '../../helpers/validation';
import { forOperation } from '../shared/display';
import type { Operation } from '../types';
import { aptNumField, aptPath, readAptNum } from './fields';
import { writeAppointment } from './write';

const CONFIRM_VALUES = ['None', 'Sent', 'Confirmed', 'Not Accepted', 'Failed'];

type ConfirmParams = { aptNum: number; defNum: number } | { aptNum: number; confirmVal: string };

const show = (confirmBy: string) => ({ show: { ...forOperation('appointment', 'confirm').show, confirmBy: [confirmBy] } });

const description: INodeProperties[] = [
	aptNumField('confirm'),
	{
		displayName: 'Confirm By',
		name: 'confirmBy',
		type: 'options',
		default: 'status',
		displayOptions: forOperation('appointment', 'confirm'),
		options: [
			{
				name: 'Status From the Office List',
				value: 'status',
				description: "One of the office's own confirmation statuses (Setup > Definitions > Appt Confirmed): exactly what the front desk sees",
			},
			{
				name: 'eConfirmation Mapping',
				value: 'confirmVal',
				description: "None, Sent, Confirmed, Not Accepted or Failed, each turned into the status the office chose in eServices > Automated Messaging. Offices that never set that up may get an error or an unexpected status.",
			},
		],
	},
	{
		displayName: 'Confirmation Status Name or ID',
		name: 'confirmationStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getConfirmationStatuses' },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: show('status'),
	},
	{
		displayName: 'Confirmation',
		name: 'confirmVal',
		type: 'options',
		default: 'Sent',
		options: CONFIRM_VALUES.map((value) => ({ name: value, value })),
		displayOptions: show('confirmVal'),
	},
];

function parse(this: IExecuteFunctions, itemIndex: number): ConfirmParams {
	const aptNum = readAptNum(this, itemIndex);
	if (this.getNodeParameter('confirmBy', itemIndex, 'status') === 'confirmVal') {
		const confirmVal = String(this.getNodeParameter('confirmVal', itemIndex));
		if (!CONFIRM_VALUES.includes(confirmVal)) {
			throw invalidInput(this, itemIndex, { label: 'Confirmation', name: 'confirmVal' }, `must be one of ${CONFIRM_VALUES.join(', ')}`, JSON.stringify(confirmVal).slice(0, 40));
		}
		return { aptNum, confirmVal };
	}
	const field = { label: 'Confirmation Status', name: 'confirmationStatus' };
	return { aptNum, defNum: toPositiveInteger(this, itemIndex, field, this.getNodeParameter('confirmationStatus', itemIndex)) };
}

export const confirm: Operation<ConfirmParams> = {
	description,
	parse,
	async execute(params, itemIndex, context) {
		const { aptNum, ...body } = params;
		// Setting a status twice leaves it as set once, so a failed attempt may be sent again.
		await writeAppointment(this, aptNum, { path: aptPath(aptNum, 'Confirm'), body, idempotent: true, writes: 'the confirmation status' }, itemIndex, context);
		return [{ AptNum: aptNum, ...body }];
	},
};
