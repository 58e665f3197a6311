import type { IDataObject } from 'n8n-workflow';
import { officeIso } from '../../helpers/dates';

/** How ShortQuery writes a date or date-time: ISO without a zone, whatever the column type. */
const QUERY_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * A report row with its date-times as the rest of the node gives times: ISO 8601 with the office's
 * offset, and null for Open Dental's "not set" (year 1). The texts Open Dental sent are kept in
 * `_original`, by column, so nothing is lost; other values are untouched.
 */
export function withOfficeTimes(row: IDataObject, timeZone: string): IDataObject {
	let original: IDataObject | undefined;
	const shaped: IDataObject = {};
	for (const [column, value] of Object.entries(row)) {
		if (typeof value === 'string' && QUERY_DATE_TIME.test(value)) {
			original ??= {};
			original[column] = value;
			shaped[column] = officeIso(value, timeZone);
		} else {
			shaped[column] = value;
		}
	}
	if (original) shaped._original = original;
	return shaped;
}
