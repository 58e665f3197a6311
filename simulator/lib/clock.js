'use strict';

// Open Dental reports every timestamp as the office's wall-clock time with no
// offset, so the simulator keeps a clock that can be pinned and moved, and
// renders it in the configured office time zone.

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const formatters = new Map();

function formatterFor(timeZone) {
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

function zoneParts(epochMs, timeZone) {
	const parts = {};
	for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
		parts[type] = value;
	}
	return parts;
}

function formatInZone(epochMs, timeZone) {
	const p = zoneParts(epochMs, timeZone);
	return `${p.year.padStart(4, '0')}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

// Offset of the zone at an instant, in ms (local wall clock minus UTC).
function zoneOffsetMs(epochMs, timeZone) {
	const p = zoneParts(epochMs, timeZone);
	const wallAsUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

function parseDateTime(text) {
	const m = DATETIME_RE.exec(String(text));
	if (!m) return null;
	const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
	const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(wallAsUtc);
	// Reject rollovers such as 2025-02-30 or 24:00:00.
	if (check.getUTCDate() !== day || check.getUTCHours() !== hour || check.getUTCMonth() !== month - 1) {
		return null;
	}
	return wallAsUtc;
}

// Converts an office-local wall time to a real instant. Two passes settle the
// offset around DST changes.
function localToEpoch(wallAsUtc, timeZone) {
	let epoch = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
	epoch = wallAsUtc - zoneOffsetMs(epoch, timeZone);
	return epoch;
}

/**
 * The office's wall clock: the simulator's time, moved by set() and advance(). Frozen, it stays
 * on one instant until set() or advance() moves it, so a test can make several changes and reads
 * in the very same office second; unfrozen, it flows on from where it stood.
 */
function createClock(getTimeZone, epochNow = () => Date.now()) {
	let offsetMs = 0;
	/** @type {number | null} the instant the clock is held at, or null while it runs */
	let frozenAt = null;
	const nowMs = () => frozenAt ?? epochNow() + offsetMs;
	return {
		now: () => formatInZone(nowMs(), getTimeZone()),
		today: () => formatInZone(nowMs(), getTimeZone()).slice(0, 10),
		set(text) {
			const wallAsUtc = parseDateTime(text);
			if (wallAsUtc === null) throw new Error('clock.set expects "yyyy-MM-dd HH:mm:ss"');
			const at = localToEpoch(wallAsUtc, getTimeZone());
			if (frozenAt !== null) frozenAt = at;
			else offsetMs = at - epochNow();
		},
		advance(ms) {
			if (!Number.isFinite(ms)) throw new Error('clock.advance expects a number of milliseconds');
			if (frozenAt !== null) frozenAt += ms;
			else offsetMs += ms;
		},
		freeze() {
			frozenAt = nowMs();
		},
		unfreeze() {
			if (frozenAt === null) return;
			offsetMs = frozenAt - epochNow();
			frozenAt = null;
		},
		isFrozen: () => frozenAt !== null,
		reset() {
			offsetMs = 0;
			frozenAt = null;
		},
	};
}

module.exports = { createClock, formatInZone, parseDateTime };
