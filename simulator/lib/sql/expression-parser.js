'use strict';

const { Reader } = require('./reader');

// Expressions of the ShortQuery subset, with MySQL's precedence (loosest first):
//
//   OR;  AND;  NOT;  comparison (= <> != < <= > >=), IS [NOT] NULL, [NOT] IN (...),
//   [NOT] BETWEEN x AND y, [NOT] LIKE;  + - (and ± INTERVAL n unit);  * / %;  unary -;
//   primary: number, 'string', NULL, TRUE, FALSE, (expr), col, alias.col, CURRENT_DATE,
//            CURRENT_TIMESTAMP, name(args) (functions and aggregates: lib/sql/functions.js,
//            aggregates.js), COUNT(*), COUNT(DISTINCT expr), INTERVAL n unit (in DATE_ADD/DATE_SUB)
//
// Every node keeps where it starts and ends in the SQL text: MySQL names an unaliased select
// item by its text as written.

const COMPARISONS = ['=', '<>', '!=', '<', '<=', '>', '>='];
const UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];

/**
 * @typedef {{ table: string | null, column: string, text: string }} ColumnRef a name as written
 * @typedef {{ start: number, end: number }} Span
 * @typedef {Span & (
 *   { kind: 'column', ref: ColumnRef }
 *   | { kind: 'literal', value: any }
 *   | { kind: 'call', name: string, args: Expr[], star: boolean, distinct: boolean }
 *   | { kind: 'interval', amount: Expr, unit: string }
 *   | { kind: 'unary', op: 'NOT' | '-', operand: Expr }
 *   | { kind: 'binary', op: string, left: Expr, right: Expr }
 *   | { kind: 'in', operand: Expr, values: Expr[], not: boolean }
 *   | { kind: 'between', operand: Expr, low: Expr, high: Expr, not: boolean }
 *   | { kind: 'isNull', operand: Expr, not: boolean }
 *   | { kind: 'like', operand: Expr, pattern: Expr, not: boolean }
 * )} Expr
 */

class ExpressionParser extends Reader {
	/** @returns {Expr} */
	expression() {
		return this.binaryLevel(['OR'], () => this.binaryLevel(['AND'], () => this.negation()));
	}

	/** Left-associative keyword operators (OR, AND). @param {string[]} words @param {() => Expr} operand */
	binaryLevel(words, operand) {
		let left = operand();
		for (let op = words.find((word) => this.isWord(word)); op; op = words.find((word) => this.isWord(word))) {
			this.at += 1;
			const right = operand();
			left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
		}
		return left;
	}

	/** @returns {Expr} */
	negation() {
		const start = this.start();
		if (!this.accept('NOT')) return this.predicate();
		const operand = this.negation();
		return { kind: 'unary', op: 'NOT', operand, start, end: operand.end };
	}

	/** @returns {Expr} */
	predicate() {
		const operand = this.additive();
		const { start } = operand;
		const op = this.peek();
		if (op && op.type === 'symbol' && COMPARISONS.includes(String(op.value))) {
			this.at += 1;
			const right = this.additive();
			return { kind: 'binary', op: op.value === '!=' ? '<>' : String(op.value), left: operand, right, start, end: right.end };
		}
		if (this.accept('IS')) {
			const not = this.accept('NOT');
			this.expect('NULL');
			return { kind: 'isNull', operand, not, start, end: this.end() };
		}
		const not = this.accept('NOT');
		if (this.accept('IN')) {
			this.expectSymbol('(');
			const values = this.commaList(() => this.expression());
			this.expectSymbol(')');
			return { kind: 'in', operand, values, not, start, end: this.end() };
		}
		if (this.accept('BETWEEN')) {
			const low = this.additive();
			this.expect('AND');
			const high = this.additive();
			return { kind: 'between', operand, low, high, not, start, end: high.end };
		}
		if (this.accept('LIKE')) {
			const pattern = this.additive();
			return { kind: 'like', operand, pattern, not, start, end: pattern.end };
		}
		if (not) this.fail();
		return operand;
	}

	/** @returns {Expr} */
	additive() {
		let left = this.multiplicative();
		while (this.isSymbol('+') || this.isSymbol('-')) {
			const op = String(this.peek().value);
			this.at += 1;
			const right = this.isWord('INTERVAL') ? this.interval() : this.multiplicative();
			left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
		}
		return left;
	}

	/** @returns {Expr} */
	multiplicative() {
		let left = this.unary();
		while (this.isSymbol('*') || this.isSymbol('/') || this.isSymbol('%')) {
			const op = String(this.peek().value);
			this.at += 1;
			const right = this.unary();
			left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
		}
		return left;
	}

	/** @returns {Expr} */
	unary() {
		const start = this.start();
		if (this.acceptSymbol('+')) return this.unary();
		if (!this.acceptSymbol('-')) return this.primary();
		const operand = this.unary();
		if (operand.kind === 'literal' && typeof operand.value === 'number') return { ...operand, value: -operand.value, start };
		return { kind: 'unary', op: '-', operand, start, end: operand.end };
	}

	/** INTERVAL n unit. @returns {Expr} */
	interval() {
		const start = this.start();
		this.expect('INTERVAL');
		const amount = this.additive();
		const unit = UNITS.find((name) => this.isWord(name));
		if (!unit) this.fail();
		this.at += 1;
		return { kind: 'interval', amount, unit, start, end: this.end() };
	}

	/** @returns {Expr} */
	primary() {
		const start = this.start();
		const token = this.peek();
		/** @returns {Expr} */
		const literal = (value) => {
			this.at += 1;
			return { kind: 'literal', value, start, end: this.end() };
		};
		if (token && (token.type === 'number' || token.type === 'string')) return literal(token.value);
		if (this.isWord('NULL')) return literal(null);
		if (this.isWord('TRUE') || this.isWord('FALSE')) return literal(token.upper === 'TRUE' ? 1 : 0);
		if (this.acceptSymbol('(')) {
			const inner = this.expression();
			this.expectSymbol(')');
			return { ...inner, start, end: this.end() };
		}
		if (this.isWord('INTERVAL')) return this.interval();
		// CURRENT_DATE and CURRENT_TIMESTAMP need no parentheses.
		if (this.isWord('CURRENT_DATE') || this.isWord('CURRENT_TIMESTAMP')) {
			this.at += 1;
			if (this.acceptSymbol('(')) this.expectSymbol(')');
			return { kind: 'call', name: token.upper, args: [], star: false, distinct: false, start, end: this.end() };
		}
		if (token && token.type === 'word' && this.isName() && this.isSymbol('(', 1)) return this.call();
		const ref = this.columnRef();
		return { kind: 'column', ref, start, end: this.end() };
	}

	/** name(args), COUNT(*), AGG(DISTINCT expr). @returns {Expr} */
	call() {
		const start = this.start();
		const name = this.peek().upper;
		this.at += 2;
		let star = false;
		let distinct = false;
		/** @type {Expr[]} */
		let args = [];
		if (name === 'COUNT' && this.acceptSymbol('*')) {
			star = true;
		} else if (!this.isSymbol(')')) {
			distinct = this.accept('DISTINCT');
			args = this.commaList(() => this.expression());
		}
		this.expectSymbol(')');
		return { kind: 'call', name, args, star, distinct, start, end: this.end() };
	}

	/** col or table.col. @returns {ColumnRef} */
	columnRef() {
		const first = this.name();
		if (!this.isSymbol('.')) return { table: null, column: first, text: first };
		this.at += 1;
		const column = this.name();
		return { table: first, column, text: `${first}.${column}` };
	}
}

module.exports = { ExpressionParser };
