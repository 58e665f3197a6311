import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { type FilterSpec, filtersToQuery } from '../../helpers/filters';
import { invalidInput, toPositiveInteger } from '../../helpers/validation';
import { DEFAULT_LIMITS } from '../../transport/limits';
import { transportSettings } from '../../transport/settings';
import { openDentalRequestAllItems } from '../../transport';
import type { Operation } from '../types';
import { simplifyPatient } from './simplify';

/** Return All, Limit and Simplify for a list operation of the patient resource. */
export function listOptions(operation: string, simplifyHint: string): INodeProperties[] {
	const show = { resource: ['patient'], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: DEFAULT_LIMITS.maxRowsPerRead },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
		simplifyOption(operation, simplifyHint),
	];
}

export function simplifyOption(operation: string, hint: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a short record (IDs, names, status, contact and consent fields, clinic, provider, DateTStamp; never SSN) instead of the full record. ${hint}`.trim(),
		displayOptions: { show: { resource: ['patient'], operation: [operation] } },
	};
}

/** The item's row limit: undefined with Return All. No read returns more than the transport's bound. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const field = { label: 'Limit', name: 'limit' };
	const limit = toPositiveInteger(ctx, itemIndex, field, ctx.getNodeParameter('limit', itemIndex, 50));
	const { maxRowsPerRead } = transportSettings().limits;
	if (limit > maxRowsPerRead) throw invalidInput(ctx, itemIndex, field, `must be at most ${maxRowsPerRead.toLocaleString('en-US')}, the most one read returns`, String(limit));
	return limit;
}

export function shapePatients(records: IDataObject[], simplify: boolean): IDataObject[] {
	return simplify ? records.map(simplifyPatient) : records;
}

export interface PatientListParams {
	qs: IDataObject;
	limit?: number;
	simplify: boolean;
}

/** Get Many and Search differ only in endpoint and filters; paging, limit and shaping are shared. */
export function patientListOperation(
	path: string,
	filters: FilterSpec[],
	description: INodeProperties[],
): Operation<PatientListParams> {
	return {
		description,
		parse(itemIndex) {
			return {
				qs: filtersToQuery(this, itemIndex, filters, this.getNodeParameter('filters', itemIndex, {}) as IDataObject),
				limit: readLimit(this, itemIndex),
				simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
			};
		},
		async execute(params, itemIndex, { connection }) {
			const records = await openDentalRequestAllItems.call(this, connection, { path, qs: params.qs, idField: 'PatNum', limit: params.limit, itemIndex });
			return shapePatients(records, params.simplify);
		},
	};
}
