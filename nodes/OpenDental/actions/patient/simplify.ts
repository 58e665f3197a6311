import type { IDataObject } from 'n8n-workflow';

// What reminder, recall and CRM workflows use: identity, status, contact, consent, clinic and
// provider, and the change stamp. Never SSN, balances, notes or medical fields.
const SIMPLE_FIELDS = [
	'PatNum',
	'Guarantor',
	'LName',
	'FName',
	'MiddleI',
	'Preferred',
	'PatStatus',
	'Email',
	'WirelessPhone',
	'HmPhone',
	'WkPhone',
	'Address',
	'Address2',
	'City',
	'State',
	'Zip',
	'TxtMsgOk',
	'PreferContactMethod',
	'PreferConfirmMethod',
	'PreferRecallMethod',
	'ClinicNum',
	'clinicAbbr',
	'PriProv',
	'priProvAbbr',
	'DateTStamp',
	'serverDateTime',
];

/** The short record; fields the response lacks (older offices, search results) are left out. */
export function simplifyPatient(record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) {
		if (record[field] !== undefined) simple[field] = record[field];
	}
	return simple;
}
