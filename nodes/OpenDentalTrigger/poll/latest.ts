import type { TriggerState } from './state';

// n8n can register one trigger twice in one process (a workflow imported again and re-activated,
// n8n-io/n8n#35251): each registration polls with its own copy of the static data, so a change
// one of them emitted would come again from the other. Every poll's state is also kept here, by
// workflow and node, and a poll goes on from whichever copy is further along. Copies are of one
// line only when they come from the same activation (`line`), so a new activation starts afresh.
const latest = new Map<string, TriggerState>();

// One entry per trigger node that polled in this process; past this, the oldest are forgotten.
const MAX_NODES = 1000;

/** The stored state, or this process's later state of the same activation line. */
export function furthest(node: string, stored: TriggerState): TriggerState {
	const kept = latest.get(node);
	return kept && kept.line === stored.line && kept.setup === stored.setup && kept.seq > stored.seq ? kept : stored;
}

export function remember(node: string, state: TriggerState): void {
	latest.delete(node);
	latest.set(node, state);
	if (latest.size > MAX_NODES) latest.delete(latest.keys().next().value as string);
}
