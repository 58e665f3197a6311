import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { checkBaseUrl, checkHost, ConnectionSettingsError } from './address';
import type { OpenDentalContext } from './context';

export const CREDENTIAL_TYPE = 'openDentalApi';

/** Everything the transport needs to talk to one Open Dental server with one customer key. */
export interface OpenDentalConnection {
	baseUrl: string;
	/** Rows asked for per page; the server may still return fewer (see paging). */
	pageSize: number;
	/** Minimum start-to-start spacing of requests for this customer key; 0 = unthrottled. */
	intervalMs: number;
	/** Page requests that may be in flight at once for this key (1 on throttled servers). */
	maxInFlight: number;
	/** Names the pacing lane of this server and customer key without holding the key itself. */
	laneId: string;
	/** The ODFHIR Authorization header. Built once, so a request leaves right after its pacing slot. */
	authorization: string;
	/** Values that must never appear in an error message. */
	secrets: string[];
	/** The office's IANA time zone from the credential; undefined = the workflow's. */
	officeTimeZone?: string;
}

const REMOTE_URL = 'https://api.opendental.com/api/v1';

const INTERVAL_BY_PLAN: Record<string, number> = {
	readAll: 5000,
	paid: 1000,
	enterprise: 500,
	none: 0,
};

// API Service and Local API are unthrottled and serve 1000 rows a page; overlapping a few page
// requests there hides network latency without loading the office server much.
const UNTHROTTLED_IN_FLIGHT = 4;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

const serverOf = (credentials: ICredentialDataDecryptedObject) => text(credentials.server) || 'remote';

function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const server = serverOf(credentials);
	if (server === 'remote') return REMOTE_URL;
	if (server === 'apiService') return `http://${checkHost(credentials.host)}:30223/api/v1`;
	if (server === 'localApi') return `http://${checkHost(credentials.host)}:30222/api/v1`;
	return checkBaseUrl(credentials.baseUrl);
}

function resolveInterval(credentials: ICredentialDataDecryptedObject): number {
	const server = serverOf(credentials);
	if (server === 'apiService' || server === 'localApi') return 0;
	const plan = text(credentials.rateLimit) || 'readAll';
	if (plan !== 'custom') return INTERVAL_BY_PLAN[plan] ?? INTERVAL_BY_PLAN.readAll;
	const interval = Number(credentials.requestIntervalMs);
	if (!Number.isFinite(interval) || interval < 0) {
		throw new ConnectionSettingsError('The credential\'s "Request Interval (Ms)" must be 0 or more', 'Set it to the spacing your key allows, e.g. 1000');
	}
	return interval;
}

function resolvePageSize(credentials: ICredentialDataDecryptedObject): number {
	const server = serverOf(credentials);
	if (server === 'remote') return 100;
	if (server === 'apiService' || server === 'localApi') return 1000;
	const size = credentials.pageSize === undefined ? 100 : Number(credentials.pageSize);
	if (!Number.isInteger(size) || size < 1 || size > 1000) {
		throw new ConnectionSettingsError('The credential\'s "Page Size" must be a whole number from 1 to 1000', 'Use 100 for the Remote API and 1000 for the API Service');
	}
	return size;
}

function resolveTimeZone(credentials: ICredentialDataDecryptedObject): string | undefined {
	const zone = text(credentials.officeTimeZone);
	if (!zone) return undefined;
	const known = canonicalZone(zone);
	if (known) return known;
	throw new ConnectionSettingsError(`The credential's "Office Time Zone" is not a time zone name: ${zone.slice(0, 60)}`, 'Use an IANA name such as America/Chicago, or leave it empty to use the workflow\'s time zone');
}

/** The zone's canonical IANA name (America/Chicago for america/chicago); undefined when there is no such zone. */
function canonicalZone(zone: string): string | undefined {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

/** The connection a credential describes; a ConnectionSettingsError names the field that is wrong. */
export function resolveConnection(credentials: ICredentialDataDecryptedObject): OpenDentalConnection {
	const developerKey = text(credentials.developerKey);
	const customerKey = text(credentials.customerKey);
	if (!developerKey || !customerKey) {
		throw new ConnectionSettingsError('The Open Dental credential is missing its Developer Key or Customer Key', 'Both keys are required; see the credential help');
	}
	const baseUrl = resolveBaseUrl(credentials);
	const intervalMs = resolveInterval(credentials);
	return {
		baseUrl,
		pageSize: resolvePageSize(credentials),
		intervalMs,
		maxInFlight: intervalMs > 0 ? 1 : UNTHROTTLED_IN_FLIGHT,
		// Open Dental throttles per customer key on each server, so the lane is the two together:
		// hashed, so the key is never stored. A key used on two servers does not share a lane.
		laneId: createHash('sha256').update(`${new URL(baseUrl).origin}\n${customerKey}`).digest('hex').slice(0, 24),
		authorization: `ODFHIR ${developerKey}/${customerKey}`,
		secrets: [developerKey, customerKey],
		officeTimeZone: resolveTimeZone(credentials),
	};
}

export async function getConnection(this: OpenDentalContext): Promise<OpenDentalConnection> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		return resolveConnection(credentials);
	} catch (error) {
		const description = error instanceof ConnectionSettingsError ? error.description : undefined;
		throw new NodeOperationError(this.getNode(), error as Error, { description });
	}
}
