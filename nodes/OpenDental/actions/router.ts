import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getConnection } from '../transport';
import { transportSettings } from '../transport/settings';
import { findOperation } from './registry';

type Plan = { params: unknown } | { error: Error };

// n8n's editor offers "Custom API Call" on every node whose credential the HTTP Request node can use.
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.description = description;
	return { json, pairedItem: { item: itemIndex } };
}

/** Errors leave the node as NodeApiError or NodeOperationError; re-wrapping one of those returns it unchanged. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * Owns the item loop: validates every item before the first request (in the office's time zone), runs the operation per item,
 * pairs each output record with its input item, and turns failures into error items when the node
 * is set to continue on fail.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (operationName === CUSTOM_API_CALL || resource === CUSTOM_API_CALL) {
		throw new NodeOperationError(this.getNode(), 'For a custom API call, use the HTTP Request node', {
			description: "In the HTTP Request node choose Authentication: Predefined Credential Type, then Open Dental API; it sends the ODFHIR header. Paging and pacing are this node's only.",
		});
	}
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	// Reading the credential sends nothing; the office's time zone is needed to read dates.
	const connection = await getConnection.call(this);
	const parseContext = { timeZone: connection.officeTimeZone ?? this.getTimezone(), now: transportSettings().wallClock() };
	const plans: Plan[] = items.map((_, itemIndex) => {
		try {
			return { params: operation.parse.call(this, itemIndex, parseContext) };
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			return { error: error as Error };
		}
	});
	const context = { ...parseContext, connection, cache: new Map<string, unknown>() };

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < plans.length; itemIndex++) {
		const plan = plans[itemIndex];
		if ('error' in plan) {
			output.push(errorItem(plan.error, itemIndex));
			continue;
		}
		try {
			const records = await operation.execute.call(this, plan.params, itemIndex, context);
			// One pairedItem object per input item (n8n only reads it), and a loop, not
			// push(...records): spreading 100,000 records would overflow the call stack.
			const pairedItem = { item: itemIndex };
			for (const json of records) output.push({ json, pairedItem });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return [output];
}
