interface ByteStream extends AsyncIterable<unknown> {
	destroy(error?: Error): void;
}

function isByteStream(value: unknown): value is ByteStream {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as ByteStream).destroy === 'function' &&
		typeof (value as ByteStream)[Symbol.asyncIterator] === 'function'
	);
}

/** The bytes of an answer, or the value itself when a helper already decoded it. */
export type ReadBody = { bytes: Buffer } | { decoded: unknown };

function declaredLength(headers: Record<string, unknown> | undefined): number | undefined {
	const value = Number(headers?.['content-length']);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Reads an answer up to `maxBytes`, ending early (and freeing the connection) when the server
 * declares or sends more ('tooLarge'), or when `signal` aborts: a body that never ends costs at most
 * the limit.
 */
export async function readUpTo(
	body: unknown,
	headers: Record<string, unknown> | undefined,
	maxBytes: number,
	signal?: AbortSignal,
): Promise<ReadBody | 'tooLarge'> {
	if (!isByteStream(body)) {
		if (typeof body === 'string' || Buffer.isBuffer(body)) {
			const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
			return bytes.length > maxBytes ? 'tooLarge' : { bytes };
		}
		return { decoded: body };
	}
	const declared = declaredLength(headers);
	if (declared !== undefined && declared > maxBytes) {
		body.destroy();
		return 'tooLarge';
	}
	const onAbort = () => body.destroy(new Error('The answer was abandoned'));
	signal?.addEventListener('abort', onAbort, { once: true });
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		if (signal?.aborted) onAbort();
		for await (const chunk of body) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
			size += bytes.length;
			if (size > maxBytes) {
				body.destroy();
				return 'tooLarge';
			}
			chunks.push(bytes);
		}
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
	return { bytes: Buffer.concat(chunks, size) };
}

/** Frees the connection of an answer that will not be read. */
export function discardBody(body: unknown): void {
	if (isByteStream(body)) body.destroy();
}

export const NOT_JSON = Symbol('not JSON');

/** A successful answer's JSON; undefined for an empty body, NOT_JSON for anything else. */
export function parseJson(read: ReadBody): unknown {
	if ('decoded' in read) return read.decoded;
	const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}
