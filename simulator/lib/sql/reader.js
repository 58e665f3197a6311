'use strict';

const { syntaxError } = require('./tokenizer');

// A cursor over the tokens of one statement, shared by the expression and statement parsers: it
// answers what comes next, takes it, or fails with MySQL's syntax error quoting where it stopped.

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'BETWEEN', 'ORDER',
	'BY', 'ASC', 'DESC', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'ON', 'AS', 'GROUP', 'HAVING', 'LIMIT', 'UNION',
	'DISTINCT', 'LIKE', 'INTO', 'CROSS', 'NATURAL', 'USING', 'WITH', 'INTERVAL', 'XOR', 'DIV', 'MOD', 'CASE',
	'EXISTS', 'CURRENT_DATE', 'CURRENT_TIMESTAMP', 'TRUE', 'FALSE', 'ALL', 'ANY', 'FOR', 'STRAIGHT_JOIN', 'WINDOW']);

/** @typedef {import('./tokenizer').Token} Token */

class Reader {
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

	isWord(upper, offset = 0) {
		const token = this.peek(offset);
		return Boolean(token) && token.type === 'word' && token.upper === upper;
	}

	isSymbol(symbol, offset = 0) {
		const token = this.peek(offset);
		return Boolean(token) && token.type === 'symbol' && token.value === symbol;
	}

	isName(offset = 0) {
		const token = this.peek(offset);
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

	acceptSymbol(symbol) {
		if (!this.isSymbol(symbol)) return false;
		this.at += 1;
		return true;
	}

	expectSymbol(symbol) {
		if (!this.acceptSymbol(symbol)) this.fail();
	}

	/** A table, column or alias name: a word that is not a keyword, or a `backquoted` one. */
	name() {
		if (!this.isName()) this.fail();
		this.at += 1;
		return String(this.peek(-1).value);
	}

	/** Where the next token starts (the end of the text when there is none). */
	start() {
		const token = this.peek();
		return token ? token.position : this.sql.length;
	}

	/** Where the last token taken ends. */
	end() {
		return this.peek(-1).end;
	}

	/** Items separated by commas. @template T @param {() => T} item @returns {T[]} */
	commaList(item) {
		const items = [item()];
		while (this.acceptSymbol(',')) items.push(item());
		return items;
	}
}

module.exports = { Reader, RESERVED };
