import { KeySet } from '../../../nodes/OpenDentalTrigger/poll/keySet';
import { shiftSeconds } from '../../../nodes/OpenDentalTrigger/poll/officeTime';

const T = '2026-03-02 10:00:00';

describe('KeySet', () => {
	it('stores keys per time as base-36 gaps and reads them back', () => {
		const set = new KeySet();
		for (const key of [49, 46, 47, 48, 46]) set.add(T, key);
		set.add('2026-03-02 10:00:01', 1_000_000);
		expect(set.toStored()).toEqual({ [T]: '1a.1.1.1', '2026-03-02 10:00:01': 'lfls' });
		const back = KeySet.from(set.toStored());
		expect([back.has(T, 46), back.has(T, 49), back.has(T, 50), back.hasKey(1_000_000), back.size]).toEqual([true, true, false, true, 5]);
	});

	it('forgets times before the floor, then the oldest past the cap, and keeps the newest second whole', () => {
		const set = new KeySet();
		for (let second = 0; second < 5; second++) for (let key = 1; key <= 3; key++) set.add(shiftSeconds(T, second), second * 10 + key);
		expect(set.prune(shiftSeconds(T, 1), Number.POSITIVE_INFINITY)).toBe(shiftSeconds(T, 1));
		expect(set.size).toBe(12);
		expect(set.prune(T, 6)).toBe(shiftSeconds(T, 3));
		expect(set.size).toBe(6);
		expect(set.prune(T, 1)).toBe(shiftSeconds(T, 4));
		expect([...Object.keys(set.toStored())]).toEqual([shiftSeconds(T, 4)]);
		expect(set.prune(shiftSeconds(T, 9), 1)).toBeUndefined();
	});
});

describe('office wall times', () => {
	it.each([
		['2026-03-02 10:00:00', -60, '2026-03-02 09:59:00'],
		['2026-03-01 00:00:30', -60, '2026-02-28 23:59:30'],
		['2024-03-01 00:00:00', -86_400, '2024-02-29 00:00:00'],
		['0001-01-01 00:00:00', -60, '0001-01-01 00:00:00'],
		// No time zone: a DST change in the office is not applied (Open Dental compares wall times too).
		['2026-03-08 03:00:30', -60, '2026-03-08 02:59:30'],
	])('%s moved by %d s is %s', (time, seconds, expected) => {
		expect(shiftSeconds(time, seconds)).toBe(expected);
	});
});
