'use strict';

const { DEFINITIONS } = require('../reference/definitions');

// The tables ShortQuery can read: every resource that describes its database columns (sqlColumns,
// sqlRow), read live from the store, and the definition table from the reference data.

const DEFINITION_COLUMNS = ['DefNum', 'Category', 'ItemOrder', 'ItemName', 'ItemValue', 'ItemColor', 'IsHidden'];
const definitionRow = (def) => ({ ...def, IsHidden: def.IsHidden ? 1 : 0 });

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
	catalog.set('definition', { name: 'definition', columns: DEFINITION_COLUMNS, rows: () => DEFINITIONS.map(definitionRow) });
	return catalog;
}

module.exports = { catalogOf };
