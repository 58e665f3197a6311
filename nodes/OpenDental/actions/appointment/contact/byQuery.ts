import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { openDentalRequestAllItems } from '../../../transport';
import type { OperationContext } from '../../types';
import { optOutNames, type PatientContact } from './consent';
import { contactFromPatient } from './perPatient';

/** Patients per query: Open Dental's ShortQuery returns at most 100 rows a call. */
export const PATIENTS_PER_QUERY = 100;

// The raw tables hold Open Dental's enums as numbers, in the enums' order.
const PAT_STATUS = ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deleted', 'Deceased', 'Prospective'];
const CONTACT_METHOD = ['None', 'DoNotCall', 'HmPhone', 'WkPhone', 'WirelessPh', 'Email', 'SeeNotes', 'Mail', 'TextMessage'];
const YES_NO = ['Unknown', 'Yes', 'No'];

const enumName = (names: string[], value: unknown) => (typeof value === 'string' && Number.isNaN(Number(value)) ? value : (names[Number(value)] ?? ''));
const bits = (value: unknown) => (Number.isSafeInteger(Number(value)) ? Number(value) : 0);

/** The read-only SQL for one batch; PatNums are validated integers, never user text. */
export function contactQuery(patNums: number[]): string {
	return [
		'SELECT p.PatNum, p.LName, p.FName, p.Preferred, p.WirelessPhone, p.Email, p.TxtMsgOk, p.PreferConfirmMethod,',
		'p.PreferContactMethod, p.Language, p.PatStatus, o.OptOutSms, o.OptOutEmail',
		'FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum',
		`WHERE p.PatNum IN (${patNums.join(',')}) ORDER BY p.PatNum`,
	].join(' ');
}

/** A query row (the database's numbers) as a contact. */
function contactOfRow(row: IDataObject): PatientContact {
	return contactFromPatient(
		{
			...row,
			TxtMsgOk: enumName(YES_NO, row.TxtMsgOk),
			PreferConfirmMethod: enumName(CONTACT_METHOD, row.PreferConfirmMethod),
			PreferContactMethod: enumName(CONTACT_METHOD, row.PreferContactMethod),
			PatStatus: enumName(PAT_STATUS, row.PatStatus),
		},
		{ text: optOutNames(bits(row.OptOutSms)), email: optOutNames(bits(row.OptOutEmail)) },
	);
}

/**
 * One batch through the shared paging, a row per patient (commoptout holds one row per patient):
 * the read ends once every patient asked for is in, so 100 patients cost one request.
 */
async function queryBatch(ctx: IExecuteFunctions, patNums: number[], itemIndex: number, { connection }: OperationContext): Promise<Map<number, PatientContact>> {
	const rows = await openDentalRequestAllItems.call(ctx, connection, {
		method: 'PUT',
		path: '/queries/ShortQuery',
		body: { SqlCommand: contactQuery(patNums) },
		idField: 'PatNum',
		limit: patNums.length,
		permission: 'Queries',
		itemIndex,
	});
	return new Map(rows.map((row) => [Number(row.PatNum), contactOfRow(row)]));
}

const cacheKey = (patNum: number) => `patientContactWithOptOut:${patNum}`;

/**
 * One read-only ShortQuery per 100 patients not yet read in this execution (Queries permission):
 * the contact fields and the office's automated-messaging opt-outs, which no REST endpoint shows.
 */
export async function contactsByQuery(
	ctx: IExecuteFunctions,
	patNums: number[],
	itemIndex: number,
	context: OperationContext,
): Promise<Map<number, PatientContact | null>> {
	const missing = patNums.filter((patNum) => !context.cache.has(cacheKey(patNum)));
	for (let start = 0; start < missing.length; start += PATIENTS_PER_QUERY) {
		const batch = missing.slice(start, start + PATIENTS_PER_QUERY);
		const found = await queryBatch(ctx, batch, itemIndex, context);
		for (const patNum of batch) context.cache.set(cacheKey(patNum), found.get(patNum) ?? null);
	}
	return new Map(patNums.map((patNum) => [patNum, context.cache.get(cacheKey(patNum)) as PatientContact | null]));
}
