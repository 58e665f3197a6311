import type { IDataObject } from 'n8n-workflow';
import type { StoredKeySet } from './keySet';
import { isWallTime } from './officeTime';

/**
 * Everything the trigger remembers between polls, in the node's static data under one key. Plain
 * JSON and small (see STATE_LIMITS), so n8n versions that keep poll state with the execution
 * (durable cursors) keep it whole.
 */
export interface TriggerState {
	v: 1;
	/** The events, filters and start chosen; a different setup starts afresh. */
	setup: string;
	/** Identifies the activation this state descends from (see OpenDental/helpers/latestState.ts). */
	line: string;
	/** Polls since that activation. */
	seq: number;
	/** Open Dental's serverDateTime when the last complete window was read: office wall time, never n8n's clock. */
	wm: string;
	/** (primary key, DateTStamp) of records already handled whose stamp is still inside the overlap. */
	seen: StoredKeySet;
	/** Primary keys of records already handled as new, by entry time, while they could still look new. */
	created: StoredKeySet;
	/** A window too long for one poll, read on by the next. */
	window?: WindowCursor;
	/** Watched values of appointments by AptNum (appointmentChanged). */
	snap?: Record<string, string>;
	/** Where the deletions list was read to (appointmentDeleted). */
	del?: DeletionCursor;
	/** Set when the key memory overflowed: the oldest DateTStamp still remembered, below which no read reaches. */
	floor?: string;
}

export interface WindowCursor {
	/** The DateTStamp the window is read with. */
	since: string;
	/** serverDateTime of the window's first page: the watermark once the window is read. */
	until: string;
	offset: number;
	/** Primary key of the last row read; rows are in key order, so the read goes on after it. */
	lastKey: number;
}

export interface DeletionCursor {
	/** Deletion rows read so far. */
	offset: number;
	/** Deletions before this office time are not emitted (those that were there when the trigger started). */
	from: string;
}

export const STATE_KEY = 'openDentalTrigger';

export const STATE_LIMITS = {
	/** Seconds each read reaches back before the watermark (same-second changes, commit lag). */
	overlapSeconds: 60,
	/** (key, stamp) pairs and new keys remembered, each; the newest second is kept whole. */
	maxKeys: 20_000,
	/** Appointments whose watched values are remembered. */
	maxSnapshots: 2_000,
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isWindow = (value: unknown): value is WindowCursor =>
	isObject(value) && Number.isInteger(value.offset) && Number.isInteger(value.lastKey) && isWallTime(value.since) && isWallTime(value.until);
const isDeletionCursor = (value: unknown): value is DeletionCursor => isObject(value) && Number.isInteger(value.offset) && isWallTime(value.from);

/** The stored state when it is ours, of this version and for this setup; otherwise undefined (start afresh). */
export function loadState(staticData: IDataObject, setup: string): TriggerState | undefined {
	const state = staticData[STATE_KEY] as TriggerState | undefined;
	if (!state || typeof state !== 'object' || state.v !== 1 || state.setup !== setup) return undefined;
	if (!isWallTime(state.wm) || typeof state.seen !== 'object' || typeof state.created !== 'object') return undefined;
	if (typeof state.line !== 'string' || !Number.isInteger(state.seq)) return undefined;
	if (state.window && !isWindow(state.window)) return undefined;
	if (state.del && !isDeletionCursor(state.del)) return undefined;
	if (state.floor !== undefined && !isWallTime(state.floor)) return undefined;
	return state;
}

export function saveState(staticData: IDataObject, state: TriggerState): void {
	staticData[STATE_KEY] = state as unknown as IDataObject;
}
