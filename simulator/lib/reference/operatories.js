'use strict';

// Six operatories over the two clinics, one retired (hidden). Dentist chairs name the dentist who
// usually works there; hygiene chairs name the hygienist (PROVIDER_CLINICS in reference-data.js:
// HYG1 works everywhere, HYG2 only at Lakeside).
function operatory(OperatoryNum, OpName, Abbrev, ClinicNum, { dentist = 0, hygienist = 0, hidden = false, webSched = false }) {
	return Object.freeze({
		OperatoryNum, OpName, Abbrev, ItemOrder: OperatoryNum - 1, IsHidden: String(hidden),
		ProvDentist: dentist, ProvHygienist: hygienist, IsHygiene: String(hygienist > 0), ClinicNum,
		SetProspective: 'false', IsWebSched: String(webSched), OperatoryType: 0, operatoryType: '',
	});
}

const OPERATORIES = Object.freeze([
	operatory(1, 'Downtown Op 1', 'DT-1', 1, { dentist: 1, webSched: true }),
	operatory(2, 'Downtown Op 2', 'DT-2', 1, { dentist: 2 }),
	operatory(3, 'Downtown Hygiene', 'DT-H', 1, { hygienist: 3, webSched: true }),
	operatory(4, 'Lakeside Op 1', 'LK-1', 2, { dentist: 1 }),
	operatory(5, 'Lakeside Hygiene', 'LK-H', 2, { hygienist: 4, webSched: true }),
	operatory(6, 'Downtown Op 3 (closed)', 'DT-3', 1, { dentist: 2, hidden: true }),
]);

const operatoryByNum = (num) => OPERATORIES.find((op) => op.OperatoryNum === num) || null;

module.exports = { OPERATORIES, operatoryByNum };
