/** A credential field that cannot be used as it is, with a message that names the field. */
export class ConnectionSettingsError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Windows machine names may hold underscores, so they are allowed beside DNS letters and digits.
const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

const parsesAsIpv6 = (text: string) => parseUrl(`http://[${text}]/`)?.hostname.startsWith('[') ?? false;

function isHostName(host: string): boolean {
	const name = host.endsWith('.') ? host.slice(0, -1) : host;
	return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

/**
 * The Host of the API Service or Local API: a machine name, an IPv4 address or an IPv6 address in
 * brackets. Nothing else may reach the URL: no scheme, port, path, query, fragment or user name,
 * each of which would send the keys somewhere other than the office's API.
 */
export function checkHost(raw: unknown): string {
	const host = typeof raw === 'string' ? raw.trim() : '';
	const description =
		'Enter only the name or IP address of the machine running the Open Dental API, e.g. 192.168.1.20, office-server or [fe80::1]. The port is fixed (30223 for the API Service, 30222 for the Local API).';
	if (host === '') return 'localhost';
	if (host.startsWith('[') && host.endsWith(']')) {
		if (parsesAsIpv6(host.slice(1, -1))) return host.toLowerCase();
		throw new ConnectionSettingsError(`The credential's "Host" is not a valid IPv6 address: ${host}`, description);
	}
	if (parsesAsIpv6(host)) {
		throw new ConnectionSettingsError(`The credential's "Host" must put an IPv6 address in brackets: [${host}]`, description);
	}
	if (/^[\d.]+$/.test(host)) {
		if (IPV4.test(host)) return host;
		throw new ConnectionSettingsError(`The credential's "Host" is not a valid IPv4 address: ${host}`, description);
	}
	if (isHostName(host)) return host.toLowerCase();
	throw new ConnectionSettingsError(
		'The credential\'s "Host" must be a machine name or IP address only',
		`${description} A scheme (http://), port, path, "?", "#" or user name is not allowed here.`,
	);
}

/**
 * The Custom URL: http or https, with a host, and no user name, password, query or fragment (a
 * user name would replace the ODFHIR header with Basic auth; a query or fragment would bend every
 * request's path). Returned without trailing slashes, as paths are appended to it.
 */
export function checkBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const example = 'Enter the full base URL including /api/v1, for example http://192.168.1.20:30223/api/v1';
	const url = parseUrl(text);
	if (!url) throw new ConnectionSettingsError('The credential\'s "Base URL" is not a valid http(s) URL', example);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ConnectionSettingsError(`The credential's "Base URL" must start with http:// or https://, not ${url.protocol}`, example);
	}
	if (url.username || url.password || /^https?:\/\/[^/]*@/i.test(text)) {
		throw new ConnectionSettingsError(
			'The credential\'s "Base URL" must not contain a user name or password',
			'Open Dental is reached with the Developer Key and Customer Key below; remove the "name:password@" part.',
		);
	}
	if (text.includes('?') || text.includes('#')) {
		throw new ConnectionSettingsError('The credential\'s "Base URL" must not contain "?" or "#"', example);
	}
	if (!url.hostname) throw new ConnectionSettingsError('The credential\'s "Base URL" has no host', example);
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
