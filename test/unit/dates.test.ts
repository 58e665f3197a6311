import { toOfficeDate, toOfficeDateTime } from '../../nodes/OpenDental/helpers/dates';

describe('toOfficeDateTime', () => {
	it.each([
		['2024-06-01 08:30:00', '2024-06-01 08:30:00'],
		['2024-06-01', '2024-06-01 00:00:00'],
		['2024-06-01T08:30', '2024-06-01 08:30:00'],
		['2024-06-01T08:30:15.250', '2024-06-01 08:30:15'],
		// n8n's date picker and ISO values with a zone: shown in the workflow (office) time zone.
		['2024-06-01T13:30:00Z', '2024-06-01 08:30:00'],
		['2024-01-15T13:30:00.000Z', '2024-01-15 07:30:00'],
		['2024-06-01T08:30:00-05:00', '2024-06-01 08:30:00'],
		['2024-06-01T08:30:00+0200', '2024-06-01 01:30:00'],
	])('%s → %s (America/Chicago)', (input, expected) => {
		expect(toOfficeDateTime(input, 'America/Chicago')).toBe(expected);
	});

	it('accepts a JS Date and a Luxon-like DateTime', () => {
		expect(toOfficeDateTime(new Date('2024-06-01T13:30:00Z'), 'America/Chicago')).toBe('2024-06-01 08:30:00');
		const luxonLike = { toISO: () => '2024-06-01T13:30:00.000+00:00' };
		expect(toOfficeDateTime(luxonLike, 'America/New_York')).toBe('2024-06-01 09:30:00');
	});

	it.each([['yesterday'], ['2024-13-01'], ['2024-02-30'], ['2024-06-01 24:00:00'], ['06/01/2024'], [''], [42], [null]])(
		'%p is not a date-time',
		(input) => {
			expect(toOfficeDateTime(input, 'America/Chicago')).toBeUndefined();
		},
	);
});

describe('toOfficeDate', () => {
	it('keeps the calendar date and ignores the time of day', () => {
		expect(toOfficeDate('1980-05-24', 'America/Chicago')).toBe('1980-05-24');
		expect(toOfficeDate('1980-05-24T00:00:00', 'America/Chicago')).toBe('1980-05-24');
		expect(toOfficeDate('1980-02-31', 'America/Chicago')).toBeUndefined();
	});
});
