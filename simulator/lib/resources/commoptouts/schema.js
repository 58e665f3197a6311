'use strict';

// Per-patient "Exclude Automated Msgs" (table commoptout): OptOutSms and OptOutEmail are bit flags
// of the automated message kinds (Open Dental's CommOptOutType). The table has no DateTStamp, and
// the REST API has no route for it: clients read it with PUT /queries/ShortQuery.
const OPT_OUT = Object.freeze({
	All: 1, eConfirm: 2, eReminder: 4, eThankYou: 8, WebSchedRecall: 16, WebSchedASAP: 32,
	PatientPortalInvites: 64, Verify: 128, Statements: 256, Arrivals: 512, Birthdays: 1024,
});
const FIELDS = ['CommOptOutNum', 'PatNum', 'OptOutSms', 'OptOutEmail'];

/** A whole row: the given flags, 0 for the others. */
function completeCommOptOut(fields) {
	const record = {};
	for (const name of FIELDS) record[name] = fields[name] ?? 0;
	return record;
}

module.exports = { OPT_OUT, FIELDS, completeCommOptOut };
