import type { IDataObject } from 'n8n-workflow';
import type { Sequenced } from '../OpenDental/helpers/latestState';
import { KeySet, type StoredKeySet } from '../OpenDentalTrigger/poll/keySet';
import { shiftSeconds } from '../OpenDentalTrigger/poll/officeTime';
import type { WatchTable } from './tables';

/**
 * What the trigger keeps in n8n's static data: its subscription, and the rows it has emitted.
 * Open Dental delivers at least once: rows changed in the second a delivery was made come again
 * in the next one, a delivery it took for failed (a timeout) comes again whole, with up to three
 * days of changes, and two workstations, or OpenDental.exe and the API Service on one, each send
 * their own copy. A row is therefore emitted once per (primary key, change time).
 */
export interface EventState extends Sequenced {
	v: 1;
	/** Open Dental's SubscriptionNum of this activation's subscription. */
	subscription?: number;
	/** Keys emitted, by change time. */
	seen: StoredKeySet;
	/** The newest change time emitted. */
	newest?: string;
	/** Fingerprints of emitted rows that lack a key or a change time, oldest first. */
	fingerprints: number[];
}

export const MEMORY_LIMITS = {
	/** Keys remembered; past this the oldest change times are forgotten first (the newest second stays whole). */
	maxKeys: 20_000,
	/** How far back from the newest change a key is kept: Open Dental's catch-up reaches back three days. */
	keepSeconds: 4 * 24 * 3600,
	maxFingerprints: 1_000,
};

export const STATE_KEY = 'openDentalEvents';

/** The state of a new activation (its own line), or of a trigger whose state was lost (one shared line). */
export function freshState(table: string, subscription?: number): EventState {
	const line = subscription === undefined ? 'unregistered' : `${subscription}@${Date.now()}`;
	return { v: 1, line, setup: table, seq: 0, subscription, seen: {}, fingerprints: [] };
}

export function loadState(stored: unknown, table: string): EventState {
	const state = stored as EventState | undefined;
	return state && state.v === 1 && state.setup === table ? state : freshState(table);
}

const STAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/;

/** The row's change time as Open Dental's wall-clock text, from the table's first stamp field it has. */
function changeTime(row: IDataObject, table: WatchTable): string | undefined {
	for (const field of table.stamps) {
		const match = STAMP.exec(String(row[field] ?? ''));
		if (match && !match[1].startsWith('0001')) return `${match[1]} ${match[2]}`;
	}
	return undefined;
}

/** FNV-1a over the row's JSON: equal rows, equal numbers. */
function fingerprint(row: IDataObject): number {
	let hash = 0x811c9dc5;
	for (const char of JSON.stringify(row)) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** The rows of a delivery not emitted before, in order, and the state that remembers them. */
export function newRows(rows: IDataObject[], table: WatchTable, state: EventState): { fresh: IDataObject[]; next: EventState } {
	const seen = KeySet.from(state.seen);
	const fingerprints = new Set(state.fingerprints);
	const fresh: IDataObject[] = [];
	let newest = state.newest;
	for (const row of rows) {
		const key = Number(row[table.key]);
		const time = changeTime(row, table);
		if (Number.isSafeInteger(key) && key > 0 && time) {
			if (seen.has(time, key)) continue;
			seen.add(time, key);
			if (!newest || time > newest) newest = time;
		} else {
			const print = fingerprint(row);
			if (fingerprints.has(print)) continue;
			fingerprints.add(print);
		}
		fresh.push(row);
	}
	if (newest) seen.prune(shiftSeconds(newest, -MEMORY_LIMITS.keepSeconds), MEMORY_LIMITS.maxKeys);
	const kept = [...fingerprints].slice(-MEMORY_LIMITS.maxFingerprints);
	return { fresh, next: { ...state, seq: state.seq + 1, seen: seen.toStored(), newest, fingerprints: kept } };
}
