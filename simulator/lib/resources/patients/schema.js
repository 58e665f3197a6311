'use strict';

const { providerAbbr, clinicAbbr } = require('../../reference-data');

// Field order of the full patient object (docs §9.2), without serverDateTime.
const PATIENT_FIELDS = [
	'PatNum', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus', 'Gender', 'Position', 'Birthdate',
	'SSN', 'Address', 'Address2', 'City', 'State', 'Zip', 'HmPhone', 'WkPhone', 'WirelessPhone',
	'Guarantor', 'Email', 'EstBalance', 'PriProv', 'priProvAbbr', 'SecProv', 'secProvAbbr', 'FeeSched',
	'BillingType', 'ImageFolder', 'FamFinUrgNote', 'ChartNumber', 'MedicaidID', 'BalTotal', 'EmployerNum',
	'DateFirstVisit', 'ClinicNum', 'clinicAbbr', 'Premed', 'Ward', 'PreferConfirmMethod',
	'PreferContactMethod', 'PreferRecallMethod', 'Language', 'AdmitDate', 'siteDesc', 'DateTStamp',
	'SuperFamily', 'TxtMsgOk', 'SecDateEntry',
];

// Reduced field set of the Patient Select search, GET /patients (docs §9.4).
const SEARCH_FIELDS = [
	'PatNum', 'LName', 'FName', 'MiddleI', 'Preferred', 'PatStatus', 'Birthdate', 'SSN', 'Address',
	'Address2', 'City', 'State', 'Zip', 'HmPhone', 'WkPhone', 'WirelessPhone', 'Email', 'priProvAbbr',
	'secProvAbbr', 'BillingType', 'ChartNumber', 'ClinicNum', 'clinicAbbr', 'siteDesc', 'TxtMsgOk',
];

const ENUMS = {
	PatStatus: ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deleted', 'Deceased', 'Prospective'],
	Gender: ['Male', 'Female', 'Unknown', 'Other'],
	Position: ['Single', 'Married', 'Child', 'Widowed', 'Divorced'],
	ContactMethod: ['None', 'DoNotCall', 'HmPhone', 'WkPhone', 'WirelessPh', 'Email', 'SeeNotes', 'Mail', 'TextMessage'],
	TxtMsgOk: ['Unknown', 'Yes', 'No'],
};

const NO_DATE = '0001-01-01';

// Values a patient gets when a field is not supplied (docs §9.5 defaults).
function blankPatient() {
	return {
		PatNum: 0, LName: '', FName: '', MiddleI: '', Preferred: '', PatStatus: 'Patient', Gender: 'Unknown',
		Position: 'Single', Birthdate: NO_DATE, SSN: '', Address: '', Address2: '', City: '', State: '', Zip: '',
		HmPhone: '', WkPhone: '', WirelessPhone: '', Guarantor: 0, Email: '', EstBalance: 0, PriProv: 1,
		priProvAbbr: '', SecProv: 0, secProvAbbr: '', FeeSched: 0, BillingType: 'Standard Account',
		ImageFolder: '', FamFinUrgNote: '', ChartNumber: '', MedicaidID: '', BalTotal: 0, EmployerNum: 0,
		DateFirstVisit: NO_DATE, ClinicNum: 0, clinicAbbr: '', Premed: 'false', Ward: '',
		PreferConfirmMethod: 'None', PreferContactMethod: 'None', PreferRecallMethod: 'None', Language: '',
		AdmitDate: NO_DATE, siteDesc: '', DateTStamp: '0001-01-01 00:00:00', SuperFamily: 0, TxtMsgOk: 'Unknown',
		SecDateEntry: NO_DATE,
	};
}

// Returns a patient with every field present, in documented order, with the
// derived text fields (priProvAbbr, ...) recomputed from their keys.
function completePatient(fields) {
	const base = blankPatient();
	for (const name of PATIENT_FIELDS) {
		if (fields[name] !== undefined && fields[name] !== null) base[name] = fields[name];
	}
	base.priProvAbbr = providerAbbr(base.PriProv);
	base.secProvAbbr = providerAbbr(base.SecProv);
	base.clinicAbbr = clinicAbbr(base.ClinicNum);
	const ordered = {};
	for (const name of PATIENT_FIELDS) ordered[name] = base[name];
	return ordered;
}

module.exports = { PATIENT_FIELDS, SEARCH_FIELDS, ENUMS, NO_DATE, completePatient };
