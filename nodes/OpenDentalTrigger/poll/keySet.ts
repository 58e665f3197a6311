// Primary keys remembered by the trigger, grouped by a wall time (a DateTStamp or an entry time) so
// that dropping what is older than the overlap is cheap. Stored as text to stay small in n8n's
// static data: each group's keys ascending, as base-36 gaps ("1a.1.1.1" is 46, 47, 48, 49), so a
// bulk change of consecutive records costs about two bytes a record.

export type StoredKeySet = Record<string, string>;

function encode(keys: number[]): string {
	const sorted = [...new Set(keys)].sort((a, b) => a - b);
	let previous = 0;
	return sorted
		.map((key) => {
			const gap = key - previous;
			previous = key;
			return gap.toString(36);
		})
		.join('.');
}

function decode(text: string): number[] {
	let key = 0;
	return text === '' ? [] : text.split('.').map((gap) => (key += parseInt(gap, 36)));
}

/** Keys by wall time, in memory for one poll. */
export class KeySet {
	private readonly groups = new Map<string, Set<number>>();

	static from(stored: StoredKeySet | undefined): KeySet {
		const set = new KeySet();
		for (const [time, keys] of Object.entries(stored ?? {})) {
			for (const key of decode(keys)) set.add(time, key);
		}
		return set;
	}

	add(time: string, key: number): void {
		let group = this.groups.get(time);
		if (!group) this.groups.set(time, (group = new Set()));
		group.add(key);
	}

	has(time: string, key: number): boolean {
		return this.groups.get(time)?.has(key) ?? false;
	}

	/** Whether the key is remembered under any time. */
	hasKey(key: number): boolean {
		for (const group of this.groups.values()) if (group.has(key)) return true;
		return false;
	}

	get size(): number {
		let size = 0;
		for (const group of this.groups.values()) size += group.size;
		return size;
	}

	/**
	 * Forgets groups older than `floor`, then the oldest groups while more than `maxKeys` remain;
	 * the newest group stays whatever its size (one second's changes are remembered whole).
	 * Returns the oldest time still remembered (undefined when nothing is): every key from there on
	 * is known, so the next read need not start earlier.
	 */
	prune(floor: string, maxKeys: number): string | undefined {
		const times = [...this.groups.keys()].sort();
		let size = this.size;
		for (const time of times.slice(0, -1)) {
			if (time >= floor && size <= maxKeys) break;
			size -= this.groups.get(time)!.size;
			this.groups.delete(time);
		}
		const newest = times[times.length - 1];
		if (newest !== undefined && newest < floor) this.groups.delete(newest);
		return [...this.groups.keys()].sort()[0];
	}

	toStored(): StoredKeySet {
		const stored: StoredKeySet = {};
		for (const time of [...this.groups.keys()].sort()) stored[time] = encode([...this.groups.get(time)!]);
		return stored;
	}
}
