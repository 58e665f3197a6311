import type { ShortRecord } from '../shared/simplify';

// What reminder, recall and CRM workflows use: identity, status, contact, consent, clinic and
// provider, and the change stamp. Never SSN, balances, notes or medical fields.
export const PATIENT_SHORT_RECORD: ShortRecord = {
	summary: 'IDs, names, status, contact and consent fields, clinic, provider, DateTStamp; never SSN',
	fields: [
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
	],
};
