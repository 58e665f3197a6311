'use strict';

// Changes to the office's data described as plain JSON, for the "mutate" fault rule: a test makes
// the data change between two requests of a read (say page 1 and page 2) without racing the client.
// They are checked when the rule is added, so a typo fails there and not in the middle of a read.

const OPS = {
	insert: { key: false, fields: true },
	update: { key: true, fields: true },
	touch: { key: true, fields: false },
	remove: { key: true, fields: false },
};

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Throws a clear error for the first change that could not be applied. @param {string[]} tableNames */
function validateChanges(changes, tableNames) {
	if (!Array.isArray(changes) || changes.length === 0) throw new Error('a mutate rule needs changes: a non-empty array');
	changes.forEach((change, index) => {
		const at = `changes[${index}]`;
		if (!isPlainObject(change)) throw new Error(`${at} must be an object`);
		const shape = OPS[change.op];
		if (!shape) throw new Error(`${at}.op must be one of ${Object.keys(OPS).join(', ')}`);
		if (!tableNames.includes(change.table)) throw new Error(`${at}.table must be one of ${tableNames.join(', ')}`);
		if (shape.key && !(Number.isInteger(change.key) && change.key >= 1)) throw new Error(`${at}.key must be the record's primary key, an integer >= 1`);
		if (change.fields !== undefined && !(shape.fields && isPlainObject(change.fields))) {
			throw new Error(shape.fields ? `${at}.fields must be an object` : `${at}: ${change.op} takes no fields`);
		}
		const allowed = ['op', 'table', 'fields', ...(shape.key ? ['key'] : [])];
		const unknown = Object.keys(change).find((name) => !allowed.includes(name));
		if (unknown) throw new Error(`${at}: unknown property "${unknown}"`);
	});
}

/**
 * Applies the changes in order through the simulator's control methods (so they stamp DateTStamp and
 * write appointment history as any other change); one whose record is gone by then does nothing.
 * @param {import('./simulator').Simulator} sim
 */
function applyChanges(sim, changes) {
	for (const { op, table, key, fields = {} } of changes) {
		if (op === 'insert') sim.insert(table, fields);
		else if (op === 'update') sim.update(table, key, fields);
		else if (op === 'touch') sim.touch(table, key);
		else sim.remove(table, key);
	}
}

module.exports = { validateChanges, applyChanges };
