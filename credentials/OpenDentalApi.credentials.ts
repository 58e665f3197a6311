import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class OpenDentalApi implements ICredentialType {
	name = 'openDentalApi';

	displayName = 'Open Dental API';

	icon: Icon = { light: 'file:openDental.svg', dark: 'file:openDental.dark.svg' };

	documentationUrl = 'https://www.opendental.com/site/apisetup.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			default: 'remote',
			options: [
				{
					name: 'Remote API (via the Office eConnector)',
					value: 'remote',
					description: 'https://api.opendental.com — the eConnector must be running at the office',
				},
				{
					name: 'API Service (Office Server)',
					value: 'apiService',
					description: 'http://{host}:30223 on the office network — unthrottled, 1000 rows per page',
				},
				{
					name: 'Local API (Workstation)',
					value: 'localApi',
					description: 'http://{host}:30222 on a workstation running Open Dental — unthrottled',
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Any base URL, for example a proxy or a test server',
				},
			],
		},
		{
			displayName:
				"The API Service and the Local API speak plain http: the keys and patient data cross the network unencrypted. Use them only inside the office's own network (n8n on the office LAN, or over a VPN to it), never across the internet.",
			name: 'plainHttpNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { server: ['apiService', 'localApi'] } },
		},
		{
			displayName:
				'A Base URL starting with http:// sends the keys and patient data unencrypted. Use https:// unless the server is on this machine or inside the office network.',
			name: 'customHttpNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { server: ['custom'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			placeholder: '192.168.1.20',
			description:
				'Name or IP address of the machine running the Open Dental API Service (port 30223) or the Local API (port 30222). Only the name or address: no http://, port or path; an IPv6 address goes in brackets, e.g. [fe80::1].',
			displayOptions: { show: { server: ['apiService', 'localApi'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://192.168.1.20:30223/api/v1',
			description: 'The full base URL including /api/v1; a trailing slash is fine. No user name, password, "?" or "#".',
			displayOptions: { show: { server: ['custom'] } },
		},
		// The linter guesses by name; these keys are the secrets of the integration.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Developer Key',
			name: 'developerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your developer key from the Open Dental Developer Portal (request access from Open Dental vendor relations)',
		},
		// The linter guesses by name; these keys are the secrets of the integration.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Customer Key',
			name: 'customerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The office's customer key: generated in the Developer Portal, then entered and enabled by the office in Open Dental under Setup > Advanced Setup > API (Enabled)",
		},
		{
			displayName: 'Rate Limit',
			name: 'rateLimit',
			type: 'options',
			default: 'readAll',
			description:
				"Open Dental throttles each customer key. The node spaces requests to stay under the key's limit, shared by every workflow in this n8n instance.",
			options: [
				{ name: 'Read All (Free): 1 Request per 5 s', value: 'readAll' },
				{ name: 'Paid Permissions: 1 Request per Second', value: 'paid' },
				{ name: 'Enterprise: 1 Request per 500 Ms', value: 'enterprise' },
				{ name: 'None', value: 'none', description: 'Only for servers that do not throttle' },
				{ name: 'Custom Interval', value: 'custom' },
			],
			displayOptions: { show: { server: ['remote', 'custom'] } },
		},
		{
			displayName: 'Request Interval (Ms)',
			name: 'requestIntervalMs',
			type: 'number',
			default: 5000,
			typeOptions: { minValue: 0 },
			description: 'Minimum time between the starts of two requests with this customer key',
			displayOptions: { show: { server: ['remote', 'custom'], rateLimit: ['custom'] } },
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: 1000 },
			description:
				'Rows per request. Remote API: 100. API Service and Local API: 1000. The node notices if the server returns fewer.',
			displayOptions: { show: { server: ['custom'] } },
		},
		{
			displayName: 'Office Time Zone',
			name: 'officeTimeZone',
			type: 'string',
			default: '',
			placeholder: 'America/Chicago',
			description:
				"The dental office's time zone as an IANA name. Open Dental's times carry no zone: the node reads them, computes windows like \"tomorrow\" and writes times in this zone. Empty: the workflow's time zone.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=ODFHIR {{$credentials.developerKey}}/{{$credentials.customerKey}}',
				// Open Dental rejects requests without it, GETs included.
				'Content-Type': 'application/json',
			},
		},
	};

	// No declarative test: the Open Dental node tests this credential (testedBy), with the node's own
	// rules for the address, redirects and answer size.
}
