// Credential address fields that must be refused before any request, with the message that names
// the field. The node and the credential's Test button are both held to this one table.

/** `HOST` in a value stands for the test server's host:port, so a wrongly accepted field would reach it. */
export const REFUSED_ADDRESSES: Array<[Record<string, string>, string]> = [
	[{ server: 'apiService', host: 'HOST/x?' }, 'The credential\'s "Host" must be a machine name or IP address only'],
	[{ server: 'apiService', host: '127.0.0.1#' }, 'The credential\'s "Host" must be a machine name or IP address only'],
	[{ server: 'localApi', host: 'http://127.0.0.1' }, 'The credential\'s "Host" must be a machine name or IP address only'],
	[{ server: 'localApi', host: 'admin@127.0.0.1' }, 'The credential\'s "Host" must be a machine name or IP address only'],
	[{ server: 'apiService', host: '999.1.1.1' }, 'The credential\'s "Host" is not a valid IPv4 address: 999.1.1.1'],
	[{ server: 'apiService', host: '::1' }, 'The credential\'s "Host" must put an IPv6 address in brackets: [::1]'],
	[{ server: 'apiService', host: '[::g]' }, 'The credential\'s "Host" is not a valid IPv6 address: [::g]'],
	[{ server: 'custom', baseUrl: 'http://user:pw@HOST/api/v1' }, 'The credential\'s "Base URL" must not contain a user name or password'],
	[{ server: 'custom', baseUrl: 'http://HOST/api/v1#' }, 'The credential\'s "Base URL" must not contain "?" or "#"'],
	[{ server: 'custom', baseUrl: 'http://HOST/api/v1?' }, 'The credential\'s "Base URL" must not contain "?" or "#"'],
	[{ server: 'custom', baseUrl: 'file:///etc/hosts' }, 'The credential\'s "Base URL" must start with http:// or https://, not file:'],
	[{ server: 'custom', baseUrl: 'javascript:alert(1)' }, 'The credential\'s "Base URL" must start with http:// or https://, not javascript:'],
	[{ server: 'custom', baseUrl: 'api.example.com' }, 'The credential\'s "Base URL" is not a valid http(s) URL'],
];

export function withHost(fields: Record<string, string>, hostAndPort: string): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value.replace('HOST', hostAndPort)]));
}
