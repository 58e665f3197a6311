'use strict';

const params = require('../query-params');
const { HttpError } = require('../respond');
const { parsePaging, pageOf } = require('../paging');
const { OPERATORIES, operatoryByNum } = require('../reference/operatories');
const { APPOINTMENT_TYPES } = require('../reference/appointment-types');
const { RECALL_TYPES, recallTypeByNum } = require('../reference/recall-types');
const { DEFINITIONS, CATEGORY_NAMES } = require('../reference/definitions');

// The office's setup lists (read-only reference data), each in its documented field order.

const pick = (fields) => (row) => Object.fromEntries(fields.map((field) => [field, row[field]]));

// Field order of apiappointmenttypes.html (ItemOrder is a database column the API leaves out).
const appointmentTypeFields = pick(['AppointmentTypeNum', 'AppointmentTypeName', 'appointmentTypeColor', 'IsHidden',
	'Pattern', 'CodeStr', 'CodeStrRequired', 'RequiredProcCodesNeeded', 'BlockoutTypes']);

// Field order of apidefinitions.html; the database's ItemOrder and ItemColor are not among them.
const definitionFields = (def) => ({
	DefNum: def.DefNum, ItemName: def.ItemName, ItemValue: def.ItemValue, Category: def.Category,
	category: CATEGORY_NAMES[def.Category], isHidden: String(def.IsHidden),
});

// GET /operatories: every operatory, hidden ones included ("a list of all operatories").
function getOperatories({ query, sim, key }) {
	const clinicNum = params.integer(query, 'ClinicNum');
	const keep = clinicNum === null ? null : (op) => op.ClinicNum === clinicNum;
	return pageOf(OPERATORIES, keep, parsePaging(query, sim.config, key));
}

function getOperatory({ params: pathParams }) {
	const operatory = operatoryByNum(pathParams.id);
	if (!operatory) throw new HttpError(404, 'Operatory not found.');
	return operatory;
}

function getAppointmentTypes({ query, sim, key }) {
	return pageOf(APPOINTMENT_TYPES, null, parsePaging(query, sim.config, key)).map(appointmentTypeFields);
}

function getRecallTypes({ query, sim, key }) {
	return pageOf(RECALL_TYPES, null, parsePaging(query, sim.config, key));
}

function getRecallType({ params: pathParams }) {
	const type = recallTypeByNum(pathParams.id);
	if (!type) throw new HttpError(404, 'RecallType not found.');
	return type;
}

// GET /definitions: by Category then ItemOrder, as Definitions lists them; hidden ones only with
// includeHidden=true.
function getDefinitions({ query, sim, key }) {
	const category = params.integer(query, 'Category');
	const includeHidden = params.boolean(query, 'includeHidden') === true;
	const keep = (def) => (category === null || def.Category === category) && (includeHidden || !def.IsHidden);
	return pageOf(DEFINITIONS, keep, parsePaging(query, sim.config, key)).map(definitionFields);
}

const routes = [
	{ path: '/operatories', handler: getOperatories },
	{ pattern: /^\/operatories\/([^/]+)$/, idName: 'OperatoryNum', handler: getOperatory },
	{ path: '/appointmenttypes', handler: getAppointmentTypes },
	{ path: '/recalltypes', handler: getRecallTypes },
	{ pattern: /^\/recalltypes\/([^/]+)$/, idName: 'RecallTypeNum', handler: getRecallType },
	{ path: '/definitions', handler: getDefinitions },
];

module.exports = { routes };
