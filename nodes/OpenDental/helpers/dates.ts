// Open Dental stores and compares office-local wall-clock times with no zone ("yyyy-MM-dd HH:mm:ss").

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function parseWallClock(text: string): WallClock | undefined {
	const match = WALL_CLOCK.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
	if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
	return { year, month, day, hour, minute, second };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function wallClockIn(instant: Date, timeZone: string): WallClock {
	const parts = formatterFor(timeZone).formatToParts(instant);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const asUtc = (clock: WallClock) => Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/** The zone's offset from UTC at an instant, in minutes (Chicago in winter: -360). */
function offsetMinutes(epochMs: number, timeZone: string): number {
	const whole = Math.floor(epochMs / 1000) * 1000;
	return Math.round((asUtc(wallClockIn(new Date(whole), timeZone)) - whole) / 60_000);
}

/** n8n hands dates over as strings, JS Dates or Luxon DateTimes (from expressions like {{ $now }}). */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso: unknown = (value as { toISO: () => unknown }).toISO();
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

/**
 * Reads a user's date-time as Open Dental expects it. A wall-clock value without a zone is taken
 * as office time unchanged; a value with a zone (ISO, $now) is shown in `timeZone`, the workflow's
 * time zone, which should be the office's. Returns undefined when the value is not a date-time.
 */
export function toOfficeDateTime(value: unknown, timeZone: string): string | undefined {
	const text = asText(value);
	if (!text) return undefined;
	let clock: WallClock | undefined;
	if (WITH_ZONE.test(text)) {
		const instant = new Date(text);
		if (Number.isNaN(instant.getTime())) return undefined;
		clock = wallClockIn(instant, timeZone);
	} else {
		clock = parseWallClock(text);
	}
	if (!clock) return undefined;
	return `${clock.year}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** A calendar date as "yyyy-MM-dd" (time of day, if any, is ignored); undefined when invalid. */
export function toOfficeDate(value: unknown, timeZone: string): string | undefined {
	return toOfficeDateTime(value, timeZone)?.slice(0, 10);
}

const formatDate = (clock: Pick<WallClock, 'year' | 'month' | 'day'>) => `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;

/** The office's calendar date at an instant, "yyyy-MM-dd". */
export function officeDate(epochMs: number, timeZone: string): string {
	return formatDate(wallClockIn(new Date(epochMs), timeZone));
}

/** A "yyyy-MM-dd" date moved by whole days (calendar days: no time zone involved). */
export function addDays(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number);
	const moved = new Date(Date.UTC(year, month - 1, day + days));
	return formatDate({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

function offsetText(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const whole = Math.abs(minutes);
	return `${sign}${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
}

/**
 * An office-local Open Dental time as ISO 8601 with the office's offset on that day
 * ("2026-12-01 09:30:00" in America/Chicago → "2026-12-01T09:30:00-06:00"); null for Open Dental's
 * "not set" (year 1) or anything that is not a date-time. A wall time that falls in a daylight-saving
 * gap gets the offset in force just after the change.
 */
export function officeIso(text: unknown, timeZone: string): string | null {
	if (typeof text !== 'string') return null;
	const clock = parseWallClock(text.trim());
	if (!clock || clock.year < 1753) return null;
	const wall = asUtc(clock);
	// Two passes settle the offset around daylight-saving changes.
	let offset = offsetMinutes(wall, timeZone);
	offset = offsetMinutes(wall - offset * 60_000, timeZone);
	const iso = `${formatDate(clock)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
	return `${iso}${offsetText(offset)}`;
}
