'use strict';

const { completeRecall, SQL_COLUMNS, recallSqlRow } = require('./schema');
const { generateRecalls } = require('./seed');
const routes = require('./routes');
const { getRecallList } = require('./list');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

/** @type {ResourceDefinition} */
const recalls = {
	table: 'recall',
	primaryKey: 'RecallNum',
	stampField: 'DateTStamp',
	seed: generateRecalls,
	complete: (fields) => completeRecall(fields),
	routes: [
		{ path: '/recalls', handler: routes.getRecalls },
		{ path: '/recalls/List', handler: getRecallList },
		{ method: 'PUT', path: '/recalls/Status', permission: 'Comm', handler: routes.putRecallStatus },
	],
	sqlColumns: SQL_COLUMNS,
	sqlRow: recallSqlRow,
};

module.exports = { recalls };
