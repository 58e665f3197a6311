import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import { withLoopbackOnly } from './networkGuard';
import { harnessWorkflow, type HarnessNodeOptions } from './n8nWorkflow';

export interface LoadOptionsRunOptions extends Omit<HarnessNodeOptions, 'nodeFields' | 'staticData'> {
	/** The node's load-options method, e.g. "getClinics". */
	method: string;
	allowedHosts?: string[];
}

/**
 * Runs one of a node's load-options methods inside n8n-core's LoadOptionsContext, as the editor's
 * dropdowns call it, over real HTTP; only 127.0.0.1 (or `allowedHosts`) may be contacted.
 */
export async function runLoadOptions(options: LoadOptionsRunOptions): Promise<INodePropertyOptions[]> {
	const load = options.nodeType.methods?.loadOptions?.[options.method] as ((this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>) | undefined;
	if (!load) throw new UnexpectedError(`The node has no load-options method "${options.method}"`);
	const { workflow, node, additionalData } = harnessWorkflow(options);
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	return await withLoopbackOnly(async () => await load.call(context), options.allowedHosts);
}
