'use strict';

const { FIELDS, completeProcedure } = require('./schema');
const { generateProcedures } = require('./seed');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

/** @type {ResourceDefinition} */
const procedureLogs = {
	table: 'procedurelog',
	primaryKey: 'ProcNum',
	stampField: 'DateTStamp',
	seed: generateProcedures,
	complete: (fields, { today }) => completeProcedure(fields, today),
	// Read through ShortQuery only: the simulator has no /procedurelogs route.
	routes: [],
	sqlColumns: FIELDS,
	// Stored as the database has it; ShortQuery never changes the rows it reads.
	sqlRow: (record) => record,
};

module.exports = { procedureLogs };
