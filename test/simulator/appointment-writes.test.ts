// PUT /appointments/{AptNum}/Confirm, /Break and /Note: their effect, their checks, and the rule
// that a write changing nothing stores nothing.
import { type Appointment, manualTime, type Simulator, startSimulator } from '../../simulator';
import { send } from './helpers';

const NOW = '2026-01-05 09:00:00';

describe('simulator: appointment writes', () => {
	let sim: Simulator;
	const time = manualTime();
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time, appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
		sim.clock.set(NOW);
	});

	const appointment = (aptNum: number) => sim.records('appointment').find((apt) => apt.AptNum === aptNum)!;
	const scheduled = () => sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled');
	const withStatus = (status: string) => sim.records('appointment').find((apt) => apt.AptStatus === status)!;
	const answer = async (path: string, body: unknown) => {
		const res = await send(sim, path, body);
		return [res.status, res.status === 200 ? res.text : res.json];
	};

	describe('Confirm', () => {
		const confirm = (apt: Appointment, body: unknown) => answer(`/appointments/${apt.AptNum}/Confirm`, body);

		it.each([
			['None', 19, 'Not Called'],
			['Sent', 24, 'eConfirm Sent'],
			['Confirmed', 25, 'eConfirm Accepted'],
			['Not Accepted', 26, 'eConfirm Declined'],
			['Failed', 27, 'eConfirm Failed'],
		])('confirmVal %s sets Confirmed %i (%s) through the eConfirmation mapping', async (confirmVal, defNum, name) => {
			const apt = scheduled().find((a) => a.Confirmed !== defNum)!;
			expect(await confirm(apt, { confirmVal })).toEqual([200, '']);
			expect(appointment(apt.AptNum)).toEqual({ ...apt, Confirmed: defNum, confirmed: name, DateTStamp: NOW });
		});

		it('defNum sets any visible Appt Confirmed status', async () => {
			const apt = scheduled().find((a) => a.Confirmed !== 23)!;
			expect(await confirm(apt, { defNum: 23 })).toEqual([200, '']);
			expect(appointment(apt.AptNum)).toEqual({ ...apt, Confirmed: 23, confirmed: 'Texted', DateTStamp: NOW });
		});

		it('changes nothing, DateTStamp included, when the status is already that', async () => {
			const apt = scheduled().find((a) => a.Confirmed === 19)!;
			time.advance(60_000);
			expect(await confirm(apt, { confirmVal: 'None' })).toEqual([200, '']);
			expect(await confirm(apt, { defNum: 19 })).toEqual([200, '']);
			expect(appointment(apt.AptNum)).toEqual(apt);
		});

		it('follows a changed mapping, and refuses confirmVal (not None) when eConfirmations are not set up', async () => {
			const [first, second] = scheduled().filter((a) => ![19, 21, 22].includes(a.Confirmed));
			sim.configure({ eConfirmMapping: { Confirmed: 21 } });
			expect(await confirm(first, { confirmVal: 'Confirmed' })).toEqual([200, '']);
			expect(appointment(first.AptNum).Confirmed).toBe(21);
			sim.configure({ eConfirmMapping: null });
			expect(await confirm(second, { confirmVal: 'Sent' })).toEqual([400,
				'confirmVal "Sent" needs the eConfirmation statuses set in eServices Setup > Automated Messaging; send a defNum instead.']);
			expect(appointment(second.AptNum)).toEqual(second);
			expect(await confirm(second, { confirmVal: 'None' })).toEqual([200, '']);
			expect(await confirm(second, { defNum: 22 })).toEqual([200, '']);
			expect(appointment(second.AptNum).Confirmed).toBe(22);
		});

		it.each([
			[{}, 'confirmVal or defNum is required.'],
			[{ confirmVal: 'Sent', defNum: 24 }, 'Only one of confirmVal or defNum is allowed.'],
			[{ confirmVal: 'Sent', Note: 'x' }, 'Only one field is allowed: confirmVal. Remove Note.'],
			[{ confirmVal: 'Yes' }, 'confirmVal must be one of: None, Sent, Confirmed, Not Accepted, Failed.'],
			[{ confirmVal: 'sent' }, 'confirmVal must be one of: None, Sent, Confirmed, Not Accepted, Failed.'],
			[{ defNum: 28 }, 'defNum must be the DefNum of a visible Appt Confirmed definition (Category 2).'],
			[{ defNum: 140 }, 'defNum must be the DefNum of a visible Appt Confirmed definition (Category 2).'],
			[{ defNum: '23' }, 'defNum must be the DefNum of a visible Appt Confirmed definition (Category 2).'],
		])('refuses %j with a 400 and changes nothing', async (body, message) => {
			const [apt] = scheduled();
			expect(await confirm(apt, body)).toEqual([400, message]);
			expect(appointment(apt.AptNum)).toEqual(apt);
		});

		it('answers 404 for an appointment that does not exist', async () => {
			expect(await answer('/appointments/9999/Confirm', { confirmVal: 'Sent' })).toEqual([404, 'Appointment not found.']);
		});
	});

	describe('Break', () => {
		const breakIt = (apt: Appointment, body: unknown) => answer(`/appointments/${apt.AptNum}/Break`, body);

		it('sends a scheduled appointment to the Unscheduled List (Op 0) or leaves it Broken in place', async () => {
			const [first, second, third] = scheduled();
			expect(await breakIt(first, { sendToUnscheduledList: 'true' })).toEqual([200, '']);
			expect(appointment(first.AptNum)).toEqual({ ...first, AptStatus: 'UnschedList', Op: 0, DateTStamp: NOW });
			expect(await breakIt(second, { sendToUnscheduledList: 'false', breakType: 'Missed' })).toEqual([200, '']);
			expect(appointment(second.AptNum)).toEqual({ ...second, AptStatus: 'Broken', DateTStamp: NOW });
			expect(await breakIt(third, { sendToUnscheduledList: 'false', breakType: 'Cancelled' })).toEqual([200, '']);
			expect(appointment(third.AptNum).AptStatus).toBe('Broken');
			expect(sim.records('commlog').filter((c) => c.DateTEntry === NOW)).toEqual([]);
		});

		it('breaks only Scheduled appointments', async () => {
			for (const status of ['Complete', 'Broken', 'UnschedList', 'Planned', 'PtNote']) {
				const apt = withStatus(status);
				expect([status, ...(await breakIt(apt, { sendToUnscheduledList: 'true' }))])
					.toEqual([status, 400, 'Only appointments with a status of Scheduled can be broken.']);
				expect(appointment(apt.AptNum)).toEqual(apt);
			}
		});

		it.each([
			[{}, 'sendToUnscheduledList is required.'],
			[{ breakType: 'Missed' }, 'sendToUnscheduledList is required.'],
			[{ sendToUnscheduledList: true }, 'sendToUnscheduledList must be "true" or "false".'],
			[{ sendToUnscheduledList: 'yes' }, 'sendToUnscheduledList must be "true" or "false".'],
			[{ sendToUnscheduledList: 'true', breakType: 'Late' }, 'breakType must be one of: Missed, Cancelled.'],
		])('refuses %j with a 400 and changes nothing', async (body, message) => {
			const [apt] = scheduled();
			expect(await breakIt(apt, body)).toEqual([400, message]);
			expect(appointment(apt.AptNum)).toEqual(apt);
		});

		it('writes an ApptRelated commlog when the office preference says so', async () => {
			sim.configure({ breakCreatesCommlog: true });
			const [apt] = scheduled();
			const commlogNum = sim.records('commlog').length + 1;
			expect(await breakIt(apt, { sendToUnscheduledList: 'true', breakType: 'Missed' })).toEqual([200, '']);
			expect(sim.records('commlog').at(-1)).toEqual({
				CommlogNum: commlogNum, PatNum: apt.PatNum, CommDateTime: NOW, CommType: '235', commType: 'ApptRelated',
				Note: `Appt BROKEN for ${apt.ProcDescript} ${apt.AptDateTime} (Missed)`, Mode_: 'None', SentOrReceived: 'Neither',
				UserNum: 0, DateTStamp: NOW, CommSource: 'User', ProgramNum: 0, DateTEntry: NOW, ReferralNum: 0,
			});
		});

		it('answers 404 for an appointment that does not exist', async () => {
			expect(await answer('/appointments/9999/Break', { sendToUnscheduledList: 'true' })).toEqual([404, 'Appointment not found.']);
		});
	});

	describe('Note', () => {
		const note = (apt: Appointment, body: unknown) => answer(`/appointments/${apt.AptNum}/Note`, body);

		it('appends a line: the note alone when there was none, after a CR LF otherwise', async () => {
			const empty = scheduled().find((a) => a.Note === '')!;
			const noted = sim.records('appointment').find((a) => a.Note !== '')!;
			expect(await note(empty, { Note: 'Texted reminder' })).toEqual([200, '']);
			expect(appointment(empty.AptNum)).toEqual({ ...empty, Note: 'Texted reminder', DateTStamp: NOW });
			time.advance(1000);
			expect(await note(empty, { Note: 'Patient replied C' })).toEqual([200, '']);
			expect(appointment(empty.AptNum)).toEqual({ ...empty, Note: 'Texted reminder\r\nPatient replied C', DateTStamp: '2026-01-05 09:00:01' });
			expect(await note(noted, { Note: 'Called' })).toEqual([200, '']);
			expect(appointment(noted.AptNum).Note).toBe(`${noted.Note}\r\nCalled`);
		});

		it.each([
			[{}, 'Note is required.'],
			[{ Note: '   ' }, 'Note is required.'],
			[{ Note: null }, 'Note is required.'],
			[{ Note: 42 }, 'Note is invalid.'],
		])('refuses %j with a 400 and changes nothing', async (body, message) => {
			const [apt] = scheduled();
			expect(await note(apt, body)).toEqual([400, message]);
			expect(appointment(apt.AptNum)).toEqual(apt);
		});

		it('answers 404 for an appointment that does not exist', async () => {
			expect(await answer('/appointments/0/Note', { Note: 'x' })).toEqual([404, 'Appointment not found.']);
		});
	});
});
