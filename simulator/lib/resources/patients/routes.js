'use strict';

const params = require('../../query-params');
const { HttpError } = require('../../respond');
const { parsePaging, pageOf } = require('../../paging');
const { allOf, exact } = require('../../filters');
const { ENUMS, SEARCH_FIELDS } = require('./schema');

const digitsOf = (value) => String(value).replace(/\D/g, '');

function substring(query, name, field, checks) {
	const value = params.text(query, name);
	if (value === null) return;
	const needle = value.toLowerCase();
	checks.push((row) => row[field].toLowerCase().includes(needle));
}

// GET /patients/{PatNum}
function getPatient({ params: pathParams, sim }) {
	const patient = sim.table('patient').get(pathParams.id);
	if (!patient) throw new HttpError(404, 'Patient not found.');
	return patient;
}

// GET /patients/Simple: full objects, serverDateTime first, PatNum order.
function getSimple({ query, sim, key }) {
	const checks = [];
	substring(query, 'LName', 'LName', checks);
	substring(query, 'FName', 'FName', checks);
	exact('Birthdate', params.date(query, 'Birthdate'), checks);
	for (const name of ['ClinicNum', 'PriProv', 'Guarantor', 'SuperFamily', 'EmployerNum', 'FeeSched']) {
		exact(name, params.integer(query, name), checks);
	}
	exact('PatStatus', params.enumValue(query, 'PatStatus', ENUMS.PatStatus), checks);
	exact('Gender', params.enumValue(query, 'Gender', ENUMS.Gender), checks);
	exact('Position', params.enumValue(query, 'Position', ENUMS.Position), checks);
	const changedSince = params.dateTime(query, 'DateTStamp');
	if (changedSince !== null) checks.push((row) => row.DateTStamp >= changedSince);

	const paging = parsePaging(query, sim.config, key);
	const table = sim.table('patient');
	const rows = sim.config.shuffleOrder ? table.inOrder('shuffled') : table.all();
	const serverDateTime = sim.clock.now();
	return pageOf(rows, allOf(checks), paging).map((row) => ({ serverDateTime, ...row }));
}

// GET /patients: the Patient Select search, reduced fields, name order.
function searchPatients({ query, sim, key }) {
	if (query.DateTStamp !== undefined) {
		throw new HttpError(400, 'DateTStamp is not a valid parameter for this method. Use patients/Simple.');
	}
	const checks = [];
	for (const name of ['LName', 'FName', 'Address', 'City', 'State', 'Email', 'ChartNumber', 'SSN']) {
		substring(query, name, name, checks);
	}
	const phone = digitsOf(params.text(query, 'Phone') || '');
	if (phone) {
		checks.push((row) => [row.HmPhone, row.WkPhone, row.WirelessPhone].some((p) => digitsOf(p).includes(phone)));
	}
	exact('Birthdate', params.date(query, 'Birthdate'), checks);
	const clinicNums = params.integerList(query, 'clinicNums');
	if (clinicNums) checks.push((row) => clinicNums.includes(row.ClinicNum));
	const clinicAbbr = params.text(query, 'clinicAbbr');
	if (clinicAbbr !== null) checks.push((row) => row.clinicAbbr.toLowerCase() === clinicAbbr.toLowerCase());
	if (params.boolean(query, 'guarOnly')) checks.push((row) => row.Guarantor === row.PatNum);
	if (params.boolean(query, 'hideInactive')) checks.push((row) => row.PatStatus !== 'Inactive');
	// Like the Patient Select window: archived and deleted stay hidden unless asked for.
	if (!params.boolean(query, 'showArchived')) {
		checks.push((row) => row.PatStatus !== 'Archived' && row.PatStatus !== 'Deleted');
	}

	const paging = parsePaging(query, sim.config, key);
	return pageOf(sim.table('patient').inOrder('name'), allOf(checks), paging).map((row) => {
		const reduced = {};
		for (const field of SEARCH_FIELDS) reduced[field] = row[field];
		return reduced;
	});
}

module.exports = { getPatient, getSimple, searchPatients };
