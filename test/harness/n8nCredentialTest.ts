import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, INodeCredentialTestResult, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { withLoopbackOnly } from './networkGuard';

/**
 * Presses the credential's Test button as n8n does for a node-tested credential: the node's
 * credentialTest method, called in n8n-core's CredentialTestContext (real HTTP through n8n's own
 * request helper), with the credential data as entered. Only `allowedHosts` may be contacted.
 */
export async function runCredentialTest(data: ICredentialDataDecryptedObject, allowedHosts: string[] = ['127.0.0.1']): Promise<INodeCredentialTestResult> {
	const node = new OpenDental();
	const testedBy = node.description.credentials?.find((credential) => credential.name === 'openDentalApi')?.testedBy;
	const test = typeof testedBy === 'string' ? node.methods.credentialTest[testedBy as keyof typeof node.methods.credentialTest] : undefined;
	if (!test) throw new Error('The node names no credential test for openDentalApi');
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData) as unknown as ICredentialTestFunctions;
	return await withLoopbackOnly(
		async () => await test.call(context, { id: 'harness-credential', name: 'Open Dental', type: 'openDentalApi', data }),
		allowedHosts,
	);
}
