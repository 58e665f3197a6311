'use strict';

const { ENUMS, PATIENT_FIELDS } = require('./schema');
const { definitionNamed, BILLING_TYPES } = require('../../reference/definitions');
const { isoDateTime, bit, enumIndex } = require('../../sql/values');

// The patient table as the database stores it: the REST fields less the derived text ones
// (priProvAbbr, secProvAbbr, clinicAbbr, siteDesc), enums as numbers, BillingType as its DefNum.

const DERIVED = ['priProvAbbr', 'secProvAbbr', 'clinicAbbr', 'siteDesc'];
const SQL_COLUMNS = PATIENT_FIELDS.filter((name) => !DERIVED.includes(name));
const DATES = ['Birthdate', 'DateFirstVisit', 'AdmitDate', 'SecDateEntry', 'DateTStamp'];
const ENUM_OF = {
	PatStatus: ENUMS.PatStatus, Gender: ENUMS.Gender, Position: ENUMS.Position, PreferConfirmMethod: ENUMS.ContactMethod,
	PreferContactMethod: ENUMS.ContactMethod, PreferRecallMethod: ENUMS.ContactMethod, TxtMsgOk: ENUMS.TxtMsgOk,
};
const billingTypeNum = (name) => (definitionNamed(BILLING_TYPES, name) || { DefNum: 0 }).DefNum;

// How each column turns the REST value into the stored one, decided once per column.
function converterOf(name) {
	if (ENUM_OF[name]) return (value) => enumIndex(ENUM_OF[name], value);
	if (DATES.includes(name)) return isoDateTime;
	if (name === 'Premed') return bit;
	if (name === 'BillingType') return billingTypeNum;
	return (value) => value;
}
/** @type {Array<[string, (value: any) => any]>} */
const CONVERTERS = SQL_COLUMNS.map((name) => [name, converterOf(name)]);

function patientSqlRow(patient) {
	const row = {};
	for (const [name, convert] of CONVERTERS) row[name] = convert(patient[name]);
	return row;
}

module.exports = { SQL_COLUMNS, patientSqlRow };
