// What every harness runner shares: one node on a one-node Workflow, as n8n builds it, with the
// credentials helper and the additional data an execution supplies.
import { Container } from '@n8n/di';
import { ExternalSecretsProxy, InstanceSettings } from 'n8n-core';
import type { ICredentialType, IDataObject, INode, INodeParameters, INodeType, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Expression, UnexpectedError, Workflow } from 'n8n-workflow';
import { HarnessCredentialsHelper } from './credentialsHelper';

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

export function nodeTypesFor(nodeType: INodeType): INodeTypes {
	const typeName = `${PACKAGE}.${nodeType.description.name}`;
	const get = (name: string): INodeType => {
		if (name !== typeName) throw new UnexpectedError(`Unknown node type "${name}"`);
		return nodeType;
	};
	return { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) };
}

/** What a real execution supplies; the parts a single node run never reaches throw if touched. */
export function additionalDataFor(credentialsHelper: HarnessCredentialsHelper): IWorkflowExecuteAdditionalData {
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


export interface HarnessNodeOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	/** Decrypted credential data; the credential type's defaults are filled in as n8n does. */
	credentials: IDataObject;
	/** Node parameters as a workflow JSON holds them; the Workflow fills in the defaults. */
	parameters: IDataObject;
	/** Workflow settings timezone, default 'America/Chicago'. */
	timezone?: string;
	/** The workflow's static data, as n8n saved it after the previous run (a trigger's state). */
	staticData?: IDataObject;
	/** Extra node fields, e.g. onError. */
	nodeFields?: Partial<INode>;
}

/** The node on a one-node Workflow; the constructor applies the description's defaults to it. */
export function harnessWorkflow(options: HarnessNodeOptions): { workflow: Workflow; node: INode; additionalData: IWorkflowExecuteAdditionalData } {
	const { nodeType, credentialType } = options;
	const node: INode = {
		id: 'harness-node',
		name: NODE_NAME,
		type: `${PACKAGE}.${nodeType.description.name}`,
		typeVersion: Math.max(...[nodeType.description.version].flat()),
		position: [0, 0],
		parameters: structuredClone(options.parameters) as INodeParameters,
		credentials: { [credentialType.name]: { id: 'harness-credential', name: credentialType.displayName } },
		...options.nodeFields,
	};
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
		settings: { timezone: options.timezone ?? 'America/Chicago' },
		staticData: options.staticData ? structuredClone(options.staticData) : undefined,
	});
	const additionalData = additionalDataFor(new HarnessCredentialsHelper(credentialType, options.credentials));
	return { workflow, node, additionalData };
}
