import type { IDataObject } from 'n8n-workflow';
import type { OpenDentalContext } from './context';
import type { OpenDentalConnection } from './connection';
import { notRecords, offsetIgnored, readTooLong, unexpectedResponse } from './errors';
import { openDentalRequest } from './request';
import type { PaidPermission } from './permissions';
import { transportSettings } from './settings';

export interface ListRequest {
	/** Path of a list endpoint, e.g. "/patients/Simple". */
	path: string;
	/** Filters; Limit and Offset are set here and nowhere else. */
	qs?: IDataObject;
	/**
	 * Field that identifies a row, used to drop rows that shifted into a later page; every row must
	 * carry it. Several fields when only together they identify a row (the recall list: patient and type).
	 * None ([]) for rows without an identity (a report): every row is kept, and a full page equal to
	 * the one before it means the server ignored Offset.
	 */
	idField: string | string[];
	/** GET, or PUT for the one list that is read with a body (a read-only query). */
	method?: 'GET' | 'PUT';
	body?: IDataObject;
	/** The paid permission the list needs, named when Open Dental refuses it. */
	permission?: PaidPermission;
	/** What a 400 with Open Dental's explanation means for this list, e.g. that a query could not run. */
	rejectedMessage?: string;
	/** Stop after this many distinct rows; undefined = every row. */
	limit?: number;
	/** The input item the read is for; errors name it only when there is one. */
	itemIndex?: number;
}

// Open Dental's documented page caps. A short page of exactly one of these sizes is more likely
// the server's cap (lower than the credential says) than the end of the data, so we read on.
const KNOWN_PAGE_CAPS = new Set([100, 1000, 10000]);

interface PendingPage {
	offset: number;
	ask: number;
	response: Promise<unknown>;
}

const isRecord = (row: unknown): row is IDataObject => typeof row === 'object' && row !== null && !Array.isArray(row);
const isId = (id: unknown) => (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id !== '');

const fieldsOf = (idField: string | string[]) => (Array.isArray(idField) ? idField : [idField]);

/** What is wrong with a page's rows, if anything: every row of an Open Dental list is a record with its id. */
function rowProblem(page: unknown[], idFields: string[]): 'notRecords' | 'noId' | undefined {
	if (!page.every(isRecord)) return 'notRecords';
	return page.every((row) => idFields.every((field) => isId((row as IDataObject)[field]))) ? undefined : 'noId';
}

/** A row's identity: its id, or its id fields together. */
function rowKey(row: IDataObject, idFields: string[]): unknown {
	return idFields.length === 1 ? row[idFields[0]] : idFields.map((field) => String(row[field])).join('\u0000');
}

/** Distinct rows in server order, up to the limit. */
class RowCollector {
	readonly rows: IDataObject[] = [];
	private readonly seen = new Set<unknown>();
	/** The last page of rows without identity, as text: the same page again means Offset was ignored. */
	private lastPage = '';
	wanted: number;

	constructor(
		private readonly idFields: string[],
		limit: number,
	) {
		this.wanted = limit;
	}

	/** Adds a page's new rows and returns how many were new. */
	add(page: IDataObject[]): number {
		if (this.idFields.length === 0) return this.addWithoutIds(page);
		let fresh = 0;
		for (const row of page) {
			if (this.wanted === 0) break;
			const id = rowKey(row, this.idFields);
			if (this.seen.has(id)) continue;
			this.seen.add(id);
			this.rows.push(row);
			fresh++;
			this.wanted--;
		}
		return fresh;
	}

	/** Rows without identity are all kept; a page that repeats the one before counts as nothing new. */
	private addWithoutIds(page: IDataObject[]): number {
		const text = JSON.stringify(page);
		if (page.length > 0 && text === this.lastPage) return 0;
		this.lastPage = text;
		const kept = page.slice(0, this.wanted);
		for (const row of kept) this.rows.push(row);
		this.wanted -= kept.length;
		return kept.length;
	}
}

/**
 * Reads a list endpoint page by page with Limit/Offset (PascalCase: Open Dental ignores any other
 * casing) until a short page, the limit, or the end. Offset counts rows received, duplicates
 * included, because it is a position on the server.
 *
 * Where the key allows several requests at once (API Service, Local API), later pages are asked for
 * before the current one is in, as if every page were full: that hides the round trip. The window
 * opens only as full pages come back (1, 2, 4, …), so a result of one page costs one request. Pages
 * are read in order, and a page that is not full voids the ones asked for after it, so the rows are
 * exactly those a page-at-a-time read returns. The price is at most (window − 1) requests for pages
 * past the end.
 *
 * A read always ends: on a page that is not full, on rows seen before (an ignored Offset), on rows
 * that are not records with the id, or at the rows and pages one read may take (see limits).
 */
export async function openDentalRequestAllItems(
	this: OpenDentalContext,
	connection: OpenDentalConnection,
	request: ListRequest,
): Promise<IDataObject[]> {
	return (await openDentalReadPages.call(this, connection, request)).rows;
}

/** Where a read that may stop early got to. */
export interface PagesRead {
	rows: IDataObject[];
	/** Offset just past the last row received: where a later read goes on. */
	endOffset: number;
	/** Whether the list ended (or the limit was reached) rather than the page budget. */
	complete: boolean;
	/** Pages that came back. */
	pages: number;
}

/**
 * Reads a list as openDentalRequestAllItems does, from `startOffset`, and, with `pageBudget`, stops
 * after that many pages without an error and says where it got to (a trigger reads a long window
 * across several polls this way).
 */
export async function openDentalReadPages(
	this: OpenDentalContext,
	connection: OpenDentalConnection,
	request: ListRequest,
	{ startOffset = 0, pageBudget }: { startOffset?: number; pageBudget?: number } = {},
): Promise<PagesRead> {
	const { maxRowsPerRead, maxPagesPerRead } = transportSettings().limits;
	// One row past the bound tells a list that is too long from one that is exactly that long.
	const idFields = fieldsOf(request.idField);
	const method = request.method ?? 'GET';
	const named = `${method} ${request.path}`;
	const collector = new RowCollector(idFields, Math.min(request.limit ?? Number.POSITIVE_INFINITY, maxRowsPerRead + 1));
	const maxPages = Math.min(pageBudget ?? maxPagesPerRead, maxPagesPerRead);
	let pagesAsked = 0;
	let complete = true;
	const maxWindow = Math.max(1, connection.maxInFlight);
	let windowSize = 1;
	// Stops retries of pages that turned out not to be needed; an attempt in flight completes.
	let unneeded = new AbortController();
	let pending: PendingPage[] = [];
	let pageSize = connection.pageSize;
	let nextOffset = startOffset;
	let askedAhead = 0;
	let endOffset = startOffset;
	let pagesRead = 0;

	const askFor = (offset: number, ask: number): PendingPage => {
		const qs = { ...request.qs, Limit: ask, Offset: offset };
		const response = openDentalRequest.call(this, connection, {
			method,
			path: request.path,
			qs,
			body: request.body,
			idempotent: true,
			permission: request.permission,
			rejectedMessage: request.rejectedMessage,
			itemIndex: request.itemIndex,
			signal: unneeded.signal,
		});
		// Handled when its turn comes; until then a failure must not count as an unhandled rejection.
		response.catch(() => {});
		return { offset, ask, response };
	};

	try {
		while (collector.wanted > 0) {
			while (pending.length < windowSize && collector.wanted - askedAhead > 0) {
				if (pagesAsked === maxPages) {
					if (pageBudget === undefined || maxPages === maxPagesPerRead) throw readTooLong(this.getNode(), named, maxPagesPerRead, 'pages', request.itemIndex);
					break;
				}
				const ask = Math.min(pageSize, collector.wanted - askedAhead);
				pagesAsked++;
				pending.push(askFor(nextOffset, ask));
				nextOffset += ask;
				askedAhead += ask;
			}
			const page = pending.shift();
			if (!page) {
				complete = false;
				break;
			}
			askedAhead -= page.ask;
			const body = await page.response;
			pagesRead++;
			if (!Array.isArray(body)) throw unexpectedResponse(this.getNode(), 'a list', named, request.itemIndex);
			const problem = rowProblem(body, idFields);
			if (problem) {
				throw notRecords(this.getNode(), named, page.offset, problem === 'noId' ? idFields.join(' and ') : undefined, request.itemIndex);
			}
			const fresh = collector.add(body as IDataObject[]);
			endOffset = page.offset + body.length;
			if (collector.rows.length > maxRowsPerRead) throw readTooLong(this.getNode(), named, maxRowsPerRead, 'rows', request.itemIndex);
			if (body.length > 0 && fresh === 0) {
				throw offsetIgnored(this.getNode(), named, page.offset, request.itemIndex);
			}
			if (body.length === page.ask) {
				windowSize = Math.min(maxWindow, windowSize * 2);
				continue;
			}
			// Not a full page: the pages asked for after it are past the end or at the wrong Offset.
			await settle(pending, unneeded);
			unneeded = new AbortController();
			pending = [];
			askedAhead = 0;
			nextOffset = page.offset + body.length;
			if (body.length > page.ask) continue;
			if (body.length === 0 || !KNOWN_PAGE_CAPS.has(body.length)) break;
			pageSize = body.length;
		}
	} finally {
		await settle(pending, unneeded);
	}
	return { rows: collector.rows, endOffset, complete, pages: pagesRead };
}

/** Lets voided or surplus pages finish without retrying, so no request outlives the operation. */
async function settle(pages: PendingPage[], unneeded: AbortController): Promise<void> {
	if (pages.length === 0) return;
	unneeded.abort();
	await Promise.allSettled(pages.map(async (page) => await page.response));
}
