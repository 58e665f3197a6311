'use strict';

const { SqlError } = require('./tokenizer');

// Runs a parsed SELECT (lib/sql/parser.js) over the catalog's tables, the way MySQL would for
// this subset: joins in the order written (LEFT JOIN fills NULL), WHERE conditions all true,
// ORDER BY stable (NULLs first, text without regard to case, as MySQL's default collation
// compares), then the select list. Names of tables, aliases and columns are case-insensitive, as
// on the Windows servers most offices run. Row order without ORDER BY is the tables' key order.

const DATABASE = 'opendental';
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DATE_TEXT = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/;

/** @typedef {import('./parser').Select} Select @typedef {import('./parser').ColumnRef} ColumnRef */
/**
 * @typedef {object} SqlTable
 * @property {string} name
 * @property {string[]} columns
 * @property {() => Record<string, any>[]} rows every row, in key order
 * @property {string} [primaryKey]
 * @property {(keys: number[]) => Record<string, any>[]} [rowsWithKeys] the rows with these keys, in key order
 */

const toNumber = (value) => (typeof value === 'number' ? value : Number.parseFloat(value) || 0);

// MySQL's comparison of a column value with another value: null when either is NULL (unknown),
// numerically when either is a number, a date-time column against 'yyyy-MM-dd[ HH:mm:ss]' text as
// date-times, other text without regard to case.
function compare(value, other) {
	if (value === null || other === null || value === undefined || other === undefined) return null;
	if (typeof value === 'number' || typeof other === 'number') return Math.sign(toNumber(value) - toNumber(other));
	let left = String(value);
	let right = String(other);
	const date = DATE_TEXT.exec(right);
	if (ISO_DATETIME.test(left) && date) right = `${date[1]}T${date[2] || '00:00:00'}`;
	left = left.toLowerCase();
	right = right.toLowerCase();
	return left < right ? -1 : left > right ? 1 : 0;
}

const TESTS = {
	'=': (c) => c === 0, '<>': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};

function holds(condition, value) {
	switch (condition.kind) {
		case 'null': return (value === null) !== condition.not;
		case 'in': {
			if (value === null) return false;
			return condition.values.some((candidate) => compare(value, candidate) === 0) !== condition.not;
		}
		case 'between': {
			const low = compare(value, condition.low);
			const high = compare(value, condition.high);
			return low !== null && high !== null && low >= 0 && high <= 0;
		}
		default: {
			const result = compare(value, condition.value);
			return result !== null && TESTS[condition.op](result);
		}
	}
}

// Values equal under compare() share a key (NULL never matches). Join columns are keys and
// foreign keys, numbers in every table here.
function joinKey(value) {
	if (value === null || value === undefined) return null;
	return typeof value === 'number' ? `n${value}` : `s${String(value).toLowerCase()}`;
}

// Sort order of two values of one column: NULL first, then as compare() orders them.
function orderOf(a, b) {
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	return compare(a, b);
}

class Query {
	/** @param {Select} select @param {Map<string, SqlTable>} catalog */
	constructor(select, catalog) {
		this.select = select;
		this.sources = [select.from, ...select.joins.map((join) => join.source)].map((ref) => {
			const table = catalog.get(ref.name.toLowerCase());
			if (!table) throw new SqlError(400, `Table '${DATABASE}.${ref.name}' doesn't exist`);
			return { alias: ref.alias, table };
		});
		const aliases = this.sources.map((source) => source.alias.toLowerCase());
		const repeated = aliases.find((alias, index) => aliases.indexOf(alias) !== index);
		if (repeated !== undefined) throw new SqlError(400, `Not unique table/alias: '${this.sources[aliases.lastIndexOf(repeated)].alias}'`);
	}

	/**
	 * Which source and column a name means, among the first `visible` sources.
	 * @param {ColumnRef} ref @param {string} clause as MySQL names it in errors ('field list', 'where clause'...)
	 * @returns {{ source: number, column: string }}
	 */
	resolve(ref, clause, visible = this.sources.length) {
		const unknown = () => new SqlError(400, `Unknown column '${ref.text}' in '${clause}'`);
		const wanted = ref.column.toLowerCase();
		const found = [];
		this.sources.slice(0, visible).forEach((source, index) => {
			if (ref.table !== null && source.alias.toLowerCase() !== ref.table.toLowerCase()) return;
			const column = source.table.columns.find((name) => name.toLowerCase() === wanted);
			if (column) found.push({ source: index, column });
		});
		if (found.length === 0) throw unknown();
		if (found.length > 1) throw new SqlError(400, `Column '${ref.text}' in ${clause} is ambiguous`);
		return found[0];
	}

	/** The output columns, a star spread into its table's columns. @returns {Array<{ label: string, source: number, column: string }>} */
	outputColumns() {
		return this.select.columns.flatMap((item) => {
			if ('ref' in item) {
				const { source, column } = this.resolve(item.ref, 'field list');
				return [{ label: item.label, source, column }];
			}
			const chosen = this.sources
				.map((source, index) => ({ source, index }))
				.filter(({ source }) => item.table === null || source.alias.toLowerCase() === item.table.toLowerCase());
			if (chosen.length === 0) throw new SqlError(400, `Unknown table '${item.table}'`);
			return chosen.flatMap(({ source, index }) => source.table.columns.map((column) => ({ label: column, source: index, column })));
		});
	}

	// Each join in turn; rows are arrays with one record per source (null: no LEFT JOIN match). The
	// joined table is indexed on its ON column, so a join costs one pass over each side.
	joinedRows(conditions) {
		let rows = this.firstRows(conditions).map((record) => [record]);
		this.select.joins.forEach((join, joinIndex) => {
			const right = joinIndex + 1;
			const [a, b] = join.on.map((ref) => this.resolve(ref, 'on clause', right + 1));
			if ((a.source === right) === (b.source === right)) {
				throw new SqlError(400, 'The simulator joins only on a column of the joined table = a column of a table before it.');
			}
			const [inner, outer] = a.source === right ? [a, b] : [b, a];
			const index = new Map();
			for (const record of this.sources[right].table.rows()) {
				const key = joinKey(record[inner.column]);
				if (key === null) continue;
				if (!index.has(key)) index.set(key, []);
				index.get(key).push(record);
			}
			rows = rows.flatMap((row) => {
				const matches = index.get(joinKey(row[outer.source] === null ? null : row[outer.source][outer.column])) || [];
				if (matches.length > 0) return matches.map((record) => [...row, record]);
				return join.inner ? [] : [[...row, null]];
			});
		});
		return rows;
	}

	// The FROM table's rows; only those with the keys asked for when WHERE names its primary key
	// with = or IN and numbers (every condition is still checked after).
	firstRows(conditions) {
		const { table } = this.sources[0];
		const byKey = conditions.find(({ condition, at }) => at.source === 0 && at.column === table.primaryKey
			&& ((condition.kind === 'in' && !condition.not) || (condition.kind === 'compare' && condition.op === '=')));
		if (!byKey || !table.rowsWithKeys) return table.rows();
		const { condition } = byKey;
		const keys = condition.kind === 'in' ? condition.values : [condition.value];
		return keys.every(Number.isInteger) ? table.rowsWithKeys(keys) : table.rows();
	}

	/** @returns {Record<string, any>[]} every row of the result, in order */
	run() {
		const columns = this.outputColumns();
		const conditions = this.select.where.map((condition) => ({ condition, at: this.resolve(condition.ref, 'where clause') }));
		const valueAt = (row, { source, column }) => (row[source] === null ? null : row[source][column]);
		const order = this.select.orderBy.map(({ ref, desc }) => {
			// ORDER BY may name a select-list alias, as MySQL allows.
			const aliased = ref.table === null && columns.find(({ label }) => label.toLowerCase() === ref.column.toLowerCase());
			const at = aliased || this.resolve(ref, 'order clause');
			return { at, sign: desc ? -1 : 1 };
		});
		let rows = this.joinedRows(conditions).filter((row) => conditions.every(({ condition, at }) => holds(condition, valueAt(row, at))));
		if (order.length > 0) {
			rows = rows.slice().sort((x, y) => {
				for (const { at, sign } of order) {
					const result = orderOf(valueAt(x, at), valueAt(y, at));
					if (result !== 0) return result * sign;
				}
				return 0;
			});
		}
		const labels = uniqueLabels(columns.map(({ label }) => label));
		return rows.map((row) => {
			const out = {};
			columns.forEach((at, index) => {
				out[labels[index]] = valueAt(row, at);
			});
			return out;
		});
	}
}

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

/** @param {Select} select @param {Map<string, SqlTable>} catalog */
function runSelect(select, catalog) {
	return new Query(select, catalog).run();
}

module.exports = { runSelect, compare };
