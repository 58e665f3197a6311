'use strict';

// One table of the simulated office: records in primary-key order (inserts append the next key,
// so the order holds), looked up by key, with derived orders computed once and kept until the
// data changes, so paging through a large table does not re-sort it on every request.
// A change stamps the table's timestamp column (DateTStamp, where the table has one) with the
// office clock, as MySQL does for Open Dental's auto-updated columns.

/**
 * @typedef {Record<string, any>} SimRecord
 *
 * @typedef {object} RecordContext
 * @property {string} now office-local 'yyyy-MM-dd HH:mm:ss'
 * @property {string} today office-local 'yyyy-MM-dd'
 *
 * @typedef {object} SeedContext
 * @property {any} config the live config
 * @property {string} today office-local 'yyyy-MM-dd' at seeding time
 * @property {Record<string, SimRecord[]>} seeded the records of the tables seeded before this one
 *
 * @typedef {object} Route
 * @property {string} [method] 'GET' (default), 'PUT', 'POST' or 'DELETE'
 * @property {string} [permission] the ApiPermission the key needs; 'ReadAll' for GET by default
 * @property {string} [path] exact path, e.g. '/patients/Simple'
 * @property {RegExp} [pattern] a path with the record's key as its first group
 * @property {string} [idName] the key's name in error messages, e.g. 'PatNum'
 * @property {Function} handler ({ query, params, body, key, sim }) => the answer
 *
 * @typedef {object} ResourceDefinition
 * @property {string} table name in the control API and in sim.records(table), e.g. 'patient'
 * @property {string} primaryKey e.g. 'PatNum'
 * @property {string} [stampField] the column stamped with office now on every insert and change
 * @property {string} [historyTable] a table that gets a history row of every insert, change and removal
 * @property {string} [uniqueBy] a column no two records share (commoptout: PatNum); inserting a
 *   record with a value already taken changes that record instead, as Open Dental's upsert does
 * @property {(context: SeedContext) => SimRecord[]} seed the seeded office's records, in key order
 * @property {(fields: SimRecord, context: RecordContext) => SimRecord} complete a whole record from the
 *   given fields: defaults for the rest, derived text fields recomputed, fields in Open Dental's order
 * @property {Record<string, (records: SimRecord[]) => SimRecord[]>} [orders] other orders routes read in
 * @property {Route[]} routes
 * @property {string[]} [sqlColumns] the table's database columns, in order, for PUT /queries/ShortQuery
 * @property {(record: SimRecord) => SimRecord} [sqlRow] a record as the database stores it (see lib/sql)
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
		// The last key handed out: as with MySQL's auto-increment, a removed record's key is not reused.
		this.lastKey = 0;
	}

	/** @param {SimRecord[]} rows */
	replace(rows) {
		this.rows = rows;
		this.byKey = new Map(rows.map((row) => [row[this.resource.primaryKey], row]));
		this.orders.clear();
		this.lastKey = rows.length ? rows[rows.length - 1][this.resource.primaryKey] : 0;
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

	/** The stamp a change sets, or nothing for a table without a timestamp column. @param {RecordContext} context */
	stamp(context) {
		const { stampField } = this.resource;
		return stampField ? { [stampField]: context.now } : {};
	}

	/** A new record with the next key, stamped now. @param {SimRecord} fields @param {RecordContext} context */
	insert(fields, context) {
		const { primaryKey, uniqueBy } = this.resource;
		const taken = uniqueBy && this.rows.find((row) => row[uniqueBy] === fields[uniqueBy]);
		// The record becomes what the insert describes (defaults for the rest), under its old key.
		if (taken) return this.update(taken[primaryKey], this.resource.complete({ ...fields, [primaryKey]: taken[primaryKey] }, context), context);
		const key = this.lastKey + 1;
		// complete() may refuse the fields (a ProcStatus that does not exist): then no key is used up.
		const record = this.resource.complete({ ...fields, [primaryKey]: key, ...this.stamp(context) }, context);
		this.lastKey = key;
		this.rows.push(record);
		this.byKey.set(key, record);
		this.orders.clear();
		return record;
	}

	/**
	 * Changes fields of a record (its key stays) and stamps it now; null when there is no
	 * such record. @param {number} key @param {SimRecord} fields @param {RecordContext} context
	 */
	update(key, fields, context) {
		const current = this.get(key);
		if (!current) return null;
		const { primaryKey } = this.resource;
		const record = this.resource.complete({ ...current, ...fields, [primaryKey]: key, ...this.stamp(context) }, context);
		// In place: the orders keep pointing at the same object, and a changed sort field re-sorts them.
		for (const name of Object.keys(current)) delete current[name];
		Object.assign(current, record);
		this.orders.clear();
		return current;
	}

	/** Takes a record out of the table; the removed record, or null when there is none. @param {number} key */
	remove(key) {
		const record = this.get(key);
		if (!record) return null;
		this.rows.splice(this.rows.indexOf(record), 1);
		this.byKey.delete(key);
		this.orders.clear();
		return record;
	}
}

module.exports = { RecordStore };
