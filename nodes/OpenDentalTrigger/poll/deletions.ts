import type { IDataObject } from 'n8n-workflow';
import { type OpenDentalConnection, type OpenDentalContext, openDentalReadPages } from '../../OpenDental/transport';
import type { DeletionCursor } from './state';

const DELETIONS_PATH = '/histappointments';

export const deletionsList = (filters: IDataObject) => ({ path: DELETIONS_PATH, qs: { ...filters, HistApptAction: 'Deleted' }, idField: 'HistApptNum' });

/**
 * Reads appointments deleted since the cursor. The appointment history has no DateTStamp filter,
 * but it only grows: rows are added at the end and never removed, so the cursor is the number of
 * deletion rows read, and each poll asks only for those after it (one request when nothing is new).
 * A trigger that starts now starts past the rows already there; one that starts earlier (Start
 * From, Emit Existing) reads them and emits those from its start on.
 */
export async function readDeletions(
	this: OpenDentalContext,
	connection: OpenDentalConnection,
	filters: IDataObject,
	cursor: DeletionCursor,
	pageBudget: number,
): Promise<{ rows: IDataObject[]; next: DeletionCursor }> {
	const read = await openDentalReadPages.call(this, connection, deletionsList(filters), { startOffset: cursor.offset, pageBudget });
	const rows = read.rows.filter((row) => String(row.HistDateTStamp ?? '') >= cursor.from);
	return { rows, next: { ...cursor, offset: read.endOffset } };
}
