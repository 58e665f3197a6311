'use strict';

const params = require('../../query-params');
const { parsePaging, pageOf } = require('../../paging');
const { allOf, exact } = require('../../filters');
const { APT_STATUS_FILTER } = require('../appointments/schema');
const { appointmentDayChecks } = require('../appointments/routes');
const { HIST_ACTIONS, completeHistAppointment } = require('./schema');

/** @typedef {import('../../store').ResourceDefinition} ResourceDefinition */

// GET /histappointments (23.1.30): the documented filters, combined with AND, in HistApptNum order,
// serverDateTime first as in GET /appointments. There is no DateTStamp filter (it is ignored, as any
// unknown parameter is). Which date date/dateStart/dateEnd compare is unconfirmed; here it is the
// AptDateTime day of the row, as in GET /appointments.
function getHistAppointments({ query, sim, key }) {
	const checks = [];
	exact('HistApptAction', params.enumValue(query, 'HistApptAction', HIST_ACTIONS), checks);
	for (const name of ['AptNum', 'PatNum', 'ClinicNum']) exact(name, params.integer(query, name), checks);
	exact('AptStatus', params.enumValue(query, 'AptStatus', APT_STATUS_FILTER), checks);
	appointmentDayChecks(query, checks);
	const paging = parsePaging(query, sim.config, key);
	const serverDateTime = sim.clock.now();
	return pageOf(sim.table('histappointment').all(), allOf(checks), paging).map((row) => ({ serverDateTime, ...row }));
}

/**
 * The appointments' history: a row for every appointment the simulator inserts, changes, breaks or
 * deletes (the appointment resource names this table as its historyTable). The seed has none.
 * @type {ResourceDefinition}
 */
const histAppointments = {
	table: 'histappointment',
	primaryKey: 'HistApptNum',
	seed: () => [],
	complete: (fields) => completeHistAppointment(fields),
	routes: [{ path: '/histappointments', handler: getHistAppointments }],
};

module.exports = { histAppointments };
