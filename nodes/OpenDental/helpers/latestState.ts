// n8n can register one trigger twice in one process (a workflow imported again and re-activated,
// n8n-io/n8n#35251), and a webhook trigger loads its static data afresh for every request, so two
// deliveries at once each start from the same stored copy. Either way a change one copy has
// emitted would come again from the other. So each trigger's state is also kept here, by workflow
// and node, and the trigger goes on from whichever copy is further along. Copies are of one line
// only when they come from the same activation (`line`) and setup, so a new activation starts afresh.

/** A trigger state that knows its activation and how far it has got. */
export interface Sequenced {
	line: string;
	setup: string;
	seq: number;
}

// One entry per trigger node that ran in this process; past this, the oldest are forgotten.
const MAX_NODES = 1000;

export class LatestStates<T extends Sequenced> {
	private readonly latest = new Map<string, T>();

	/** The stored state, or this process's later state of the same activation line. */
	furthest(node: string, stored: T): T {
		const kept = this.latest.get(node);
		return kept && kept.line === stored.line && kept.setup === stored.setup && kept.seq > stored.seq ? kept : stored;
	}

	remember(node: string, state: T): void {
		this.latest.delete(node);
		this.latest.set(node, state);
		if (this.latest.size > MAX_NODES) this.latest.delete(this.latest.keys().next().value as string);
	}
}
