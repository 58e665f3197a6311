import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';
import { ConnectionSettingsError } from './address';
import { resolveConnection } from './connection';
import { failureHint, failureSummary } from './errors';
import type { HttpExchange } from './exchange';
import { RequestFailedError, sendWithRetries } from './request';

// A preference lookup: read-only, allowed for Read All keys, and it returns no patient data.
const PRACTICE_TITLE = { method: 'GET' as const, path: '/preferences', qs: { PrefName: 'PracticeTitle' } };

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The office's name from the preference, when it is a plain short text; it tells the user which office the keys reach. */
function practiceTitle(body: unknown): string | undefined {
	const title = Array.isArray(body) ? (body[0] as { ValueString?: unknown } | undefined)?.ValueString : undefined;
	return typeof title === 'string' && title.trim() !== '' && title.length <= 100 && !/[\r\n]/.test(title) ? title.trim() : undefined;
}

/**
 * The credential's Test: the same rules as the node (fields checked before anything is sent, no
 * redirects, bounded answer, one pacing lane per key), with one attempt and a one-line verdict.
 */
export async function testCredential(http: HttpExchange, credentials: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	let connection;
	try {
		connection = resolveConnection(credentials);
	} catch (error) {
		const description = error instanceof ConnectionSettingsError ? ` ${error.description}` : '';
		return { status: 'Error', message: `${sentence((error as Error).message)}${description}` };
	}
	try {
		const body = await sendWithRetries(http, connection, PRACTICE_TITLE, undefined, 1);
		if (!Array.isArray(body)) {
			return { status: 'Error', message: "Open Dental answered with something other than a list. Check the credential's Server, Host and Base URL." };
		}
		const title = practiceTitle(body);
		return { status: 'OK', message: title ? `Connected to ${title}` : 'Connection successful' };
	} catch (error) {
		if (!(error instanceof RequestFailedError)) return { status: 'Error', message: 'The test could not be completed' };
		const { failure } = error;
		const said = failure.serverMessage ? `Open Dental said: "${failure.serverMessage}".` : '';
		return { status: 'Error', message: [sentence(failureSummary(failure)), said, failureHint(failure)].filter(Boolean).join(' ') };
	}
}
