import type { IExecuteFunctions } from 'n8n-workflow';
import { openDentalRequest, type OpenDentalRequest } from '../../transport';
import type { OperationContext } from '../types';

/** A Comm-permission write to one appointment; Open Dental answers these with an empty 200. */
export async function writeAppointment(
	ctx: IExecuteFunctions,
	aptNum: number,
	request: Pick<OpenDentalRequest, 'path' | 'body' | 'idempotent' | 'writes'>,
	itemIndex: number,
	{ connection }: OperationContext,
): Promise<void> {
	await openDentalRequest.call(ctx, connection, {
		method: 'PUT',
		...request,
		itemIndex,
		permission: 'Comm',
		notFoundMessage: `Appointment ${aptNum} not found`,
	});
}
