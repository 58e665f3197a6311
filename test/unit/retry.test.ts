import { backoffDelay, parseRetryAfter } from '../../nodes/OpenDental/transport/retry';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const policy = { maxAttempts: 6, maxTotalWaitMs: 120_000, baseDelayMs: 1000, maxDelayMs: 30_000 };

describe('parseRetryAfter', () => {
	it.each([
		['5', 5000],
		['0', 0],
		[' 2 ', 2000],
		['1.5', 1500],
		[['4'], 4000],
		[3, 3000],
		['Sat, 21 Nov 2026 10:00:10 GMT', 10_000],
		['Sat, 21 Nov 2026 09:59:00 GMT', 0],
	])('%p → %i ms', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	it.each([[undefined], [''], ['soon'], [-1], [null]])('%p → undefined', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it.each([
		[1, 500, 1000],
		[2, 1000, 2000],
		[3, 2000, 4000],
		[5, 8000, 16_000],
		[6, 15_000, 30_000],
		[10, 15_000, 30_000],
	])('retry %i waits between %i and %i ms', (retry, low, high) => {
		expect(backoffDelay(retry, policy, () => 0)).toBe(low);
		expect(backoffDelay(retry, policy, () => 1)).toBe(high);
		const sample = backoffDelay(retry, policy);
		expect(sample).toBeGreaterThanOrEqual(low);
		expect(sample).toBeLessThanOrEqual(high);
	});
});
