'use strict';

const { syntaxError } = require('./tokenizer');

// Parses the one SELECT ShortQuery runs, in the subset the simulator supports:
//
//   SELECT item [, item ...]          item: *, alias.*, col, alias.col, either with [AS] name
//   FROM table [[AS] alias]
//   [[LEFT [OUTER] | INNER] JOIN table [[AS] alias] ON colref = colref] ...
//   [WHERE condition [AND condition ...]]
//   [ORDER BY colref [ASC | DESC] [, ...]]
//
//   condition: colref [NOT] IN (literal, ...) | colref = <> != < <= > >= literal
//              | colref BETWEEN literal AND literal | colref IS [NOT] NULL
//   literal:   number, -number, 'string', NULL
//
// Keywords are case-insensitive. Anything else (OR, parentheses, functions, GROUP BY, LIMIT,
// subqueries...) is answered with MySQL's syntax error, quoting where the parser stopped.

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'BETWEEN', 'ORDER',
	'BY', 'ASC', 'DESC', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'ON', 'AS', 'GROUP', 'HAVING', 'LIMIT', 'UNION',
	'DISTINCT', 'LIKE', 'INTO', 'CROSS', 'NATURAL', 'USING']);
const COMPARISONS = ['=', '<>', '!=', '<', '<=', '>', '>='];

/**
 * @typedef {import('./tokenizer').Token} Token
 * @typedef {{ table: string | null, column: string, text: string }} ColumnRef a name as written
 * @typedef {{ star: true, table: string | null } | { star?: false, ref: ColumnRef, label: string }} SelectItem
 * @typedef {{ name: string, alias: string }} TableRef
 * @typedef {{ inner: boolean, source: TableRef, on: [ColumnRef, ColumnRef] }} Join
 * @typedef {{ kind: 'in', ref: ColumnRef, values: any[], not: boolean }
 *   | { kind: 'compare', ref: ColumnRef, op: string, value: any }
 *   | { kind: 'between', ref: ColumnRef, low: any, high: any }
 *   | { kind: 'null', ref: ColumnRef, not: boolean }} Condition
 * @typedef {{ ref: ColumnRef, desc: boolean }} OrderItem
 * @typedef {{ columns: SelectItem[], from: TableRef, joins: Join[], where: Condition[], orderBy: OrderItem[] }} Select
 */

class Parser {
	/** @param {string} sql @param {Token[]} tokens */
	constructor(sql, tokens) {
		this.sql = sql;
		this.tokens = tokens;
		this.at = 0;
	}

	peek(offset = 0) {
		return this.tokens[this.at + offset];
	}

	/** @returns {never} */
	fail() {
		const token = this.peek();
		throw syntaxError(this.sql, token ? token.position : this.sql.length);
	}

	isWord(upper) {
		const token = this.peek();
		return Boolean(token) && token.type === 'word' && token.upper === upper;
	}

	isSymbol(symbol, offset = 0) {
		const token = this.peek(offset);
		return Boolean(token) && token.type === 'symbol' && token.value === symbol;
	}

	isName() {
		const token = this.peek();
		return Boolean(token) && (token.type === 'name' || (token.type === 'word' && !RESERVED.has(token.upper)));
	}

	accept(upper) {
		if (!this.isWord(upper)) return false;
		this.at += 1;
		return true;
	}

	expect(upper) {
		if (!this.accept(upper)) this.fail();
	}

	expectSymbol(symbol) {
		if (!this.isSymbol(symbol)) this.fail();
		this.at += 1;
	}

	/** A table, column or alias name: a word that is not a keyword, or a `backquoted` one. */
	name() {
		if (!this.isName()) this.fail();
		this.at += 1;
		return String(this.peek(-1).value);
	}

	/** Items separated by commas. @template T @param {() => T} item @returns {T[]} */
	commaList(item) {
		const items = [item()];
		while (this.isSymbol(',')) {
			this.at += 1;
			items.push(item());
		}
		return items;
	}

	/** col or table.col. @returns {ColumnRef} */
	columnRef() {
		const first = this.name();
		if (!this.isSymbol('.')) return { table: null, column: first, text: first };
		this.at += 1;
		const column = this.name();
		return { table: first, column, text: `${first}.${column}` };
	}

	literal() {
		const token = this.peek();
		if (this.isSymbol('-') && this.peek(1) && this.peek(1).type === 'number') {
			this.at += 2;
			return -this.peek(-1).value;
		}
		if (token && (token.type === 'number' || token.type === 'string')) {
			this.at += 1;
			return token.value;
		}
		if (this.accept('NULL')) return null;
		return this.fail();
	}

	optionalAlias() {
		if (this.accept('AS')) return this.name();
		return this.isName() ? this.name() : null;
	}

	/** @returns {SelectItem} */
	selectItem() {
		if (this.isSymbol('*')) {
			this.at += 1;
			return { star: true, table: null };
		}
		if (this.isSymbol('.', 1) && this.isSymbol('*', 2)) {
			const table = this.name();
			this.at += 2;
			return { star: true, table };
		}
		const ref = this.columnRef();
		return { ref, label: this.optionalAlias() ?? ref.column };
	}

	/** @returns {TableRef} */
	tableRef() {
		const name = this.name();
		return { name, alias: this.optionalAlias() ?? name };
	}

	/** @returns {Condition} */
	condition() {
		const ref = this.columnRef();
		if (this.accept('IS')) {
			const not = this.accept('NOT');
			this.expect('NULL');
			return { kind: 'null', ref, not };
		}
		if (this.accept('BETWEEN')) {
			const low = this.literal();
			this.expect('AND');
			return { kind: 'between', ref, low, high: this.literal() };
		}
		const not = this.accept('NOT');
		if (this.accept('IN')) {
			this.expectSymbol('(');
			const values = this.commaList(() => this.literal());
			this.expectSymbol(')');
			return { kind: 'in', ref, values, not };
		}
		const op = this.peek();
		if (not || !op || op.type !== 'symbol' || !COMPARISONS.includes(String(op.value))) this.fail();
		this.at += 1;
		return { kind: 'compare', ref, op: op.value === '!=' ? '<>' : String(op.value), value: this.literal() };
	}

	/** @returns {Join | null} */
	join() {
		let inner = true;
		if (this.accept('LEFT')) {
			inner = false;
			this.accept('OUTER');
		} else if (!this.accept('INNER') && !this.isWord('JOIN')) {
			return null;
		}
		this.expect('JOIN');
		const source = this.tableRef();
		this.expect('ON');
		const left = this.columnRef();
		this.expectSymbol('=');
		return { inner, source, on: [left, this.columnRef()] };
	}

	/** @returns {OrderItem} */
	orderItem() {
		const ref = this.columnRef();
		const desc = this.accept('DESC');
		if (!desc) this.accept('ASC');
		return { ref, desc };
	}

	/** @returns {Select} */
	select() {
		this.expect('SELECT');
		const columns = this.commaList(() => this.selectItem());
		this.expect('FROM');
		const from = this.tableRef();
		const joins = [];
		for (let join = this.join(); join; join = this.join()) joins.push(join);
		const where = [];
		if (this.accept('WHERE')) {
			do where.push(this.condition()); while (this.accept('AND'));
		}
		let orderBy = [];
		if (this.accept('ORDER')) {
			this.expect('BY');
			orderBy = this.commaList(() => this.orderItem());
		}
		if (this.peek()) this.fail();
		return { columns, from, joins, where, orderBy };
	}
}

/** @param {string} sql @param {Token[]} tokens the screened statement @returns {Select} */
function parseSelect(sql, tokens) {
	return new Parser(sql, tokens).select();
}

module.exports = { parseSelect };
