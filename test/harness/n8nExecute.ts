import { ExecuteContext } from 'n8n-core';
import type { CloseFunction, IExecuteData, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';
import { createRunExecutionData, UnexpectedError } from 'n8n-workflow';
import { withLoopbackOnly } from './networkGuard';
import { harnessWorkflow, type HarnessNodeOptions } from './n8nWorkflow';

export interface RunNodeOptions extends Omit<HarnessNodeOptions, 'nodeFields' | 'staticData'> {
	/** Input items, default [{ json: {} }]. */
	items?: INodeExecutionData[];
	/** Sets the node's onError to 'continueRegularOutput'. */
	continueOnFail?: boolean;
	/** The execution's cancel signal: aborting it is pressing Stop. */
	signal?: AbortSignal;
	/** Hosts the node may connect to, default 127.0.0.1 only. */
	allowedHosts?: string[];
	/** Receives the execution hints the node added (shown in n8n's output pane). */
	hints?: NodeExecutionHint[];
}

/**
 * Runs the node's execute() once, inside n8n-core's ExecuteContext on a one-node Workflow — the
 * object WorkflowExecute hands a node — so parameters, credentials, continueOnFail and the HTTP
 * helpers (real axios HTTP) all behave as in n8n. Resolves with execute()'s
 * output; rejects with the node's own error. Only 127.0.0.1 may be contacted meanwhile.
 */
export async function runNode(options: RunNodeOptions): Promise<INodeExecutionData[][]> {
	const { nodeType } = options;
	const items = options.items ?? [{ json: {} }];
	const { workflow, node, additionalData } = harnessWorkflow({
		...options,
		nodeFields: options.continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
	});
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Start' }] } };
	const closeFunctions: CloseFunction[] = [];
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		closeFunctions,
		options.signal ?? new AbortController().signal,
	);
	const execute = nodeType.execute;
	if (!execute) throw new UnexpectedError(`Node type "${node.type}" has no execute()`);
	return await withLoopbackOnly(async () => {
		try {
			const output = await execute.call(context);
			if (!Array.isArray(output)) throw new UnexpectedError('execute() returned no item arrays');
			return output as INodeExecutionData[][];
		} finally {
			// As WorkflowExecute.executeNode does once the node is done.
			await Promise.allSettled(closeFunctions.map(async (close) => await close()));
			options.hints?.push(...context.hints);
		}
	}, options.allowedHosts);
}
