/**
 * Whether Open Dental may be told to send patient records to this webhook URL. Deliveries carry
 * whole records and the customer key, so plain http is accepted only where the traffic stays on
 * the office's network or the machine: a single-label machine name, .local, localhost, or a
 * private, loopback or link-local address. Returns the problem, or undefined when the URL is fine.
 */
export function endpointProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'is not a URL';
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol !== 'http:') return `uses ${parsed.protocol}, not https`;
	if (isLocalHost(parsed.hostname)) return undefined;
	return `is plain http to ${parsed.hostname}, outside the office's network: patient records and the customer key would cross the internet unencrypted`;
}

function isLocalHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.local') || !host.includes('.') && !host.includes(':')) return true;
	const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
	if (ipv4) {
		const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
		return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
	}
	return host === '::1' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80:');
}
