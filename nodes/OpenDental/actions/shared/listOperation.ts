import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { openDentalRequestAllItems } from '../../transport';
import type { Operation } from '../types';
import { type FilterSpec, filterCollection, filtersToQuery } from './filters';
import { listOptions, readLimit } from './listOptions';
import { shapeRecords, type ShortRecord, simplifyOption } from './simplify';

/** Everything that tells one list operation from another. */
export interface ListOperationSpec {
	resource: string;
	operation: string;
	/** Open Dental's list endpoint, e.g. "/patients/Simple". */
	path: string;
	/** The primary key every row carries, e.g. "PatNum". */
	idField: string;
	filters: FilterSpec[];
	shortRecord: ShortRecord;
	/** Said under Simplify, e.g. what the full record is. */
	simplifyHint?: string;
	/** Parameters shown first, e.g. a notice on what the endpoint returns. */
	intro?: INodeProperties[];
}

export interface ListParams {
	qs: IDataObject;
	limit?: number;
	simplify: boolean;
}

/** A list operation: Return All / Limit, Simplify and Filters, read through the transport's paging. */
export function listOperation(spec: ListOperationSpec): Operation<ListParams> {
	const { resource, operation, path, idField, filters, shortRecord } = spec;
	return {
		description: [
			...(spec.intro ?? []),
			...listOptions(resource, operation),
			simplifyOption(resource, operation, shortRecord, spec.simplifyHint),
			filterCollection(resource, operation, filters),
		],
		parse(itemIndex, { timeZone }) {
			return {
				qs: filtersToQuery(this, itemIndex, filters, this.getNodeParameter('filters', itemIndex, {}) as IDataObject, timeZone),
				limit: readLimit(this, itemIndex),
				simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
			};
		},
		async execute(params, itemIndex, { connection }) {
			const records = await openDentalRequestAllItems.call(this, connection, { path, qs: params.qs, idField, limit: params.limit, itemIndex });
			return shapeRecords(records, params.simplify, shortRecord);
		},
	};
}
