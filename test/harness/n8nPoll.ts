import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import { withLoopbackOnly } from './networkGuard';
import { harnessWorkflow, type HarnessNodeOptions } from './n8nWorkflow';

export interface RunPollOptions extends Omit<HarnessNodeOptions, 'nodeFields'> {
	/** 'trigger' with 'activate' for an active workflow's poll; 'manual' with 'manual' for "Fetch Test Event". */
	mode?: WorkflowExecuteMode;
	activation?: WorkflowActivateMode;
	allowedHosts?: string[];
}

export interface PollResult {
	/** What poll() returned: items to emit, or null for nothing new. */
	output: INodeExecutionData[][] | null;
	/** The workflow's static data after the poll, as n8n would save it for the next one. */
	staticData: IDataObject;
}

/**
 * Runs a polling node's poll() once, inside n8n-core's PollContext on a one-node Workflow: the
 * context an active workflow's poll gets, with the node's static data carried in and out.
 * Only 127.0.0.1 (or `allowedHosts`) may be contacted meanwhile.
 */
export async function runPoll(options: RunPollOptions): Promise<PollResult> {
	const poll = options.nodeType.poll;
	if (!poll) throw new UnexpectedError(`Node type "${options.nodeType.description.name}" has no poll()`);
	const { workflow, node, additionalData } = harnessWorkflow(options);
	const context = new PollContext(workflow, node, additionalData, options.mode ?? 'trigger', options.activation ?? 'activate');
	const output = await withLoopbackOnly(async () => await poll.call(context), options.allowedHosts);
	// As n8n stores it: JSON (the live object is an observable proxy).
	return { output, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
}
