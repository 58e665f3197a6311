'use strict';

const { keyOf, truth } = require('./compare');
const { compile, hasAggregate, columnsOf } = require('./compile');

// The rows a SELECT starts from: the FROM table's records, each JOIN in turn. Rows are arrays
// with one record per source (null where a LEFT JOIN found no match).

/** @typedef {import('./evaluator').Query} Query @typedef {import('./expression-parser').Expr} Expr */

/** The conditions of an expression joined by AND at its top. @param {Expr | null} expr @returns {Expr[]} */
const conjuncts = (expr) => (!expr ? [] : expr.kind === 'binary' && expr.op === 'AND' ? [...conjuncts(expr.left), ...conjuncts(expr.right)] : [expr]);

// Per source, the WHERE conditions (ANDed at its top) that read that source alone: they filter
// its records before the joins, for the FROM table and INNER JOINed ones (a LEFT JOIN must still
// make its NULL row). The whole WHERE is checked again on the joined rows.
/** @param {Query} query */
function filtersBySource(query) {
	const filters = query.sources.map(() => []);
	for (const condition of conjuncts(query.select.where)) {
		const used = new Set(columnsOf(condition).map((ref) => query.column(ref, 'where clause').source));
		if (used.size !== 1 || hasAggregate(condition)) continue;
		const [source] = used;
		if (source === 0 || query.select.joins[source - 1].inner) filters[source].push(compile(condition, query.scope('where clause', false)));
	}
	return filters;
}

/** A source's records that pass its own conditions. @param {number} source @param {Record<string, any>[]} records @param {Function[]} filters */
function recordsOf(source, records, filters) {
	if (filters.length === 0) return records;
	const row = [];
	return records.filter((record) => {
		row[source] = record;
		return filters.every((test) => truth(test(row)) === true);
	});
}

// The FROM table's records; only those with the keys asked for when WHERE names its primary key
// with = or IN and whole numbers.
/** @param {Query} query */
function firstRecords(query) {
	const { table } = query.sources[0];
	const isKey = (expr) => {
		if (expr.kind !== 'column' || !table.primaryKey || !table.rowsWithKeys) return false;
		const read = query.column(expr.ref, 'where clause');
		return read.source === 0 && read.column === table.primaryKey;
	};
	const literals = (list) => (list.every((e) => e.kind === 'literal' && Number.isInteger(e.value)) ? list.map((e) => e.value) : null);
	for (const condition of conjuncts(query.select.where)) {
		let keys = null;
		if (condition.kind === 'in' && !condition.not && isKey(condition.operand)) keys = literals(condition.values);
		if (condition.kind === 'binary' && condition.op === '=') {
			if (isKey(condition.left)) keys = literals([condition.right]);
			else if (isKey(condition.right)) keys = literals([condition.left]);
		}
		if (keys) return table.rowsWithKeys(keys);
	}
	return table.rows();
}

// Each join in turn; rows are arrays with one record per source (null: no LEFT JOIN match). When
// ON has `joined.col = earlier.col` among its ANDed conditions, the joined table is indexed on it,
// so a join costs one pass over each side; the whole ON is checked on every candidate.
/** @param {Query} query */
function joinedRows(query) {
	if (query.sources.length === 0) return [[]];
	const filters = filtersBySource(query);
	let rows = recordsOf(0, firstRecords(query), filters[0]).map((record) => [record]);
	query.select.joins.forEach((join, joinIndex) => {
		const right = joinIndex + 1;
		const scope = { ...query.scope('on clause', false), column: (ref, clause) => query.column(ref, clause, right + 1) };
		const on = compile(join.on, scope);
		const records = recordsOf(right, query.sources[right].table.rows(), filters[right]);
		/** @type {(row: any[]) => Record<string, any>[]} */
		let candidates = () => records;
		for (const condition of conjuncts(join.on)) {
			if (condition.kind !== 'binary' || condition.op !== '=' || condition.left.kind !== 'column' || condition.right.kind !== 'column') continue;
			const [a, b] = [condition.left, condition.right].map((side) => scope.column(side.ref, 'on clause'));
			if ((a.source === right) === (b.source === right)) continue;
			const [inner, outer] = a.source === right ? [a, b] : [b, a];
			const index = new Map();
			for (const record of records) {
				const key = keyOf(record[inner.column]);
				if (key === null) continue;
				if (!index.has(key)) index.set(key, []);
				index.get(key).push(record);
			}
			candidates = (row) => index.get(keyOf(outer(row))) || [];
			break;
		}
		rows = rows.flatMap((row) => {
			const matched = [];
			for (const record of candidates(row)) {
				const next = [...row, record];
				if (truth(on(next)) === true) matched.push(next);
			}
			if (matched.length > 0 || join.inner) return matched;
			return [[...row, null]];
		});
	});
	return rows;
}

module.exports = { joinedRows };
