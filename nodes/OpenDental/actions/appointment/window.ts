import { addDays, officeDate } from '../../helpers/dates';

export type Window = 'today' | 'tomorrow' | 'nextDays' | 'range';

export interface DateRange {
	dateStart?: string;
	dateEnd?: string;
}

/**
 * The office days a Window covers, from the office's calendar at `now`: Today; Tomorrow; Next N Days
 * (tomorrow through N days from today, so a daily run never repeats a day); Range (the Date Start and
 * Date End filters as given).
 */
export function windowDays(window: Window, now: number, timeZone: string, days = 1, range: DateRange = {}): DateRange {
	const today = officeDate(now, timeZone);
	switch (window) {
		case 'today':
			return { dateStart: today, dateEnd: today };
		case 'tomorrow':
			return { dateStart: addDays(today, 1), dateEnd: addDays(today, 1) };
		case 'nextDays':
			return { dateStart: addDays(today, 1), dateEnd: addDays(today, days) };
		case 'range':
			return range;
	}
}
