'use strict';

const { SqlError } = require('./tokenizer');
const { orderOf, groupKey, truth } = require('./compare');
const { compile, hasAggregate } = require('./compile');
const { joinedRows } = require('./joins');

// Runs a parsed SELECT (lib/sql/parser.js) over the catalog's tables, the way MySQL would for
// this subset: common tables and derived tables first, joins in the order written (LEFT JOIN
// fills NULL), WHERE, then GROUP BY (or one group when there are aggregates and no GROUP BY),
// HAVING, ORDER BY (stable, NULLs first, text without regard to case), the select list and
// DISTINCT. Names of tables, aliases and columns are case-insensitive, as on the Windows servers
// most offices run. Row order without ORDER BY is the tables' key order; GROUP BY without ORDER
// BY sorts by the groups, as MySQL 5 and MariaDB (what offices run) do.

const DATABASE = 'opendental';

/**
 * @typedef {import('./parser').Select} Select
 * @typedef {import('./parser').TableRef} TableRef
 * @typedef {import('./expression-parser').Expr} Expr
 * @typedef {import('./expression-parser').ColumnRef} ColumnRef
 * @typedef {import('./compile').Scope} Scope
 * @typedef {import('./functions').QueryClock} QueryClock
 * @typedef {object} SqlTable
 * @property {string} name
 * @property {string[]} columns
 * @property {() => Record<string, any>[]} rows every row, in key order
 * @property {string} [primaryKey]
 * @property {(keys: number[]) => Record<string, any>[]} [rowsWithKeys] the rows with these keys, in key order
 * @typedef {{ labels: string[], rows: Record<string, any>[] }} Result
 */

// A result's column names must be unique: a repeated one gets 1, 2 … appended, as .NET's
// DataTable (which the API serializes) names them ("PatNum", "PatNum1").
function uniqueLabels(labels) {
	const taken = new Set();
	return labels.map((label) => {
		let name = label;
		for (let n = 1; taken.has(name.toLowerCase()); n += 1) name = `${label}${n}`;
		taken.add(name.toLowerCase());
		return name;
	});
}

class Query {
	/** @param {Select} select @param {Map<string, SqlTable>} catalog @param {QueryClock} clock @param {string} sql */
	constructor(select, catalog, clock, sql) {
		this.select = select;
		this.clock = clock;
		this.sql = sql;
		const tables = new Map(catalog);
		for (const common of select.with) {
			tables.set(common.name.toLowerCase(), this.derived(common.name, common.select, tables));
		}
		const refs = select.from ? [select.from, ...select.joins.map((join) => join.source)] : [];
		this.sources = refs.map((ref) => {
			const table = ref.select ? this.derived(ref.alias, ref.select, tables) : tables.get(ref.name.toLowerCase());
			if (!table) throw new SqlError(400, `Table '${DATABASE}.${ref.name}' doesn't exist`);
			return { alias: ref.alias, table };
		});
		const aliases = this.sources.map((source) => source.alias.toLowerCase());
		const repeated = aliases.find((alias, index) => aliases.indexOf(alias) !== index);
		if (repeated !== undefined) throw new SqlError(400, `Not unique table/alias: '${this.sources[aliases.lastIndexOf(repeated)].alias}'`);
	}

	/** A WITH table or a (SELECT …) in FROM, run once. @returns {SqlTable} */
	derived(name, select, tables) {
		const { labels, rows } = new Query(select, tables, this.clock, this.sql).run();
		return { name, columns: labels, rows: () => rows };
	}

	/** A table column's reader, among the first `visible` sources. @param {ColumnRef} ref @param {string} clause */
	column(ref, clause, visible = this.sources.length) {
		const wanted = ref.column.toLowerCase();
		const found = [];
		this.sources.slice(0, visible).forEach((source, index) => {
			if (ref.table !== null && source.alias.toLowerCase() !== ref.table.toLowerCase()) return;
			const column = source.table.columns.find((name) => name.toLowerCase() === wanted);
			if (column) found.push({ source: index, column });
		});
		if (found.length === 0) throw new SqlError(400, `Unknown column '${ref.text}' in '${clause}'`);
		if (found.length > 1) throw new SqlError(400, `Column '${ref.text}' in ${clause} is ambiguous`);
		const [{ source, column }] = found;
		return Object.assign((row) => (row[source] === null ? null : row[source][column]), { source, column });
	}

	/** @returns {Scope} */
	scope(clause, grouped, extra = {}) {
		return { sql: this.sql, clock: this.clock, clause, grouped, column: (ref, name) => this.column(ref, name), ...extra };
	}

	/** The select list, a star spread into its tables' columns. @returns {Array<{ label: string, expr?: Expr, read: (input: any) => any }>} */
	outputColumns(grouped) {
		const scope = this.scope('field list', grouped);
		return this.select.columns.flatMap((item) => {
			if ('expr' in item) return [{ label: item.label, expr: item.expr, read: compile(item.expr, scope) }];
			const chosen = this.sources.map((source, index) => ({ source, index }))
				.filter(({ source }) => item.table === null || source.alias.toLowerCase() === item.table.toLowerCase());
			if (chosen.length === 0) throw new SqlError(400, item.table === null ? 'No tables used' : `Unknown table '${item.table}'`);
			return chosen.flatMap(({ source, index }) => source.table.columns.map((column) => {
				const read = (row) => (row[index] === null ? null : row[index][column]);
				return { label: column, read: grouped ? (rows) => (rows.length === 0 ? null : read(rows[0])) : read };
			}));
		});
	}

	/** Every row of the FROM table and its joins, before WHERE: lib/sql/joins.js. */
	joinedRows() {
		return joinedRows(this);
	}

	/** A select-list item by name (not a star), for the clauses where MySQL lets names mean them. */
	aliasOf(name) {
		const item = this.select.columns.find((column) => 'expr' in column && column.label.toLowerCase() === name.toLowerCase());
		return item && 'expr' in item ? item.expr : null;
	}

	/** GROUP BY and ORDER BY take a position (1 = the first select item) or an expression. */
	byPosition(expr, clause, outputs) {
		if (expr.kind !== 'literal' || typeof expr.value !== 'number') return null;
		if (!Number.isInteger(expr.value) || expr.value < 1 || expr.value > outputs.length) {
			throw new SqlError(400, `Unknown column '${expr.value}' in '${clause}'`);
		}
		return outputs[expr.value - 1];
	}

	/** The groups of the filtered rows, in the order of their GROUP BY values. @returns {any[][][]} */
	groups(rows, outputs) {
		if (this.select.groupBy.length === 0) return [rows];
		const scope = this.scope('group statement', false, { alias: (name) => this.aliasOf(name) });
		const keys = this.select.groupBy.map((expr) => {
			const output = this.byPosition(expr, 'group statement', outputs);
			if (output && output.expr) return compile(output.expr, scope);
			if (output) throw new SqlError(400, "Can't group on '*'");
			return compile(expr, scope);
		});
		const groups = new Map();
		for (const row of rows) {
			const key = keys.map((read) => groupKey(read(row))).join('\u0001');
			if (!groups.has(key)) groups.set(key, []);
			groups.get(key).push(row);
		}
		const ordered = [...groups.values()];
		if (this.select.orderBy.length > 0) return ordered;
		return ordered.sort((x, y) => {
			for (const read of keys) {
				const result = orderOf(read(x[0]), read(y[0]));
				if (result !== 0) return result;
			}
			return 0;
		});
	}

	/** @returns {Result} every row of the result, in order, and the column names */
	run() {
		const { select } = this;
		const grouped = select.groupBy.length > 0 || select.columns.some((item) => 'expr' in item && hasAggregate(item.expr))
			|| hasAggregate(select.having) || select.orderBy.some((item) => hasAggregate(item.expr));
		const outputs = this.outputColumns(grouped);
		const where = select.where && compile(select.where, this.scope('where clause', false));
		const having = select.having && compile(select.having, this.scope('having clause', grouped, { alias: (name) => this.aliasOf(name) }));
		const orderScope = this.scope('order clause', grouped, { alias: (name) => this.aliasOf(name), aliasFirst: true });
		const order = select.orderBy.map(({ expr, desc }) => {
			const output = this.byPosition(expr, 'order clause', outputs);
			return { read: output ? output.read : compile(expr, orderScope), sign: desc ? -1 : 1 };
		});

		let rows = this.joinedRows();
		if (where) rows = rows.filter((row) => truth(where(row)) === true);
		let items = grouped ? this.groups(rows, outputs) : rows;
		if (having) items = items.filter((item) => truth(having(item)) === true);
		let results = items.map((item) => ({ values: outputs.map(({ read }) => read(item)), keys: order.map(({ read }) => read(item)) }));
		if (order.length > 0) {
			results.sort((x, y) => {
				for (let i = 0; i < order.length; i += 1) {
					const result = orderOf(x.keys[i], y.keys[i]);
					if (result !== 0) return result * order[i].sign;
				}
				return 0;
			});
		}
		if (select.distinct) {
			const seen = new Set();
			results = results.filter(({ values }) => {
				const key = values.map(groupKey).join('\u0001');
				return seen.has(key) ? false : Boolean(seen.add(key));
			});
		}
		const labels = uniqueLabels(outputs.map(({ label }) => label));
		return {
			labels,
			rows: results.map(({ values }) => Object.fromEntries(labels.map((label, index) => [label, values[index]]))),
		};
	}
}

/** @param {Select} select @param {Map<string, SqlTable>} catalog @param {QueryClock} clock @param {string} sql */
function runSelect(select, catalog, clock, sql) {
	return new Query(select, catalog, clock, sql).run().rows;
}

module.exports = { runSelect, Query };
