import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';
import { openDentalRequest, unexpectedResponse } from '../../../transport';
import type { OperationContext } from '../../types';
import { optOutNames, type PatientContact } from './consent';
import { contactFromPatient } from './perPatient';

/** Patients per query: Open Dental's ShortQuery returns at most 100 rows a call. */
export const PATIENTS_PER_QUERY = 100;
// A query for 100 patients has one row each; more pages mean duplicate opt-out rows, and a few
// pages are plenty for those.
const MAX_PAGES_PER_QUERY = 5;

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

/** A query row as a contact; several opt-out rows of one patient add up. */
function addRow(found: Map<number, PatientContact>, row: IDataObject): void {
	const patNum = Number(row.PatNum);
	const sms = bits(row.OptOutSms);
	const email = bits(row.OptOutEmail);
	const earlier = found.get(patNum);
	if (earlier?.optOut) {
		earlier.optOut = { text: [...new Set([...earlier.optOut.text, ...optOutNames(sms)])], email: [...new Set([...earlier.optOut.email, ...optOutNames(email)])] };
		return;
	}
	const contact = contactFromPatient(
		{
			...row,
			TxtMsgOk: enumName(YES_NO, row.TxtMsgOk),
			PreferConfirmMethod: enumName(CONTACT_METHOD, row.PreferConfirmMethod),
			PreferContactMethod: enumName(CONTACT_METHOD, row.PreferContactMethod),
			PatStatus: enumName(PAT_STATUS, row.PatStatus),
		},
		{ text: optOutNames(sms), email: optOutNames(email) },
	);
	found.set(patNum, contact);
}

async function queryBatch(ctx: IExecuteFunctions, patNums: number[], itemIndex: number, { connection }: OperationContext): Promise<Map<number, PatientContact>> {
	const found = new Map<number, PatientContact>();
	const path = '/queries/ShortQuery';
	let offset = 0;
	for (let page = 0; page < MAX_PAGES_PER_QUERY; page++) {
		const rows = await openDentalRequest.call(ctx, connection, {
			method: 'PUT',
			path,
			qs: offset ? { Offset: offset } : undefined,
			body: { SqlCommand: contactQuery(patNums) },
			idempotent: true,
			permission: 'Queries',
			itemIndex,
		});
		if (!Array.isArray(rows)) throw unexpectedResponse(ctx.getNode(), 'a list of query rows', path, itemIndex);
		for (const row of rows) {
			if (!row || typeof row !== 'object' || !Number.isSafeInteger(Number((row as IDataObject).PatNum))) {
				throw unexpectedResponse(ctx.getNode(), 'query rows with a PatNum', path, itemIndex);
			}
			addRow(found, row as IDataObject);
		}
		// A short page is the end; a full one is, too, once every patient asked for is in.
		if (rows.length < PATIENTS_PER_QUERY || patNums.every((patNum) => found.has(patNum))) return found;
		offset += rows.length;
	}
	const message = 'The patient lookup query returned more rows than expected';
	throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: `Request: PUT ${path}, ${MAX_PAGES_PER_QUERY} pages for ${patNums.length} patients. Use Patient Lookup: One Request per Patient.`,
		itemIndex,
	});
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
