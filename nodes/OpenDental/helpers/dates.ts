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

function wallClockIn(instant: Date, timeZone: string): WallClock {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
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
