'use strict';

const { completeAppointment, SQL_COLUMNS, appointmentSqlRow } = require('./schema');
const { generateAppointments } = require('./seed');
const routes = require('./routes');
const writes = require('./writes');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

const byAptNum = (action) => new RegExp(`^\\/appointments\\/([^/]+)\\/${action}$`);

/** @type {ResourceDefinition} */
const appointments = {
	table: 'appointment',
	primaryKey: 'AptNum',
	stampField: 'DateTStamp',
	// Every insert, change and removal writes a row there, as Open Dental's HistAppointments does.
	historyTable: 'histappointment',
	seed: generateAppointments,
	// An appointment inserted without an entry time was entered now.
	complete: (fields, { now }) => completeAppointment({ SecDateTEntry: now, ...fields }),
	routes: [
		{ path: '/appointments', handler: routes.getAppointments },
		{ pattern: /^\/appointments\/([^/]+)$/, idName: 'AptNum', handler: routes.getAppointment },
		{ method: 'PUT', pattern: byAptNum('Confirm'), idName: 'AptNum', permission: 'Comm', handler: writes.confirm },
		{ method: 'PUT', pattern: byAptNum('Break'), idName: 'AptNum', permission: 'Comm', handler: writes.breakAppointment },
		{ method: 'PUT', pattern: byAptNum('Note'), idName: 'AptNum', permission: 'Comm', handler: writes.appendNote },
	],
	sqlColumns: SQL_COLUMNS,
	sqlRow: appointmentSqlRow,
};

module.exports = { appointments };
