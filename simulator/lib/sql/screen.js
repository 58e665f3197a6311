'use strict';

const { SqlError } = require('./tokenizer');

// The read-only screen ShortQuery applies before running anything: "Queries are screened to be
// read-only ... Any command that would change the database will not be run" (apiqueries.html). A
// statement that writes, several statements, or SELECT … INTO is refused with the documented 401.
// Temporary tables are allowed by Open Dental, but the simulator does not create tables: that is a
// 400 (it cannot run it), not a 401.

const NOT_READ_ONLY = 'Query is not read-only or is not executing on temporary tables.';
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'DROP', 'ALTER', 'CREATE', 'TRUNCATE', 'GRANT',
	'REVOKE', 'SET', 'CALL', 'LOCK', 'UNLOCK', 'RENAME', 'LOAD', 'HANDLER', 'DO', 'FLUSH', 'KILL', 'OPTIMIZE', 'REPAIR']);

/** @typedef {import('./tokenizer').Token} Token */

const isWord = (token, upper) => Boolean(token) && token.type === 'word' && token.upper === upper;

/**
 * The one statement to run (its tokens, without a trailing ';'), or a SqlError.
 * @param {Token[]} tokens
 */
function screen(tokens) {
	const statements = [[]];
	for (const token of tokens) {
		if (token.type === 'symbol' && token.value === ';') statements.push([]);
		else statements[statements.length - 1].push(token);
	}
	const nonEmpty = statements.filter((statement) => statement.length > 0);
	const [first] = nonEmpty;
	if (first && isWord(first[0], 'CREATE') && isWord(first[1], 'TEMPORARY')) {
		throw new SqlError(400, 'CREATE TEMPORARY TABLE is not supported by the simulator; run a single SELECT.');
	}
	if (nonEmpty.length > 1) throw new SqlError(401, NOT_READ_ONLY);
	if (!first) return [];
	if (first[0].type === 'word' && WRITES.has(first[0].upper)) throw new SqlError(401, NOT_READ_ONLY);
	if (first.some((token) => isWord(token, 'INTO'))) throw new SqlError(401, NOT_READ_ONLY);
	return first;
}

module.exports = { screen, NOT_READ_ONLY };
