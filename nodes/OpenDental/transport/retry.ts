/** How often the transport tries one request; how long is the request deadline's (see limits). */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

// Six attempts with waits of about 1, 2, 4, 8, 16 s ride out an eConnector restart or a short
// office outage; a longer outage is better reported than hidden behind a stuck workflow.
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
};

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or invalid. */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return raw * 1000;
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	const text = raw.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": the nth retry waits between half and all of
 * base × 2^(n-1), capped — spread out, yet never so short that it hammers a struggling office.
 */
export function backoffDelay(retryNumber: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
