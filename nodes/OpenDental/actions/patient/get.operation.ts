import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toPositiveInteger } from '../../helpers/validation';
import { openDentalRequest, unexpectedResponse } from '../../transport';
import type { Operation, OperationContext } from '../types';
import { patNumField } from '../shared/display';
import { shapeRecords, simplifyOption } from '../shared/simplify';
import { PATIENT_SHORT_RECORD } from './shortRecord';

interface GetParams {
	patNum: number;
	simplify: boolean;
}

const description: INodeProperties[] = [
	patNumField('patient', 'get'),
	simplifyOption('patient', 'get', PATIENT_SHORT_RECORD),
];

function parse(this: IExecuteFunctions, itemIndex: number): GetParams {
	return {
		patNum: toPositiveInteger(this, itemIndex, { label: 'Patient ID', name: 'patNum' }, this.getNodeParameter('patNum', itemIndex)),
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
	};
}

async function execute(
	this: IExecuteFunctions,
	params: GetParams,
	itemIndex: number,
	{ connection }: OperationContext,
): Promise<IDataObject[]> {
	const path = `/patients/${params.patNum}`;
	const record = await openDentalRequest.call(this, connection, {
		method: 'GET',
		path,
		itemIndex,
		notFoundMessage: `Patient ${params.patNum} not found`,
	});
	if (!record || typeof record !== 'object' || Array.isArray(record)) {
		throw unexpectedResponse(this.getNode(), 'a patient record', `GET ${path}`, itemIndex);
	}
	return shapeRecords([record as IDataObject], params.simplify, PATIENT_SHORT_RECORD);
}

export const get: Operation<GetParams> = { description, parse, execute };
