import type { IDataObject } from 'n8n-workflow';

/** What the node knows of a patient's contact details and consent, from either lookup. */
export interface PatientContact {
	PatNum: number;
	FName: string;
	LName: string;
	Preferred: string;
	WirelessPhone: string;
	Email: string;
	/** Open Dental's text-message consent: Unknown, Yes or No. */
	TxtMsgOk: string;
	PreferConfirmMethod: string;
	PreferContactMethod: string;
	Language: string;
	PatStatus: string;
	/** Automated-messaging opt-outs (table commoptout) by channel; null when the lookup cannot see them. */
	optOut: { text: string[]; email: string[] } | null;
}

export type UnknownTextConsent = 'no' | 'yes';

// Bits of commoptout.OptOutSms / OptOutEmail (Open Dental's CommOptOutType).
const OPT_OUT_FLAGS: Array<[string, number]> = [
	['All', 1],
	['eConfirm', 2],
	['eReminder', 4],
	['eThankYou', 8],
	['WebSchedRecall', 16],
	['WebSchedASAP', 32],
	['PatientPortalInvites', 64],
	['Verify', 128],
	['Statements', 256],
	['Arrivals', 512],
	['Birthdays', 1024],
];

/** Opt-outs that stop appointment reminders and confirmations. */
const STOPS_REMINDERS = new Set(['All', 'eConfirm', 'eReminder']);

// Patients the office no longer sees, or must not contact.
const NOT_CONTACTABLE_STATUS = new Set(['Inactive', 'Archived', 'Deleted', 'Deceased']);

export function optOutNames(bits: number): string[] {
	return OPT_OUT_FLAGS.filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
}

const digits = (phone: string) => phone.replace(/\D/g, '');
const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

function whyNotText(contact: PatientContact, unknownConsent: UnknownTextConsent): string | null {
	if (NOT_CONTACTABLE_STATUS.has(contact.PatStatus)) return `patient status is ${contact.PatStatus}`;
	if (contact.optOut?.text.some((name) => STOPS_REMINDERS.has(name))) return 'opted out of automated texts';
	if (contact.TxtMsgOk === 'No') return 'TxtMsgOk is No';
	if (contact.TxtMsgOk !== 'Yes' && unknownConsent === 'no') return `TxtMsgOk is ${contact.TxtMsgOk || 'Unknown'}`;
	if (digits(contact.WirelessPhone).length < 10) return 'no wireless phone';
	return null;
}

function whyNotEmail(contact: PatientContact): string | null {
	if (NOT_CONTACTABLE_STATUS.has(contact.PatStatus)) return `patient status is ${contact.PatStatus}`;
	if (contact.optOut?.email.some((name) => STOPS_REMINDERS.has(name))) return 'opted out of automated email';
	if (!looksLikeEmail(contact.Email)) return 'no email address';
	return null;
}

/** The patient object an appointment gains: the contact fields, and whether a reminder may go by text or email, with the reason when not. */
export function contactWithVerdict(contact: PatientContact, unknownConsent: UnknownTextConsent): IDataObject {
	const noTextReason = whyNotText(contact, unknownConsent);
	const noEmailReason = whyNotEmail(contact);
	return { ...contact, canText: noTextReason === null, canEmail: noEmailReason === null, noTextReason, noEmailReason };
}
