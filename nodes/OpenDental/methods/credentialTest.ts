import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { legacyExchange } from '../transport/exchange';
import { testCredential } from '../transport/credentialTest';

/** The credential's Test button, run by n8n with the credential as entered. */
export async function openDentalApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	// A credential test's context offers only this older request helper.
	// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
	return await testCredential(legacyExchange(this.helpers.request), credential.data ?? {});
}
