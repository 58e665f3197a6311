import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toPositiveInteger } from '../../helpers/validation';
import { forOperation } from '../shared/display';

/** The Appointment ID parameter of one operation. */
export function aptNumField(operation: string): INodeProperties {
	return {
		displayName: 'Appointment ID',
		name: 'aptNum',
		type: 'number',
		default: 0,
		required: true,
		placeholder: '1234',
		description: "The appointment's AptNum",
		displayOptions: forOperation('appointment', operation),
	};
}

export function readAptNum(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInteger(ctx, itemIndex, { label: 'Appointment ID', name: 'aptNum' }, ctx.getNodeParameter('aptNum', itemIndex));
}

export const aptPath = (aptNum: number, action = '') => `/appointments/${aptNum}${action ? `/${action}` : ''}`;
