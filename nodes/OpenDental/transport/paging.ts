import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OpenDentalConnection } from './connection';
import { offsetIgnored, unexpectedResponse } from './errors';
import { openDentalRequest, type TransportOptions } from './request';

export interface ListRequest {
	/** Path of a list endpoint, e.g. "/patients/Simple". */
	path: string;
	/** Filters; Limit and Offset are set here and nowhere else. */
	qs?: IDataObject;
	/** Field that identifies a row, used to drop rows that shifted into a later page. */
	idField: string;
	/** Stop after this many distinct rows; undefined = every row. */
	limit?: number;
	itemIndex: number;
}

// Open Dental's documented page caps. A short page of exactly one of these sizes is more likely
// the server's cap (lower than the credential says) than the end of the data, so we read on.
const KNOWN_PAGE_CAPS = new Set([100, 1000, 10000]);

/**
 * Reads a list endpoint page by page with Limit/Offset (PascalCase: Open Dental ignores any other
 * casing) until a short page, the limit, or the end. Offset counts rows received, duplicates
 * included, because it is a position on the server.
 */
export async function openDentalRequestAllItems(
	this: IExecuteFunctions,
	connection: OpenDentalConnection,
	request: ListRequest,
	options: TransportOptions = {},
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const seen = new Set<unknown>();
	let pageSize = connection.pageSize;
	let offset = 0;
	let wanted = request.limit ?? Number.POSITIVE_INFINITY;
	while (wanted > 0) {
		const ask = Math.min(pageSize, wanted);
		const page = await openDentalRequest.call(
			this,
			connection,
			{ method: 'GET', path: request.path, qs: { ...request.qs, Limit: ask, Offset: offset }, itemIndex: request.itemIndex },
			options,
		);
		if (!Array.isArray(page)) throw unexpectedResponse(this.getNode(), 'a list', request.path, request.itemIndex);
		let fresh = 0;
		for (const row of page as IDataObject[]) {
			const id = row?.[request.idField];
			if (id !== undefined && seen.has(id)) continue;
			if (id !== undefined) seen.add(id);
			rows.push(row);
			fresh++;
			if (--wanted === 0) break;
		}
		if (page.length > 0 && fresh === 0) throw offsetIgnored(this.getNode(), request.path, offset, request.itemIndex);
		offset += page.length;
		if (page.length < ask) {
			if (page.length === 0 || !KNOWN_PAGE_CAPS.has(page.length)) break;
			pageSize = page.length;
		}
	}
	return rows;
}
