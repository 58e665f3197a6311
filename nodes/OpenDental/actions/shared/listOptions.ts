import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invalidInput, toPositiveInteger } from '../../helpers/validation';
import { DEFAULT_LIMITS } from '../../transport/limits';
import { transportSettings } from '../../transport/settings';
import { forOperation } from './display';

/** Return All and Limit for a list operation. */
export function listOptions(resource: string, operation: string): INodeProperties[] {
	const displayOptions = forOperation(resource, operation);
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: DEFAULT_LIMITS.maxRowsPerRead },
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
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
