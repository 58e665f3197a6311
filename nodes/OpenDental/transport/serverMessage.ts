/** Longest text of Open Dental's that an error message quotes; its own messages are far shorter. */
const MAX_SERVER_MESSAGE = 300;

export function redact(text: string, secrets: string[]): string {
	let safe = text;
	for (const secret of secrets) {
		if (secret) safe = safe.split(secret).join('***');
	}
	return safe;
}

function decodeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The text Open Dental sent as its explanation, in any of the shapes it uses; nothing else. */
function candidateText(body: unknown): string | undefined {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const text = body.replace(/^\uFEFF/, '').trim();
		const decoded = text.startsWith('"') || text.startsWith('{') ? decodeJson(text) : undefined;
		if (typeof decoded === 'string') return decoded;
		return decoded === undefined ? text : candidateText(decoded);
	}
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const record = body as Record<string, unknown>;
		const message = record.Message ?? record.message;
		if (typeof message === 'string') return message;
	}
	return undefined;
}

// Record-shaped text: JSON or XML/HTML, or "Key": value pairs. Such a body may be a patient record.
const LOOKS_LIKE_DATA = /^[[{<]|"\s*:/;

/**
 * Open Dental's explanation of a failure, when it is one: a JSON string, the Message of an
 * ASP.NET error object, or a short single-line plain text that does not look like data. The keys
 * are blanked first; a text longer than 300 characters is left out whole rather than cut, so no
 * part of a record or key can show. Anything else yields ''.
 */
export function extractServerMessage(body: unknown, secrets: string[]): string {
	const raw = candidateText(body);
	if (raw === undefined) return '';
	const text = redact(raw, secrets).trim();
	if (text === '' || /[\r\n]/.test(text) || LOOKS_LIKE_DATA.test(text) || text.length > MAX_SERVER_MESSAGE) return '';
	return text.replace(/\s+/g, ' ');
}
