'use strict';

// Splits MySQL text into tokens for the ShortQuery subset (see lib/sql/index.js). Knows words
// (keywords and names, `backquoted` names too), numbers, 'strings' ('' and \' escape a quote),
// the symbols the subset uses, and skips comments (-- …, # …, /* … */).

class SqlError extends Error {
	/** @param {number} status 400 (cannot run it) or 401 (not read-only) @param {string} message */
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

/**
 * MySQL's wording for anything it cannot parse, quoting the text from the trouble on.
 * @param {string} sql @param {number} position where the trouble starts (sql.length: at the end)
 */
function syntaxError(sql, position) {
	const line = sql.slice(0, position).split('\n').length;
	const near = sql.slice(position, position + 80);
	return new SqlError(400, 'You have an error in your SQL syntax; check the manual that corresponds to your MySQL server '
		+ `version for the right syntax to use near '${near}' at line ${line}`);
}

const SYMBOLS = ['<=', '>=', '<>', '!=', '=', '<', '>', ',', '.', '(', ')', '*', ';', '-', '+', '/', '%', '@', '?', ':'];

/**
 * @typedef {object} Token
 * @property {'word' | 'name' | 'number' | 'string' | 'symbol'} type 'name' is a `backquoted` name
 * @property {string | number} value
 * @property {string} upper the word in capitals, for keyword checks ('' for others)
 * @property {number} position offset in the SQL text
 * @property {number} end offset just after the token (a select item's name is the text between)
 */

/** @param {string} sql @returns {Token[]} */
function tokenize(sql) {
	/** @type {Token[]} */
	const tokens = [];
	let i = 0;
	const push = (type, value, position, end) => tokens.push({ type, value, upper: type === 'word' ? String(value).toUpperCase() : '', position, end });
	while (i < sql.length) {
		const rest = sql.slice(i, i + 2);
		const char = sql[i];
		if (/\s/.test(char)) {
			i += 1;
		} else if (rest === '--' || char === '#') {
			const end = sql.indexOf('\n', i);
			i = end === -1 ? sql.length : end + 1;
		} else if (rest === '/*') {
			const end = sql.indexOf('*/', i + 2);
			if (end === -1) throw syntaxError(sql, i);
			i = end + 2;
		} else if (/[A-Za-z_$]/.test(char)) {
			const word = /^[A-Za-z0-9_$]+/.exec(sql.slice(i))[0];
			push('word', word, i, i + word.length);
			i += word.length;
		} else if (/[0-9]/.test(char)) {
			const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(sql.slice(i))[0];
			push('number', Number(number), i, i + number.length);
			i += number.length;
		} else if (char === '`') {
			const end = sql.indexOf('`', i + 1);
			if (end === -1) throw syntaxError(sql, i);
			push('name', sql.slice(i + 1, end), i, end + 1);
			i = end + 1;
		} else if (char === "'" || char === '"') {
			const [text, next] = readString(sql, i);
			push('string', text, i, next);
			i = next;
		} else {
			const symbol = SYMBOLS.find((s) => sql.startsWith(s, i));
			if (!symbol) throw syntaxError(sql, i);
			push('symbol', symbol, i, i + symbol.length);
			i += symbol.length;
		}
	}
	return tokens;
}

// A quoted string from `start` (MySQL accepts ' and "): returns [text, index after it].
function readString(sql, start) {
	const quote = sql[start];
	let text = '';
	let i = start + 1;
	while (i < sql.length) {
		const char = sql[i];
		if (char === '\\' && i + 1 < sql.length) {
			const escaped = sql[i + 1];
			// \% and \_ stay as written, as in MySQL: LIKE reads them as a literal % and _.
			text += { n: '\n', r: '\r', t: '\t', 0: '\0', '%': '\\%', _: '\\_' }[escaped] ?? escaped;
			i += 2;
		} else if (char === quote && sql[i + 1] === quote) {
			text += quote;
			i += 2;
		} else if (char === quote) {
			return [text, i + 1];
		} else {
			text += char;
			i += 1;
		}
	}
	throw syntaxError(sql, start);
}

module.exports = { tokenize, SqlError, syntaxError };
