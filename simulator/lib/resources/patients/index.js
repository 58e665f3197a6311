'use strict';

const { completePatient, NO_DATE } = require('./schema');
const { generatePatients } = require('./seed');
const routes = require('./routes');
const { SQL_COLUMNS, patientSqlRow } = require('./sql');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

// Patient Select order: LName, FName (case-insensitive), then PatNum.
function byName(rows) {
	const keyed = rows.map((row) => ({ row, key: `${row.LName.toLowerCase()}\u0000${row.FName.toLowerCase()}` }));
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.PatNum - b.row.PatNum));
	return keyed.map((entry) => entry.row);
}

// Stable but deliberately not PatNum order, for clients that must not depend on ordering.
// Sorted by a multiplicative hash of the PatNum.
function shuffled(rows) {
	const hash = (patNum) => Math.imul(patNum, 2654435761) >>> 0;
	return rows.slice().sort((a, b) => hash(a.PatNum) - hash(b.PatNum) || a.PatNum - b.PatNum);
}

/** @type {ResourceDefinition} */
const patients = {
	table: 'patient',
	primaryKey: 'PatNum',
	stampField: 'DateTStamp',
	seed: ({ config }) => generatePatients(config.patients, config.seed),
	// A patient inserted without names is "Inserted Patient", its own guarantor, entered today.
	complete: (fields, { today }) =>
		completePatient({ LName: 'Inserted', FName: 'Patient', Guarantor: fields.PatNum, SecDateEntry: today ?? NO_DATE, ...fields }),
	orders: { name: byName, shuffled },
	routes: [
		{ path: '/patients', handler: routes.searchPatients },
		{ path: '/patients/Simple', handler: routes.getSimple },
		{ pattern: /^\/patients\/([^/]+)$/, idName: 'PatNum', handler: routes.getPatient },
	],
	sqlColumns: SQL_COLUMNS,
	sqlRow: patientSqlRow,
};

module.exports = { patients };
