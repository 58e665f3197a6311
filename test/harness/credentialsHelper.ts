import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { getAdditionalKeys } from 'n8n-core';
import { ICredentialsHelper, isExpression, NodeHelpers, UnexpectedError } from 'n8n-workflow';

/**
 * An in-memory stand-in for n8n's CLI CredentialsHelper (packages/cli/src/credentials-helper.ts):
 * no database and no encryption, but the same steps where they shape the request — credential
 * defaults via NodeHelpers.getNodeParameters, expression resolution in the data, and a generic
 * `authenticate` resolved through the workflow's own expression engine against `$credentials`.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialType: ICredentialType,
		private readonly data: IDataObject,
	) {
		super();
	}

	private typeOrFail(typeName: string): ICredentialType {
		if (typeName !== this.credentialType.name) {
			throw new UnexpectedError(`Harness knows only the credential type "${this.credentialType.name}", not "${typeName}"`);
		}
		return this.credentialType;
	}

	getParentTypes(typeName: string): string[] {
		// Only one type is registered, so parents are the declared ones (an OAuth parent would send
		// n8n-core's authenticated helpers down its OAuth path, which this harness does not serve).
		return this.typeOrFail(typeName).extends ?? [];
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.typeOrFail(credentialType);
		return !type.restrictToSupportedNodes || (type.supportedNodes ?? []).some((name) => nodeType.endsWith(name));
	}

	getCredentialsProperties(typeName: string): INodeProperties[] {
		return this.typeOrFail(typeName).properties;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		typeName: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		resolve?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		// A fresh copy each time: n8n-core merges preAuthentication output into what we return.
		const stored = structuredClone(this.data) as ICredentialDataDecryptedObject;
		if (raw === true) return stored;
		// As applyDefaultsAndOverwrites does: defaults of the credential type, hidden fields dropped.
		const withDefaults = NodeHelpers.getNodeParameters(this.getCredentialsProperties(typeName), stored as INodeParameters, true, false, null, null) ?? {};
		if (!resolve) return withDefaults as ICredentialDataDecryptedObject;
		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = resolve;
		return workflow.expression.getParameterValue(
			withDefaults,
			runExecutionData,
			runIndex,
			itemIndex,
			node.name,
			connectionInputData,
			mode,
			getAdditionalKeys(additionalData, mode, null, { isCredential: true }),
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.typeOrFail(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node) throw new UnexpectedError('Generic credential authentication needs the workflow and node');

		// Same resolution call as the CLI: getSimpleParameterValue with `$credentials` as an extra key.
		const resolveValue = (value: unknown): unknown => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			return resolved ? String(resolved) : '';
		};
		const target = requestOptions as unknown as Record<string, unknown>;
		requestOptions.headers ??= {};
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			if (outerValue === null || typeof outerValue !== 'object') {
				// url / skipSslCertificateValidation are single values, not maps of entries.
				target[outerKey] = resolveValue(outerValue);
				continue;
			}
			const section = (target[outerKey] ?? {}) as IDataObject;
			for (const [key, value] of Object.entries(outerValue as IDataObject)) {
				section[String(resolveValue(key))] = resolveValue(value) as IDataObject[string];
			}
			target[outerKey] = section;
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		// The CLI's rule: refresh when the expirable hidden field is empty or the server said expired.
		const type = this.typeOrFail(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		return output[expirable.name] === undefined ? undefined : Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOrFail(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	// Nothing is stored, so there is nothing to load or write back (OAuth token refresh, etc.).
	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('The harness keeps no stored credentials');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
