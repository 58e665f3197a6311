import { Container } from '@n8n/di';
import { ExecuteContext, ExternalSecretsProxy, InstanceSettings } from 'n8n-core';
import type {
	CloseFunction,
	ICredentialType,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Expression, UnexpectedError, Workflow } from 'n8n-workflow';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { withLoopbackOnly } from './networkGuard';

export interface RunNodeOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	/** Decrypted credential data; the credential type's defaults are filled in as n8n does. */
	credentials: IDataObject;
	/** Node parameters as a workflow JSON holds them; the Workflow fills in the defaults. */
	parameters: IDataObject;
	/** Input items, default [{ json: {} }]. */
	items?: INodeExecutionData[];
	/** Sets the node's onError to 'continueRegularOutput'. */
	continueOnFail?: boolean;
	/** Workflow settings timezone, default 'America/Chicago'. */
	timezone?: string;
	/** The execution's cancel signal: aborting it is pressing Stop. */
	signal?: AbortSignal;
	/** Hosts the node may connect to, default 127.0.0.1 only. */
	allowedHosts?: string[];
}

const NODE_NAME = 'Node Under Test';
const PACKAGE = 'n8n-nodes-harness';
const UNUSED_URL = 'http://127.0.0.1:5678';

// The n8n 2.41 server defaults to N8N_EXPRESSION_ENGINE=vm, but isolated-vm has no Node 20 build.
// 'legacy' (Tournament, in-process) is n8n-workflow's own default and still a supported setting;
// pin it so expressions in parameters and credentials always run the same way here.
Expression.setExpressionEngine('legacy');

// NodeExecutionContext reads InstanceSettings from the DI container when it is built. The real
// one would write ~/.n8n/config with a fresh encryption key; the node only needs an identity.
// (Container.has() is true for any @Service class, so it cannot tell whether one was built.)
const instanceSettings = { instanceId: 'harness-instance', hmacSignatureSecret: 'harness', instanceType: 'main' };
Container.set(InstanceSettings, instanceSettings as unknown as InstanceSettings);

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	const typeName = `${PACKAGE}.${nodeType.description.name}`;
	const get = (name: string): INodeType => {
		if (name !== typeName) throw new UnexpectedError(`Unknown node type "${name}"`);
		return nodeType;
	};
	return { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) };
}

/** What a real execution supplies; the parts a single node run never reaches throw if touched. */
function additionalDataFor(credentialsHelper: HarnessCredentialsHelper): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not available in the node harness`);
	};
	return {
		credentialsHelper,
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: unsupported('getRunExecutionData'),
		getRuntimeCredential: unsupported('getRuntimeCredential'),
		startRunnerTask: unsupported('startRunnerTask'),
		logAiEvent: () => undefined,
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		executionId: 'harness-execution',
		variables: {},
		restApiUrl: `${UNUSED_URL}/rest`,
		instanceBaseUrl: UNUSED_URL,
		formBaseUrl: `${UNUSED_URL}/form`,
		formWaitingBaseUrl: `${UNUSED_URL}/form-waiting`,
		formTestBaseUrl: `${UNUSED_URL}/form-test`,
		webhookBaseUrl: `${UNUSED_URL}/webhook`,
		webhookWaitingBaseUrl: `${UNUSED_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${UNUSED_URL}/webhook-test`,
		mcpBaseUrl: `${UNUSED_URL}/mcp`,
		mcpTestBaseUrl: `${UNUSED_URL}/mcp-test`,
	};
}

/**
 * Runs the node's execute() once, inside n8n-core's ExecuteContext on a one-node Workflow — the
 * object WorkflowExecute hands a node — so parameters, credentials, continueOnFail and the HTTP
 * helpers (real axios HTTP) all behave as in n8n. Resolves with execute()'s
 * output; rejects with the node's own error. Only 127.0.0.1 may be contacted meanwhile.
 */
export async function runNode(options: RunNodeOptions): Promise<INodeExecutionData[][]> {
	const { nodeType, credentialType } = options;
	const items = options.items ?? [{ json: {} }];
	const node: INode = {
		id: 'harness-node',
		name: NODE_NAME,
		type: `${PACKAGE}.${nodeType.description.name}`,
		typeVersion: Math.max(...[nodeType.description.version].flat()),
		position: [0, 0],
		parameters: structuredClone(options.parameters) as INodeParameters,
		credentials: { [credentialType.name]: { id: 'harness-credential', name: credentialType.displayName } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	// The constructor applies the description's defaults (NodeHelpers.getNodeParameters) to node.
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
		settings: { timezone: options.timezone ?? 'America/Chicago' },
	});
	const additionalData = additionalDataFor(new HarnessCredentialsHelper(credentialType, options.credentials));
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
		}
	}, options.allowedHosts);
}
