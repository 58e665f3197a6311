'use strict';

const { ExpressionParser } = require('./expression-parser');

// Parses the one SELECT ShortQuery runs, in the subset the simulator supports:
//
//   [WITH name AS (select) [, ...]]
//   SELECT [DISTINCT] item [, item ...]   item: *, alias.*, expr [[AS] name | [AS] 'name']
//   [FROM source [[LEFT [OUTER] | INNER] JOIN source ON condition] ...]
//                                          source: table [[AS] alias] | (select) [AS] alias
//   [WHERE condition]
//   [GROUP BY expr [, ...]]               expr may be a select-list name or position
//   [HAVING condition]
//   [ORDER BY expr [ASC | DESC] [, ...]]
//
// Expressions and conditions: lib/sql/expression-parser.js. Keywords are case-insensitive.
// Anything else (LIMIT, UNION, subqueries in expressions, RIGHT JOIN, comma joins...) is answered
// with MySQL's syntax error, quoting where the parser stopped.

/**
 * @typedef {import('./tokenizer').Token} Token
 * @typedef {import('./expression-parser').Expr} Expr
 * @typedef {import('./expression-parser').ColumnRef} ColumnRef
 * @typedef {{ star: true, table: string | null } | { star?: false, expr: Expr, label: string }} SelectItem
 * @typedef {{ name: string, alias: string, select?: Select }} TableRef a table, or a derived table when select is set
 * @typedef {{ inner: boolean, source: TableRef, on: Expr }} Join
 * @typedef {{ expr: Expr, desc: boolean }} OrderItem
 * @typedef {{ name: string, select: Select }} CommonTable
 * @typedef {object} Select
 * @property {CommonTable[]} with
 * @property {boolean} distinct
 * @property {SelectItem[]} columns
 * @property {TableRef | null} from null: SELECT without FROM (one row)
 * @property {Join[]} joins
 * @property {Expr | null} where
 * @property {Expr[]} groupBy
 * @property {Expr | null} having
 * @property {OrderItem[]} orderBy
 */

class Parser extends ExpressionParser {
	/** The label MySQL gives a select item without an alias: a column's name, a string's text, else the text as written. */
	labelOf(expr) {
		if (expr.kind === 'column') return expr.ref.column;
		if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
		return this.sql.slice(expr.start, expr.end);
	}

	/** @returns {SelectItem} */
	selectItem() {
		if (this.acceptSymbol('*')) return { star: true, table: null };
		if (this.isName() && this.isSymbol('.', 1) && this.isSymbol('*', 2)) {
			const table = this.name();
			this.at += 2;
			return { star: true, table };
		}
		const expr = this.expression();
		const hasAs = this.accept('AS');
		const token = this.peek();
		if (token && token.type === 'string') {
			this.at += 1;
			return { expr, label: String(token.value) };
		}
		if (hasAs || this.isName()) return { expr, label: this.name() };
		return { expr, label: this.labelOf(expr) };
	}

	/** @returns {TableRef} */
	source() {
		if (this.acceptSymbol('(')) {
			const select = this.select();
			this.expectSymbol(')');
			this.accept('AS');
			// MySQL: "Every derived table must have its own alias" is a syntax matter here.
			const alias = this.name();
			return { name: alias, alias, select };
		}
		const name = this.name();
		const alias = this.accept('AS') || this.isName() ? this.name() : name;
		return { name, alias };
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
		const source = this.source();
		this.expect('ON');
		return { inner, source, on: this.expression() };
	}

	/** @returns {OrderItem} */
	orderItem() {
		const expr = this.expression();
		const desc = this.accept('DESC');
		if (!desc) this.accept('ASC');
		return { expr, desc };
	}

	/** @returns {CommonTable} */
	commonTable() {
		const name = this.name();
		this.expect('AS');
		this.expectSymbol('(');
		const select = this.select();
		this.expectSymbol(')');
		return { name, select };
	}

	/** @returns {Select} */
	select() {
		const common = this.accept('WITH') ? this.commaList(() => this.commonTable()) : [];
		this.expect('SELECT');
		const distinct = this.accept('DISTINCT');
		if (!distinct) this.accept('ALL');
		const columns = this.commaList(() => this.selectItem());
		const from = this.accept('FROM') ? this.source() : null;
		const joins = [];
		for (let join = from && this.join(); join; join = this.join()) joins.push(join);
		const where = this.accept('WHERE') ? this.expression() : null;
		let groupBy = [];
		if (this.accept('GROUP')) {
			this.expect('BY');
			groupBy = this.commaList(() => this.expression());
		}
		const having = this.accept('HAVING') ? this.expression() : null;
		let orderBy = [];
		if (this.accept('ORDER')) {
			this.expect('BY');
			orderBy = this.commaList(() => this.orderItem());
		}
		return { with: common, distinct, columns, from, joins, where, groupBy, having, orderBy };
	}
}

/** @param {string} sql @param {Token[]} tokens the screened statement @returns {Select} */
function parseSelect(sql, tokens) {
	const parser = new Parser(sql, tokens);
	const select = parser.select();
	if (parser.peek()) parser.fail();
	return select;
}

module.exports = { parseSelect };
