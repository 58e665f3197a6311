import { addDays, officeDate, officeIso } from '../../../nodes/OpenDental/helpers/dates';
import { windowDays } from '../../../nodes/OpenDental/actions/appointment/window';

// 2026-12-01 03:30 UTC: still November 30 in Chicago, already December 1 in Berlin.
const NOW = Date.UTC(2026, 11, 1, 3, 30, 0);

describe('office days', () => {
	it('takes today from the office calendar, not UTC', () => {
		expect(officeDate(NOW, 'America/Chicago')).toBe('2026-11-30');
		expect(officeDate(NOW, 'Europe/Berlin')).toBe('2026-12-01');
		expect(officeDate(NOW, 'UTC')).toBe('2026-12-01');
	});

	it('moves calendar days across months, years and leap days', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
	});

	it('computes each Window in the office time zone', () => {
		expect(windowDays('today', NOW, 'America/Chicago')).toEqual({ dateStart: '2026-11-30', dateEnd: '2026-11-30' });
		expect(windowDays('tomorrow', NOW, 'America/Chicago')).toEqual({ dateStart: '2026-12-01', dateEnd: '2026-12-01' });
		expect(windowDays('tomorrow', NOW, 'Europe/Berlin')).toEqual({ dateStart: '2026-12-02', dateEnd: '2026-12-02' });
		expect(windowDays('nextDays', NOW, 'America/Chicago', 3)).toEqual({ dateStart: '2026-12-01', dateEnd: '2026-12-03' });
		expect(windowDays('range', NOW, 'America/Chicago', 1, { dateStart: '2026-01-05' })).toEqual({ dateStart: '2026-01-05' });
	});
});

describe('officeIso', () => {
	it('adds the office offset of that day, daylight saving included', () => {
		expect(officeIso('2026-12-01 09:30:00', 'America/Chicago')).toBe('2026-12-01T09:30:00-06:00');
		expect(officeIso('2026-07-01 09:30:00', 'America/Chicago')).toBe('2026-07-01T09:30:00-05:00');
		expect(officeIso('2026-07-01 09:30:00', 'Asia/Kolkata')).toBe('2026-07-01T09:30:00+05:30');
		expect(officeIso('2026-07-01 09:30:00', 'UTC')).toBe('2026-07-01T09:30:00+00:00');
	});

	it('gives the offset after the change for a time in the spring-forward gap, and the earlier one in the repeated hour', () => {
		expect(officeIso('2026-03-08 02:30:00', 'America/Chicago')).toBe('2026-03-08T02:30:00-05:00');
		expect(officeIso('2026-11-01 01:30:00', 'America/Chicago')).toBe('2026-11-01T01:30:00-05:00');
	});

	it("is null for Open Dental's unset date and for anything that is not a date-time", () => {
		expect(officeIso('0001-01-01 00:00:00', 'America/Chicago')).toBeNull();
		expect(officeIso('', 'America/Chicago')).toBeNull();
		expect(officeIso('2026-02-30 09:00:00', 'America/Chicago')).toBeNull();
		expect(officeIso(undefined, 'America/Chicago')).toBeNull();
	});
});
