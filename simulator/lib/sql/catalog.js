'use strict';

const { REFERENCE_TABLES } = require('./reference-tables');

// The tables ShortQuery can read: every resource that describes its database columns (sqlColumns,
// sqlRow), read live from the store, and the fixed tables of the reference data.

/** @returns {Map<string, import('./evaluator').SqlTable>} by lower-case name */
function catalogOf(sim) {
	const catalog = new Map();
	for (const store of sim.tables.values()) {
		const { table, sqlColumns, sqlRow } = store.resource;
		if (!sqlColumns || !sqlRow) continue;
		catalog.set(table, {
			name: table,
			columns: sqlColumns,
			rows: () => store.all().map(sqlRow),
			primaryKey: store.resource.primaryKey,
			// The rows with these keys, in key order: the primary-key lookup MySQL would use.
			rowsWithKeys: (keys) => [...new Set(keys)].sort((a, b) => a - b).map((key) => store.get(key)).filter(Boolean).map(sqlRow),
		});
	}
	for (const table of REFERENCE_TABLES) catalog.set(table.name, table);
	return catalog;
}

module.exports = { catalogOf };
