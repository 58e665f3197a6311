import type { IDataObject } from 'n8n-workflow';
import type { OpenDentalConnection, OpenDentalContext } from '../../OpenDental/transport';
import { openDentalReadPages } from '../../OpenDental/transport/paging';
import type { DeletionCursor } from './state';

export const DELETIONS_PATH = '/histappointments';

/**
 * Reads appointments deleted since the cursor. The appointment history has no DateTStamp filter,
 * but it only grows: rows are added at the end and never removed, so the cursor is the number of
 * deletion rows read, and each poll asks only for those after it (one request when nothing is new).
 * The first read of a new trigger goes through the rows already there and emits none older than
 * its start.
 */
export async function readDeletions(
	this: OpenDentalContext,
	connection: OpenDentalConnection,
	filters: IDataObject,
	cursor: DeletionCursor,
	pageBudget: number,
): Promise<{ rows: IDataObject[]; next: DeletionCursor }> {
	const list = { path: DELETIONS_PATH, qs: { ...filters, HistApptAction: 'Deleted' }, idField: 'HistApptNum' };
	const read = await openDentalReadPages.call(this, connection, list, { startOffset: cursor.offset, pageBudget });
	const rows = read.rows.filter((row) => String(row.HistDateTStamp ?? '') >= cursor.from);
	return { rows, next: { ...cursor, offset: read.endOffset } };
}
