import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { WatchTable } from './tables';

/** The most rows one delivery may carry: Open Dental sends batches of up to 1000 (23.2.1 and later). */
export const MAX_ROWS_PER_DELIVERY = 10_000;

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether a delivery carries the customer key, as Open Dental sends it: the bare key in
 * Authorization (no signature exists). Compared in constant time, as digests of equal length.
 */
export function carriesKey(header: unknown, customerKey: string): boolean {
	if (typeof header !== 'string' || customerKey === '') return false;
	return timingSafeEqual(digest(header.trim()), digest(customerKey));
}

/** Whether the Event-Type header (22.4.35 and later; older versions send none) names this table. */
export function isForTable(header: unknown, table: WatchTable): boolean {
	if (header === undefined) return true;
	return typeof header === 'string' && header.replace(/\s+/g, '').toLowerCase() === `watchtable:${table.value}`.toLowerCase();
}

export type Batch = { rows: IDataObject[] } | { problem: string };

/** The delivery's rows: a JSON array of records. */
export function readBatch(body: unknown): Batch {
	if (!Array.isArray(body)) return { problem: 'The body is not a JSON array of rows' };
	if (body.length > MAX_ROWS_PER_DELIVERY) return { problem: `More than ${MAX_ROWS_PER_DELIVERY} rows in one delivery` };
	if (!body.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) return { problem: 'A row is not a record' };
	return { rows: body as IDataObject[] };
}

/** One item per row, shaped as the action node shapes records, with the table and the machine that sent it. */
export function toItems(rows: IDataObject[], table: WatchTable, simplify: boolean, timeZone: string, workstation: string): INodeExecutionData[] {
	return rows.map((row) => {
		const shaped = simplify && table.simplify ? table.simplify(row, timeZone) : { ...row };
		return { json: { ...shaped, _event: table.value, _workstation: workstation } };
	});
}
