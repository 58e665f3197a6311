'use strict';

const { completeCommlog, SQL_COLUMNS, commlogSqlRow } = require('./schema');
const { generateCommlogs } = require('./seed');
const routes = require('./routes');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

/** @type {ResourceDefinition} */
const commlogs = {
	table: 'commlog',
	primaryKey: 'CommlogNum',
	stampField: 'DateTStamp',
	seed: generateCommlogs,
	// A commlog inserted without times happened and was entered now.
	complete: (fields, { now }) => completeCommlog({ CommDateTime: now, DateTEntry: now, ...fields }),
	routes: [
		{ path: '/commlogs', handler: routes.getCommlogs },
		{ method: 'POST', path: '/commlogs', permission: 'Comm', handler: routes.postCommlog },
		{ pattern: /^\/commlogs\/([^/]+)$/, idName: 'CommlogNum', handler: routes.getCommlog },
	],
	sqlColumns: SQL_COLUMNS,
	sqlRow: commlogSqlRow,
};

module.exports = { commlogs };
