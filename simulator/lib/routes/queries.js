'use strict';

const { HttpError } = require('../respond');
const { parsePaging } = require('../paging');
const { bodyObject, requiredText } = require('../body-fields');
const { runQuery, SqlError } = require('../sql');

// Remote ShortQuery answers "at most 100 rows" even for Enterprise keys; a local server uses the
// mode's cap (whether it raises it is unconfirmed).
const SHORT_QUERY_ROWS = 100;

// PUT /queries/ShortQuery (Queries): body { SqlCommand }, rows paged with ?Offset= (and Limit).
function shortQuery({ query, body, sim, key }) {
	const sql = requiredText(bodyObject(body), 'SqlCommand');
	const paging = parsePaging(query, sim.config, key);
	if (sim.config.mode === 'remote' && sim.config.pageCap === null) paging.limit = Math.min(paging.limit, SHORT_QUERY_ROWS);
	try {
		return runQuery(sim, sql).slice(paging.offset, paging.offset + paging.limit);
	} catch (error) {
		if (error instanceof SqlError) throw new HttpError(error.status, error.message);
		throw error;
	}
}

module.exports = { shortQuery };
