import type { IDataObject } from 'n8n-workflow';
import { noServerTime, type OpenDentalConnection, type OpenDentalContext, openDentalReadPages, stampFilterIgnored } from '../../OpenDental/transport';
import type { KindSpec } from '../events';
import { isWallTime } from './officeTime';
import type { WindowCursor } from './state';

export interface WindowRead {
	since: string;
	/** The rows of this poll's part of the window, each once, in key order. */
	rows: IDataObject[];
	/** Set when the window is read to its end: Open Dental's time at its first page (undefined: no rows). */
	until?: string;
	/** Set when the page budget ran out first: where the next poll goes on. */
	next?: WindowCursor;
}

interface WindowReadRequest {
	spec: KindSpec;
	filters: IDataObject;
	/** A new window's DateTStamp; ignored when a cursor goes on with an earlier window. */
	since: string;
	cursor?: WindowCursor;
	pageBudget: number;
}

const keyOf = (spec: KindSpec, row: IDataObject) => Number(row[spec.primaryKey]);

/**
 * Reads the records changed since a DateTStamp, at most `pageBudget` pages this poll. A window
 * that needs more pages goes on in the next poll after the last key read: the list is in key
 * order, so the next poll asks one row back and checks that row is still there; if rows before it
 * were deleted meanwhile, it steps back a page at a time until it is. Records changed while the
 * window is read have a DateTStamp after its first page, so the next window brings them.
 */
export async function readWindow(this: OpenDentalContext, connection: OpenDentalConnection, request: WindowReadRequest): Promise<WindowRead> {
	const { spec, cursor } = request;
	const since = cursor?.since ?? request.since;
	const list = { path: spec.path, qs: { ...request.filters, DateTStamp: since }, idField: spec.primaryKey };
	let budget = request.pageBudget;
	let start = cursor ? Math.max(0, cursor.offset - 1) : 0;
	// Going on, the first page is read alone: its first row says whether the window's place moved.
	const firstBudget = cursor ? 1 : budget;
	let read = await openDentalReadPages.call(this, connection, list, { startOffset: start, pageBudget: firstBudget });
	budget -= firstBudget;
	// Stepping back may take more than the budget: it only re-reads pages this window has passed.
	while (cursor && start > 0 && read.rows.length > 0 && keyOf(spec, read.rows[0]) > cursor.lastKey) {
		start = Math.max(0, start - connection.pageSize);
		read = await openDentalReadPages.call(this, connection, list, { startOffset: start, pageBudget: 1 });
		budget--;
	}
	let { rows, endOffset, complete } = read;
	if (!complete && budget > 0) {
		const more = await openDentalReadPages.call(this, connection, list, { startOffset: endOffset, pageBudget: budget });
		// concat, not push(...): a poll may read 100,000 rows, too many arguments for one call.
		rows = rows.concat(more.rows);
		({ endOffset, complete } = more);
	}
	checkRows.call(this, spec, rows, since);
	const ordered = rows.every((row, index) => index === 0 || keyOf(spec, row) > keyOf(spec, rows[index - 1]));
	if (!complete && !ordered) {
		// Without key order a window cannot be resumed safely: read the rest of it now.
		const rest = await openDentalReadPages.call(this, connection, list, { startOffset: endOffset });
		rows = rows.concat(rest.rows);
		complete = true;
	}
	const fresh = cursor ? rows.filter((row) => keyOf(spec, row) > cursor.lastKey) : distinct(spec, rows);
	const until = cursor?.until ?? (rows.length > 0 ? String(rows[0].serverDateTime) : undefined);
	if (complete) return { since, rows: fresh, until };
	const lastKey = rows.reduce((highest, row) => Math.max(highest, keyOf(spec, row)), cursor?.lastKey ?? 0);
	return { since, rows: fresh, next: { since, until: until!, offset: endOffset, lastKey } };
}

function distinct(spec: KindSpec, rows: IDataObject[]): IDataObject[] {
	const keys = new Set<number>();
	return rows.filter((row) => !keys.has(keyOf(spec, row)) && keys.add(keyOf(spec, row)));
}

/** Every row must carry the times the trigger relies on, and a DateTStamp the filter let through. */
function checkRows(this: OpenDentalContext, spec: KindSpec, rows: IDataObject[], since: string): void {
	const request = `GET ${spec.path}`;
	if (rows.length > 0 && !isWallTime(rows[0].serverDateTime)) throw noServerTime(this.getNode(), request, spec.plural);
	if (rows.some((row) => !isWallTime(row.DateTStamp) || (row.DateTStamp as string) < since)) {
		throw stampFilterIgnored(this.getNode(), request, spec.plural, spec.stampFilterSince);
	}
}
