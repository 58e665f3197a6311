// Open Dental's times are office wall-clock strings ("yyyy-MM-dd HH:mm:ss", no zone). The trigger
// compares and shifts them as wall-clock values and never converts them to UTC: Open Dental
// compares DateTStamp with the same wall clock.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The start of time for a read "from the beginning" (emit existing records). */
export const BEGINNING = '0001-01-01 00:00:00';

export const isWallTime = (text: unknown): text is string => typeof text === 'string' && WALL_TIME.test(text);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A wall time moved by whole seconds; never before BEGINNING. */
export function shiftSeconds(wallTime: string, seconds: number): string {
	const match = WALL_TIME.exec(wallTime);
	if (!match) throw new Error(`Not an Open Dental date-time: ${wallTime.slice(0, 40)}`);
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const moved = new Date(0);
	moved.setUTCFullYear(year, month - 1, day);
	moved.setUTCHours(hour, minute, second + seconds, 0);
	if (moved.getUTCFullYear() < 1) return BEGINNING;
	return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())} ${pad(moved.getUTCHours())}:${pad(moved.getUTCMinutes())}:${pad(moved.getUTCSeconds())}`;
}

/** The later of two wall times (they sort as text). */
export const later = (a: string, b: string) => (a > b ? a : b);
