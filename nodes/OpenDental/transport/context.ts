import type { ICredentialDataDecryptedObject, INode, RequestHelperFunctions } from 'n8n-workflow';

/**
 * What the transport needs from n8n, and no more: every node context has it (an action node's
 * execute, a trigger's poll, a load-options or list-search method, webhook and hook methods),
 * so each of them reaches Open Dental the same way. Only an execution can be stopped.
 */
export interface OpenDentalContext {
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
	helpers: Pick<RequestHelperFunctions, 'httpRequest'>;
	getExecutionCancelSignal?(): AbortSignal | undefined;
}
