import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { openDentalRequest, unexpectedResponse } from '../../transport';
import { simplifyOption } from '../shared/simplify';
import type { Operation } from '../types';
import { attachPatientContact, contactOptionsCollection, type ContactOptions, readContactOptions } from './contact';
import { aptNumField, aptPath, readAptNum } from './fields';
import { APPOINTMENT_SHORT_RECORD, shapeAppointment } from './record';

interface GetParams {
	aptNum: number;
	simplify: boolean;
	contact: ContactOptions;
}

const description: INodeProperties[] = [
	aptNumField('get'),
	simplifyOption('appointment', 'get', APPOINTMENT_SHORT_RECORD, 'Both add start (ISO with the office offset) and lengthMinutes.'),
	contactOptionsCollection('get'),
];

export const get: Operation<GetParams> = {
	description,
	parse(this: IExecuteFunctions, itemIndex: number) {
		return {
			aptNum: readAptNum(this, itemIndex),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
			contact: readContactOptions(this.getNodeParameter('options', itemIndex, {}) as IDataObject),
		};
	},
	async execute(params, itemIndex, context) {
		const path = aptPath(params.aptNum);
		const record = await openDentalRequest.call(this, context.connection, {
			method: 'GET',
			path,
			itemIndex,
			notFoundMessage: `Appointment ${params.aptNum} not found`,
		});
		if (!record || typeof record !== 'object' || Array.isArray(record)) throw unexpectedResponse(this.getNode(), 'an appointment', `GET ${path}`, itemIndex);
		const shaped = shapeAppointment(record as IDataObject, params.simplify, context.timeZone);
		return await attachPatientContact(this, [shaped], params.contact, itemIndex, context);
	},
};
