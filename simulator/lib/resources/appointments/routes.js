'use strict';

const params = require('../../query-params');
const { HttpError } = require('../../respond');
const { parsePaging, pageOf } = require('../../paging');
const { allOf, exact } = require('../../filters');
const { APT_STATUS_FILTER } = require('./schema');

// GET /appointments/{AptNum}: serverDateTime first, as in the docs' example.
function getAppointment({ params: pathParams, sim }) {
	const appointment = sim.table('appointment').get(pathParams.id);
	if (!appointment) throw new HttpError(404, 'Appointment not found.');
	return { serverDateTime: sim.clock.now(), ...appointment };
}

/** date, dateStart and dateEnd (inclusive, either alone) on the office day of AptDateTime. */
function appointmentDayChecks(query, checks) {
	const day = params.date(query, 'date');
	if (day !== null) checks.push((row) => row.AptDateTime.slice(0, 10) === day);
	const start = params.date(query, 'dateStart');
	if (start !== null) checks.push((row) => row.AptDateTime.slice(0, 10) >= start);
	const end = params.date(query, 'dateEnd');
	if (end !== null) checks.push((row) => row.AptDateTime.slice(0, 10) <= end);
}

// GET /appointments: documented filters, combined with AND; AptNum order; serverDateTime first in
// every row. Dates compare on AptDateTime's office day, inclusive; DateTStamp is ">=".
function getAppointments({ query, sim, key }) {
	const checks = [];
	for (const name of ['PatNum', 'Op', 'ClinicNum', 'AppointmentTypeNum']) exact(name, params.integer(query, name), checks);
	exact('AptStatus', params.enumValue(query, 'AptStatus', APT_STATUS_FILTER), checks);
	appointmentDayChecks(query, checks);
	const changedSince = params.dateTime(query, 'DateTStamp');
	if (changedSince !== null) checks.push((row) => row.DateTStamp >= changedSince);

	const paging = parsePaging(query, sim.config, key);
	const serverDateTime = sim.clock.now();
	return pageOf(sim.table('appointment').all(), allOf(checks), paging).map((row) => ({ serverDateTime, ...row }));
}

module.exports = { getAppointment, getAppointments, appointmentDayChecks };
