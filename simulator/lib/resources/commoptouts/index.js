'use strict';

const { OPT_OUT, FIELDS, completeCommOptOut } = require('./schema');
const { generateCommOptOuts } = require('./seed');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

/** @type {ResourceDefinition} */
const commOptOuts = {
	table: 'commoptout',
	primaryKey: 'CommOptOutNum',
	// One row per patient: inserting for a patient who has one changes it.
	uniqueBy: 'PatNum',
	seed: generateCommOptOuts,
	complete: (fields) => completeCommOptOut(fields),
	// No REST route: Open Dental's API has none for this table.
	routes: [],
	// The REST-free table is stored as the database has it: numbers only.
	sqlColumns: FIELDS,
	sqlRow: (record) => ({ ...record }),
};

module.exports = { commOptOuts, OPT_OUT };
