import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { openDentalRequest, unexpectedResponse } from '../../../transport';
import type { OperationContext } from '../../types';
import type { PatientContact } from './consent';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function contactFromPatient(record: IDataObject, optOut: PatientContact['optOut']): PatientContact {
	return {
		PatNum: Number(record.PatNum),
		FName: text(record.FName),
		LName: text(record.LName),
		Preferred: text(record.Preferred),
		WirelessPhone: text(record.WirelessPhone),
		Email: text(record.Email),
		TxtMsgOk: text(record.TxtMsgOk) || 'Unknown',
		PreferConfirmMethod: text(record.PreferConfirmMethod),
		PreferContactMethod: text(record.PreferContactMethod),
		Language: text(record.Language),
		PatStatus: text(record.PatStatus),
		optOut,
	};
}

const cacheKey = (patNum: number) => `patientContact:${patNum}`;

/**
 * One GET /patients/{PatNum} per patient not yet read in this execution (a patient Open Dental no
 * longer has comes back as null). Requests go one after another: the key's lane paces them anyway.
 */
export async function contactsPerPatient(
	ctx: IExecuteFunctions,
	patNums: number[],
	itemIndex: number,
	{ connection, cache }: OperationContext,
): Promise<Map<number, PatientContact | null>> {
	const found = new Map<number, PatientContact | null>();
	for (const patNum of patNums) {
		const key = cacheKey(patNum);
		if (!cache.has(key)) cache.set(key, await readPatient(ctx, patNum, itemIndex, connection));
		found.set(patNum, cache.get(key) as PatientContact | null);
	}
	return found;
}

async function readPatient(ctx: IExecuteFunctions, patNum: number, itemIndex: number, connection: OperationContext['connection']): Promise<PatientContact | null> {
	const path = `/patients/${patNum}`;
	const record = await openDentalRequest.call(ctx, connection, { method: 'GET', path, itemIndex, notFoundIsNull: true });
	if (record === null) return null;
	if (!record || typeof record !== 'object' || Array.isArray(record)) throw unexpectedResponse(ctx.getNode(), 'a patient record', `GET ${path}`, itemIndex);
	return contactFromPatient(record as IDataObject, null);
}
