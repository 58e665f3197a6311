// The office's setup lists: operatories, appointment types, recall types, definitions, and the
// eConfirmation mapping in the config.
import { type Simulator, startSimulator } from '../../simulator';
import { call } from './helpers';

const operatory = (OperatoryNum: number, OpName: string, Abbrev: string, ClinicNum: number, dentist: number, hygienist: number, hidden: boolean, webSched: boolean) => ({
	OperatoryNum, OpName, Abbrev, ItemOrder: OperatoryNum - 1, IsHidden: String(hidden), ProvDentist: dentist,
	ProvHygienist: hygienist, IsHygiene: String(hygienist > 0), ClinicNum, SetProspective: 'false',
	IsWebSched: String(webSched), OperatoryType: 0, operatoryType: '',
});
const OPERATORIES = [
	operatory(1, 'Downtown Op 1', 'DT-1', 1, 1, 0, false, true),
	operatory(2, 'Downtown Op 2', 'DT-2', 1, 2, 0, false, false),
	operatory(3, 'Downtown Hygiene', 'DT-H', 1, 0, 3, false, true),
	operatory(4, 'Lakeside Op 1', 'LK-1', 2, 1, 0, false, false),
	operatory(5, 'Lakeside Hygiene', 'LK-H', 2, 0, 4, false, true),
	operatory(6, 'Downtown Op 3 (closed)', 'DT-3', 1, 2, 0, true, false),
];

const def = (DefNum: number, ItemName: string, ItemValue: string, Category: number, category: string, hidden = false) =>
	({ DefNum, ItemName, ItemValue, Category, category, isHidden: String(hidden) });
const CONFIRMED = [
	def(19, 'Not Called', 'NC', 2, 'ApptConfirmed'),
	def(20, 'Unconfirmed', 'UC', 2, 'ApptConfirmed'),
	def(21, 'Appointment Confirmed', 'Conf', 2, 'ApptConfirmed'),
	def(22, 'Left Message', 'LM', 2, 'ApptConfirmed'),
	def(23, 'Texted', 'Txt', 2, 'ApptConfirmed'),
	def(24, 'eConfirm Sent', 'eSent', 2, 'ApptConfirmed'),
	def(25, 'eConfirm Accepted', 'eConf', 2, 'ApptConfirmed'),
	def(26, 'eConfirm Declined', 'eDecl', 2, 'ApptConfirmed'),
	def(27, 'eConfirm Failed', 'eFail', 2, 'ApptConfirmed'),
];
const HIDDEN_CONFIRMED = def(28, 'Emailed', 'Eml', 2, 'ApptConfirmed', true);
const BILLING = [def(41, 'Standard Account', '', 4, 'BillingTypes'), def(42, 'Insurance Only', '', 4, 'BillingTypes')];
const RECALL_STATUSES = [
	def(140, 'Left Msg', '', 13, 'RecallUnschedStatus'),
	def(141, 'Texted', '', 13, 'RecallUnschedStatus'),
	def(142, 'Mailed Postcard', '', 13, 'RecallUnschedStatus'),
	def(143, 'Emailed', '', 13, 'RecallUnschedStatus'),
	def(144, 'Scheduled Elsewhere', '', 13, 'RecallUnschedStatus'),
];
const HIDDEN_RECALL_STATUS = def(145, 'Wrong Number', '', 13, 'RecallUnschedStatus', true);
const COMMLOG_TYPES = [
	def(235, 'ApptRelated', 'APPT', 27, 'CommLogTypes'),
	def(236, 'Insurance', '', 27, 'CommLogTypes'),
	def(237, 'FinancialRelated', 'FIN', 27, 'CommLogTypes'),
	def(238, 'Recall', 'RECALL', 27, 'CommLogTypes'),
	def(239, 'Misc', 'MISC', 27, 'CommLogTypes'),
	def(240, 'Text', 'TEXT', 27, 'CommLogTypes'),
];

describe('simulator: setup lists', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' } });
	});
	afterAll(() => sim.close());

	it('serves six operatories over two clinics, the hidden one included, by ClinicNum and one by one', async () => {
		expect((await call(sim, '/operatories')).json).toEqual(OPERATORIES);
		expect((await call(sim, '/operatories?ClinicNum=2')).json).toEqual(OPERATORIES.slice(3, 5));
		expect((await call(sim, '/operatories?ClinicNum=0')).json).toEqual([]);
		expect((await call(sim, '/operatories?Limit=2&Offset=4')).json).toEqual(OPERATORIES.slice(4));
		expect((await call(sim, '/operatories/3')).json).toEqual(OPERATORIES[2]);
		const missing = await call(sim, '/operatories/7');
		expect([missing.status, missing.json]).toEqual([404, 'Operatory not found.']);
		expect((await call(sim, '/operatories/x')).json).toBe('OperatoryNum is invalid.');
		expect((await call(sim, '/operatories?ClinicNum=one')).json).toBe('ClinicNum is invalid.');
	});

	it('serves the appointment types in the documented fields', async () => {
		const type = (num: number, name: string, color: string, Pattern: string, CodeStr: string) => ({
			AppointmentTypeNum: num, AppointmentTypeName: name, appointmentTypeColor: color, IsHidden: 'false', Pattern,
			CodeStr, CodeStrRequired: '', RequiredProcCodesNeeded: 'None', BlockoutTypes: '',
		});
		expect((await call(sim, '/appointmenttypes')).json).toEqual([
			type(1, 'New Patient Exam', '93,54,220', '//XXXXXXXX//', 'D0150,D0210,D1110'),
			type(2, 'Cleaning', '74,190,61', '/XXXXXXXX/', 'D0120,D1110,D0274'),
			type(3, 'Crown Prep', '200,120,40', '//XXXXXXXXXXXXXX//', 'D2740'),
			type(4, 'Emergency', '220,40,40', '/XXXX/', 'D0140,D0220'),
			type(5, 'Perio Maintenance', '40,120,200', '//XXXXXXXX//', 'D4910,D0120'),
		]);
	});

	it('serves the recall types, Prophy and Perio first, and one by one', async () => {
		const type = (RecallTypeNum: number, Description: string, DefaultInterval: string, TimePattern: string, Procedures: string, AppendToSpecial: string) =>
			({ RecallTypeNum, Description, DefaultInterval, TimePattern, Procedures, AppendToSpecial });
		const types = [
			type(1, 'Prophy', '6m1d', '/XXXX/', 'D1110', 'false'),
			type(2, 'Perio', '3m1d', '/XXXXX/', 'D4910', 'false'),
			type(3, 'Child Prophy', '', 'XXX', 'D1120,D1208', 'false'),
			type(4, '4BW', '1y1d', '', 'D0274', 'true'),
			type(5, 'Pano', '5y', '', 'D0330', 'true'),
		];
		expect((await call(sim, '/recalltypes')).json).toEqual(types);
		expect((await call(sim, '/recalltypes/2')).json).toEqual(types[1]);
		expect((await call(sim, '/recalltypes/9')).json).toBe('RecallType not found.');
	});

	it('serves definitions by Category and ItemOrder, hidden ones only when asked', async () => {
		expect((await call(sim, '/definitions?Category=2')).json).toEqual(CONFIRMED);
		expect((await call(sim, '/definitions?Category=2&includeHidden=true')).json).toEqual([...CONFIRMED, HIDDEN_CONFIRMED]);
		expect((await call(sim, '/definitions?Category=13&includeHidden=false')).json).toEqual(RECALL_STATUSES);
		expect((await call(sim, '/definitions?Category=27')).json).toEqual(COMMLOG_TYPES);
		expect((await call(sim, '/definitions')).json).toEqual([...CONFIRMED, ...BILLING, ...RECALL_STATUSES, ...COMMLOG_TYPES]);
		expect((await call(sim, '/definitions?includeHidden=true&Offset=17')).json).toEqual([HIDDEN_RECALL_STATUS, ...COMMLOG_TYPES]);
		expect((await call(sim, '/definitions?Category=99')).json).toEqual([]);
		expect((await call(sim, '/definitions?Category=two')).json).toBe('Category is invalid.');
		expect((await call(sim, '/definitions?includeHidden=yes')).json).toBe('includeHidden is invalid.');
	});

	it('keeps the eConfirmation mapping to Appt Confirmed DefNums, or null when not set up', () => {
		expect(sim.getConfig().eConfirmMapping).toEqual({ Sent: 24, Confirmed: 25, 'Not Accepted': 26, Failed: 27 });
		expect(sim.configure({ eConfirmMapping: { Confirmed: 21 } }).eConfirmMapping).toEqual({ Sent: 24, Confirmed: 21, 'Not Accepted': 26, Failed: 27 });
		expect(sim.configure({ eConfirmMapping: null }).eConfirmMapping).toBeNull();
		expect(() => sim.configure({ eConfirmMapping: { Sent: 24 } })).toThrow('eConfirmMapping must be null or map each of Sent, Confirmed, Not Accepted, Failed to a DefNum');
		sim.configure({ eConfirmMapping: { Sent: 24, Confirmed: 25, 'Not Accepted': 26, Failed: 27 } });
		expect(() => sim.configure({ eConfirmMapping: { Failed: 140 } })).toThrow('eConfirmMapping.Failed must be an Appt Confirmed (Category 2) DefNum');
		expect(() => sim.configure({ eConfirmMapping: { None: 19 } as never })).toThrow('Unknown config option "eConfirmMapping.None"');
		expect(sim.getConfig().eConfirmMapping).toEqual({ Sent: 24, Confirmed: 25, 'Not Accepted': 26, Failed: 27 });
		expect(() => sim.configure({ breakCreatesCommlog: 'yes' as never })).toThrow('breakCreatesCommlog must be a boolean');
	});
});
