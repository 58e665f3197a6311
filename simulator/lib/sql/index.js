'use strict';

const { tokenize, SqlError } = require('./tokenizer');
const { screen } = require('./screen');
const { parseSelect } = require('./parser');
const { runSelect } = require('./evaluator');
const { catalogOf } = require('./catalog');

// The SQL behind PUT /queries/ShortQuery: screen (read-only, one statement: else 401), parse (the
// SELECT subset of parser.js: else MySQL's syntax error, 400), run over the office's tables
// (catalog.js) in their database representation (enums as numbers, dates as ISO text, NULL for
// a LEFT JOIN without a match), with the office clock for CURDATE() and NOW(). Returns every row;
// the route pages them.

/** @param {string} sql @returns {Record<string, any>[]} */
function runQuery(sim, sql) {
	const statement = screen(tokenize(sql));
	const clock = { now: sim.clock.now(), today: sim.clock.today() };
	return runSelect(parseSelect(sql, statement), catalogOf(sim), clock, sql);
}

module.exports = { runQuery, SqlError };
