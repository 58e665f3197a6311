'use strict';

// One table of the simulated office: records in primary-key order (inserts append the next key,
// so the order holds), looked up by key, with derived orders computed once and kept until the
// data changes, so paging through a large table does not re-sort it on every request.
// Every change stamps DateTStamp with the office clock, as Open Dental does.

/**
 * @typedef {Record<string, any>} SimRecord
 *
 * @typedef {object} RecordContext
 * @property {string} now office-local 'yyyy-MM-dd HH:mm:ss'
 * @property {string} today office-local 'yyyy-MM-dd'
 *
 * @typedef {object} ResourceDefinition
 * @property {string} table name in the control API and in sim.records(table), e.g. 'patient'
 * @property {string} primaryKey e.g. 'PatNum'
 * @property {(options: { config: any }) => SimRecord[]} seed the seeded office's records, in key order
 * @property {(fields: SimRecord, context: RecordContext) => SimRecord} complete a whole record from the
 *   given fields: defaults for the rest, derived text fields recomputed, fields in Open Dental's order
 * @property {Record<string, (records: SimRecord[]) => SimRecord[]>} [orders] other orders routes read in
 * @property {Array<{ path?: string, pattern?: RegExp, idName?: string, handler: Function }>} routes
 */

class RecordStore {
	/** @param {ResourceDefinition} resource */
	constructor(resource) {
		this.resource = resource;
		/** @type {SimRecord[]} */
		this.rows = [];
		/** @type {Map<number, SimRecord>} */
		this.byKey = new Map();
		/** @type {Map<string, SimRecord[]>} */
		this.orders = new Map();
	}

	/** @param {SimRecord[]} rows */
	replace(rows) {
		this.rows = rows;
		this.byKey = new Map(rows.map((row) => [row[this.resource.primaryKey], row]));
		this.orders.clear();
	}

	/** @param {number} key */
	get(key) {
		return this.byKey.get(key) || null;
	}

	/** Records in primary-key order. */
	all() {
		return this.rows;
	}

	/** Records in one of the resource's other orders, e.g. 'name'. @param {string} name */
	inOrder(name) {
		const sort = this.resource.orders?.[name];
		if (!sort) throw new Error(`${this.resource.table} has no order "${name}"`);
		if (!this.orders.has(name)) this.orders.set(name, sort(this.rows));
		return this.orders.get(name);
	}

	/** A new record with the next key and DateTStamp = now. @param {SimRecord} fields @param {RecordContext} context */
	insert(fields, context) {
		const { primaryKey } = this.resource;
		const last = this.rows[this.rows.length - 1];
		const key = (last ? last[primaryKey] : 0) + 1;
		const record = this.resource.complete({ ...fields, [primaryKey]: key, DateTStamp: context.now }, context);
		this.rows.push(record);
		this.byKey.set(key, record);
		this.orders.clear();
		return record;
	}

	/**
	 * Changes fields of a record (its key stays) and stamps DateTStamp = now; null when there is no
	 * such record. @param {number} key @param {SimRecord} fields @param {RecordContext} context
	 */
	update(key, fields, context) {
		const current = this.get(key);
		if (!current) return null;
		const { primaryKey } = this.resource;
		const record = this.resource.complete({ ...current, ...fields, [primaryKey]: key, DateTStamp: context.now }, context);
		// In place: the orders keep pointing at the same object, and a changed sort field re-sorts them.
		for (const name of Object.keys(current)) delete current[name];
		Object.assign(current, record);
		this.orders.clear();
		return current;
	}
}

module.exports = { RecordStore };
