import { contactWithVerdict, optOutNames, type PatientContact } from '../../../nodes/OpenDental/actions/appointment/contact/consent';
import { contactQuery } from '../../../nodes/OpenDental/actions/appointment/contact/byQuery';

const CONTACT: PatientContact = {
	PatNum: 42,
	FName: 'Ada',
	LName: 'Abernathy',
	Preferred: '',
	WirelessPhone: '(217)555-0142',
	Email: 'ada@example.com',
	TxtMsgOk: 'Yes',
	PreferConfirmMethod: 'TextMessage',
	PreferContactMethod: 'WirelessPh',
	Language: 'eng',
	PatStatus: 'Patient',
	optOut: null,
};

const verdict = (changes: Partial<PatientContact>, unknown: 'no' | 'yes' = 'no') => {
	const { canText, canEmail, noTextReason, noEmailReason } = contactWithVerdict({ ...CONTACT, ...changes }, unknown);
	return { canText, canEmail, noTextReason, noEmailReason };
};

describe('canText / canEmail', () => {
	it('allows both for a patient with consent, a wireless phone and an email', () => {
		expect(verdict({})).toEqual({ canText: true, canEmail: true, noTextReason: null, noEmailReason: null });
		expect(contactWithVerdict(CONTACT, 'no')).toMatchObject(CONTACT);
	});

	it('never texts without consent: No always, Unknown unless the office treats it as yes', () => {
		expect(verdict({ TxtMsgOk: 'No' }, 'yes')).toMatchObject({ canText: false, noTextReason: 'TxtMsgOk is No', canEmail: true });
		expect(verdict({ TxtMsgOk: 'Unknown' })).toMatchObject({ canText: false, noTextReason: 'TxtMsgOk is Unknown' });
		expect(verdict({ TxtMsgOk: 'Unknown' }, 'yes')).toMatchObject({ canText: true, noTextReason: null });
	});

	it('needs a whole wireless number and a real-looking email', () => {
		expect(verdict({ WirelessPhone: '555-0142' })).toMatchObject({ canText: false, noTextReason: 'no wireless phone' });
		expect(verdict({ WirelessPhone: '' })).toMatchObject({ canText: false, noTextReason: 'no wireless phone' });
		expect(verdict({ Email: 'ada@' })).toMatchObject({ canEmail: false, noEmailReason: 'no email address' });
	});

	it('honours the automated-messaging opt-outs that stop reminders, and only those', () => {
		expect(verdict({ optOut: { text: ['eReminder'], email: [] } })).toMatchObject({ canText: false, noTextReason: 'opted out of automated texts', canEmail: true });
		expect(verdict({ optOut: { text: [], email: ['All'] } })).toMatchObject({ canText: true, canEmail: false, noEmailReason: 'opted out of automated email' });
		expect(verdict({ optOut: { text: ['Birthdays', 'Statements'], email: ['WebSchedRecall'] } })).toMatchObject({ canText: true, canEmail: true });
	});

	it('contacts no patient who is inactive, archived, deleted or deceased', () => {
		for (const status of ['Inactive', 'Archived', 'Deleted', 'Deceased']) {
			expect(verdict({ PatStatus: status })).toEqual({
				canText: false,
				canEmail: false,
				noTextReason: `patient status is ${status}`,
				noEmailReason: `patient status is ${status}`,
			});
		}
	});

	it('names the opt-out bits of commoptout', () => {
		expect(optOutNames(0)).toEqual([]);
		expect(optOutNames(1 + 4 + 1024)).toEqual(['All', 'eReminder', 'Birthdays']);
	});
});

describe('the patient lookup query', () => {
	it('reads the contact fields and opt-outs of exactly the given patients', () => {
		expect(contactQuery([3, 17, 42])).toBe(
			'SELECT p.PatNum, p.LName, p.FName, p.Preferred, p.WirelessPhone, p.Email, p.TxtMsgOk, p.PreferConfirmMethod, ' +
				'p.PreferContactMethod, p.Language, p.PatStatus, o.OptOutSms, o.OptOutEmail ' +
				'FROM patient p LEFT JOIN commoptout o ON o.PatNum = p.PatNum WHERE p.PatNum IN (3,17,42) ORDER BY p.PatNum',
		);
	});
});
