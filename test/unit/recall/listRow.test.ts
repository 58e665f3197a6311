import { normaliseRecallRow, splitContact, usDateToIso } from '../../../nodes/OpenDental/actions/recall/listRow';

describe('recall list rows', () => {
	it('reads M/d/yyyy dates as yyyy-MM-dd, and blanks or nonsense as null', () => {
		expect(usDateToIso('3/16/2022')).toBe('2022-03-16');
		expect(usDateToIso('12/1/2026')).toBe('2026-12-01');
		expect(usDateToIso('')).toBeNull();
		expect(usDateToIso('2/30/2026')).toBeNull();
		expect(usDateToIso('2026-03-16')).toBeNull();
	});

	it.each([
		['Text:(541)555-1234', 'Text', '(541)555-1234'],
		['Cell:(217)555-0101', 'WirelessPhone', '(217)555-0101'],
		['Hm:(217)555-0102', 'HomePhone', '(217)555-0102'],
		['Wk:(217)555-0103', 'WorkPhone', '(217)555-0103'],
		['meandu@earth.com', 'Email', 'meandu@earth.com'],
		['Mail', 'Mail', ''],
		['Do Not Call', 'DoNotCall', ''],
		['See Notes', 'SeeNotes', ''],
		['', null, ''],
		['something else', null, 'something else'],
	])('splits Contact %j into method and value', (contact, contactMethod, contactValue) => {
		expect(splitContact(contact)).toEqual({ contactMethod, contactValue });
	});

	it("adds the normalised fields and keeps Open Dental's own", () => {
		const row = {
			DueDate: '3/16/2022',
			PatNum: 15,
			Patient: 'Strickler, Trent',
			Age: '38',
			Type: 'Prophy',
			Interval: '6m1d',
			NumRemind: '2',
			LastRemind: '11/4/2021',
			Contact: 'Text:(541)555-1234',
			Status: '',
			ClinicNum: 5,
			Note: '',
		};
		expect(normaliseRecallRow(row)).toEqual({
			...row,
			dueDate: '2022-03-16',
			lastReminded: '2021-11-04',
			reminders: 2,
			contactMethod: 'Text',
			contactValue: '(541)555-1234',
		});
		expect(normaliseRecallRow({ ...row, NumRemind: '', LastRemind: '' })).toMatchObject({ reminders: 0, lastReminded: null });
	});
});
