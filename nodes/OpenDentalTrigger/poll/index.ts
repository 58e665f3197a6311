import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { getConnection, type OpenDentalConnection } from '../../OpenDental/transport';
import { readParams, type TriggerParams } from '../params';
import { classify, type Emission } from './classify';
import { readDeletions } from './deletions';
import { KeySet } from './keySet';
import { BEGINNING, later, shiftSeconds } from './officeTime';
import { toItems } from './output';
import { sampleItems } from './sample';
import { seedState } from './seed';
import { LatestStates } from '../../OpenDental/helpers/latestState';
import { loadState, saveState, STATE_LIMITS, type TriggerState } from './state';
import { snapshotTime } from './watch';
import { readWindow } from './windowRead';

// One poll at a time per trigger node in this process: n8n starts a tick even while the previous
// one still reads (a free key reads a page per 5 s), and two reads from one watermark would emit
// twice. A tick that finds its node busy emits nothing; the running one catches up.
const polling = new Set<string>();

const latest = new LatestStates<TriggerState>();

// Without a Pages Per Poll, a poll reads about a minute's worth of pages at the key's pace.
const POLL_BUDGET_MS = 60_000;
const UNTHROTTLED_PAGES = 100;

function pagesPerPoll(params: TriggerParams, connection: OpenDentalConnection): number {
	if (params.pagesPerPoll > 0) return params.pagesPerPoll;
	return connection.intervalMs > 0 ? Math.max(1, Math.floor(POLL_BUDGET_MS / connection.intervalMs)) : UNTHROTTLED_PAGES;
}

export async function pollOpenDental(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const connection = await getConnection.call(this);
	const timeZone = connection.officeTimeZone ?? this.getTimezone();
	const params = readParams.call(this, timeZone);
	if (this.getMode() === 'manual') {
		const stored = loadState(this.getWorkflowStaticData('node'), params.setup);
		const items = await sampleItems.call(this, connection, params, timeZone, stored?.wm);
		return items.length > 0 ? [items] : null;
	}
	const node = this.getNode();
	const busyKey = `${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	if (polling.has(busyKey)) return null;
	polling.add(busyKey);
	try {
		const staticData = this.getWorkflowStaticData('node');
		const stored = loadState(staticData, params.setup);
		if (!stored) {
			const seeded = await seedState.call(this, connection, params);
			saveState(staticData, seeded);
			latest.remember(busyKey, seeded);
			return null;
		}
		const { emissions, next } = await readChanges.call(this, connection, params, latest.furthest(busyKey, stored));
		// Only now, with every request of the poll answered, does the state move.
		next.seq += 1;
		saveState(staticData, next);
		latest.remember(busyKey, next);
		return emissions.length > 0 ? [toItems(emissions, params.simplify, timeZone)] : null;
	} finally {
		polling.delete(busyKey);
	}
}

/** Where the next window starts: the overlap before the watermark, never below the floor, never after the watermark. */
export function sinceOf(state: Pick<TriggerState, 'wm' | 'floor'>): string {
	const overlapStart = shiftSeconds(state.wm, -STATE_LIMITS.overlapSeconds);
	const since = state.floor ? later(overlapStart, state.floor) : overlapStart;
	return since > state.wm ? state.wm : since;
}

async function readChanges(
	this: IPollFunctions,
	connection: OpenDentalConnection,
	params: TriggerParams,
	state: TriggerState,
): Promise<{ emissions: Emission[]; next: TriggerState }> {
	const { spec, events, filters } = params;
	const budget = pagesPerPoll(params, connection);
	const seen = KeySet.from(state.seen);
	const created = KeySet.from(state.created);
	const snapshots = state.snap ? new Map(Object.entries(state.snap).map(([key, value]) => [Number(key), value])) : undefined;
	const next: TriggerState = { ...state };
	let emissions: Emission[] = [];

	if ([...events].some((event) => event !== 'appointmentDeleted')) {
		const read = await readWindow.call(this, connection, { spec, filters, since: sinceOf(state), cursor: state.window, pageBudget: budget });
		// concat, not push(...): a poll may emit 100,000 records, too many arguments for one call.
		emissions = emissions.concat(classify(read.rows, { spec, events, watch: params.watch, since: read.since, existing: read.since === BEGINNING, seen, created, snapshots }));
		next.window = read.next;
		if (!read.next && read.until) next.wm = read.until;
	}
	if (state.del) {
		const deleted = await readDeletions.call(this, connection, filters, state.del, budget);
		next.del = deleted.next;
		emissions = emissions.concat(deleted.rows.map((row): Emission => ({ row, event: 'appointmentDeleted' })));
	}

	const reference = next.window?.until ?? next.wm;
	const keepFrom = shiftSeconds(reference, -STATE_LIMITS.overlapSeconds);
	seen.prune(keepFrom, Number.POSITIVE_INFINITY);
	const overflowFloor = seen.size > STATE_LIMITS.maxKeys ? seen.prune(keepFrom, STATE_LIMITS.maxKeys) : undefined;
	const keptFloor = state.floor && state.floor > keepFrom ? state.floor : undefined;
	next.floor = [overflowFloor, keptFloor].filter((time): time is string => time !== undefined).sort().pop();
	if (next.floor === undefined) delete next.floor;
	created.prune(spec.newFrom(keepFrom), STATE_LIMITS.maxKeys);
	next.seen = seen.toStored();
	next.created = created.toStored();
	if (snapshots) next.snap = prunedSnapshots(snapshots);
	if (!next.window) delete next.window;
	return { emissions, next };
}

/** The watched values of at most maxSnapshots appointments: those with the latest times are kept. */
function prunedSnapshots(snapshots: Map<number, string>): Record<string, string> {
	let entries = [...snapshots.entries()];
	if (entries.length > STATE_LIMITS.maxSnapshots) {
		entries = entries.sort((a, b) => snapshotTime(b[1]).localeCompare(snapshotTime(a[1]))).slice(0, STATE_LIMITS.maxSnapshots);
	}
	return Object.fromEntries(entries.map(([key, value]) => [String(key), value]));
}
