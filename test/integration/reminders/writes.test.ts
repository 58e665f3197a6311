// The writes: their effect in the office, their permission, and that no retry ever doubles them
// (faults that strike after the office carried the write out).
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Simulator } from '../../../simulator';
import { overrideTransportSettings } from '../../../nodes/OpenDental/transport/settings';
import { runOpenDental, runOpenDentalError } from '../setup';
import { COMM, NINE_AM, officeCredential, READ_ALL, useOffice } from './setup';

let sim: Simulator;
// Retries come at once; an attempt may take 300 ms (the hang fault holds its answer longer).
useOffice((office) => (sim = office), { settle: () => overrideTransportSettings({ wallClock: () => NINE_AM, retry: { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 }, limits: { attemptDeadlineMs: 300 } }) });

const write = (parameters: IDataObject, key = COMM) => runOpenDental(sim, parameters, { credentials: officeCredential(sim, key) });
const writeError = async (parameters: IDataObject, key = COMM) =>
	(await runOpenDentalError(sim, parameters, { credentials: officeCredential(sim, key) })) as NodeApiError;
const writes = () => sim.requests().map((entry) => ({ request: `${entry.method} ${entry.path}`, body: entry.body, status: entry.status, fault: entry.fault }));

const scheduledTomorrow = () => sim.records('appointment').filter((apt) => apt.AptDateTime.startsWith('2026-12-02') && apt.AptStatus === 'Scheduled');
const appointment = (aptNum: number) => sim.records('appointment').find((apt) => apt.AptNum === aptNum)!;
const commlogsWith = (note: string) => sim.records('commlog').filter((commlog) => commlog.Note === note);
const activePatient = () => sim.patients().find((patient) => patient.PatStatus === 'Patient')!;

describe('Appointment Confirm', () => {
	it("sets the status picked from the office's list, or the eConfirmation mapping", async () => {
		const [first, second] = scheduledTomorrow();
		const items = await write({ resource: 'appointment', operation: 'confirm', aptNum: first.AptNum, confirmBy: 'status', confirmationStatus: 23 });
		expect(items.map((item) => item.json)).toEqual([{ AptNum: first.AptNum, defNum: 23 }]);
		expect(appointment(first.AptNum)).toMatchObject({ Confirmed: 23, confirmed: 'Texted' });

		await write({ resource: 'appointment', operation: 'confirm', aptNum: second.AptNum, confirmBy: 'confirmVal', confirmVal: 'Sent' });
		expect(appointment(second.AptNum)).toMatchObject({ Confirmed: 24, confirmed: 'eConfirm Sent' });
		expect(writes().map(({ request, body }) => ({ request, body }))).toEqual([
			{ request: `PUT /appointments/${first.AptNum}/Confirm`, body: { defNum: 23 } },
			{ request: `PUT /appointments/${second.AptNum}/Confirm`, body: { confirmVal: 'Sent' } },
		]);
	});

	it('is sent again after a fault that struck once the status was set: setting it twice changes nothing', async () => {
		const [apt] = scheduledTomorrow();
		sim.addFault({ method: 'PUT', pathPrefix: '/appointments/', nth: [1], fault: 'committedServerError' });
		await write({ resource: 'appointment', operation: 'confirm', aptNum: apt.AptNum, confirmationStatus: 21 });
		expect(appointment(apt.AptNum).Confirmed).toBe(21);
		expect(writes().map(({ status, fault }) => [status, fault])).toEqual([
			[500, 'committedServerError'],
			[200, null],
		]);
	});

	it('tells a Read All key that Confirm needs the Comm permission, and changes nothing', async () => {
		const [apt] = scheduledTomorrow();
		const error = await writeError({ resource: 'appointment', operation: 'confirm', aptNum: apt.AptNum, confirmationStatus: 21 }, READ_ALL);
		expect(error.message).toBe("This customer key lacks Open Dental's Comm permission, which this operation needs");
		expect(error.httpCode).toBe('401');
		expect(appointment(apt.AptNum).Confirmed).toBe(apt.Confirmed);
		expect(writes()).toHaveLength(1);
	});
});

describe('Appointment Break', () => {
	it('breaks a scheduled appointment as cancelled, onto the unscheduled list', async () => {
		const [apt] = scheduledTomorrow();
		const items = await write({ resource: 'appointment', operation: 'break', aptNum: apt.AptNum, breakType: 'cancelled', sendToUnscheduledList: true });
		expect(items[0].json).toEqual({ AptNum: apt.AptNum, broken: true, breakType: 'Cancelled', sendToUnscheduledList: true });
		expect(appointment(apt.AptNum).AptStatus).toBe('UnschedList');
		expect(writes()[0].body).toEqual({ sendToUnscheduledList: 'true', breakType: 'Cancelled' });
	});

	it('is not sent again after a fault that may have followed the break, and says so', async () => {
		const [apt] = scheduledTomorrow();
		sim.addFault({ method: 'PUT', pathPrefix: '/appointments/', nth: [1], fault: 'committedReset' });
		const error = await writeError({ resource: 'appointment', operation: 'break', aptNum: apt.AptNum, breakType: 'missed', sendToUnscheduledList: false });
		expect(error.message).toBe('Could not reach Open Dental: the connection was reset; the break may or may not have been written');
		expect(error.description).toContain(`Request: PUT /appointments/${apt.AptNum}/Break`);
		expect(appointment(apt.AptNum).AptStatus).toBe('Broken');
		expect(writes()).toHaveLength(1);
	});
});

describe('Appointment Append Note', () => {
	it('adds a line to the note, and never twice', async () => {
		const [apt] = scheduledTomorrow();
		await write({ resource: 'appointment', operation: 'appendNote', aptNum: apt.AptNum, note: 'Reminder texted' });
		const once = appointment(apt.AptNum).Note;
		expect(once).toBe(apt.Note ? `${apt.Note}\r\nReminder texted` : 'Reminder texted');

		// A rule counts the requests after it was added: its first is the next write.
		sim.addFault({ method: 'PUT', pathPrefix: '/appointments/', nth: [1], fault: 'committedServerError' });
		const error = await writeError({ resource: 'appointment', operation: 'appendNote', aptNum: apt.AptNum, note: 'Patient called back' });
		expect(error.message).toBe('Open Dental server error (500); the note may or may not have been written');
		expect(appointment(apt.AptNum).Note).toBe(`${once}\r\nPatient called back`);
		expect(writes()).toHaveLength(2);
	});
});

describe('Commlog Create', () => {
	it('writes the commlog with reminder defaults and returns it', async () => {
		const patient = activePatient();
		const [item] = await write({ resource: 'commlog', operation: 'create', patNum: patient.PatNum, note: 'Reminder sent by text', additionalFields: { mode: 'Text' } });
		const [stored] = commlogsWith('Reminder sent by text');
		expect(item.json).toEqual(stored);
		expect(stored).toMatchObject({ PatNum: patient.PatNum, Mode_: 'Text', commType: 'ApptRelated', SentOrReceived: 'Sent' });
		expect(writes()[0]).toMatchObject({ request: 'POST /commlogs', body: { PatNum: patient.PatNum, Note: 'Reminder sent by text', commType: 'ApptRelated', Mode_: 'Text' } });
	});

	it.each([
		['a 500 after the commlog was written', 'committedServerError', 'Open Dental server error (500); the commlog may or may not have been written'],
		['a reset after the commlog was written', 'committedReset', 'Could not reach Open Dental: the connection was reset; the commlog may or may not have been written'],
		['a timeout after the commlog was written', 'committedHang', 'Open Dental did not answer in time; the commlog may or may not have been written'],
	] as const)('writes exactly one commlog despite %s, and says it may have been written', async (_, fault, message) => {
		const patient = activePatient();
		sim.addFault({ method: 'POST', path: '/commlogs', nth: [1], fault, delayMs: 2000 });
		const error = await writeError({ resource: 'commlog', operation: 'create', patNum: patient.PatNum, note: `Reminder (${fault})` });
		expect(error.message).toBe(message);
		expect(error.description).toContain('The node did not send it again, so it cannot have been written twice.');
		expect(error.description).toContain('Request: POST /commlogs');
		expect(commlogsWith(`Reminder (${fault})`)).toHaveLength(1);
		expect(sim.requests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it.each([
		['a 429', 'rateLimit'],
		['an offline eConnector', 'eConnectorDown'],
	] as const)('is sent again after %s, which proves nothing was written, and writes one commlog', async (_, fault) => {
		const patient = activePatient();
		sim.addFault({ method: 'POST', path: '/commlogs', nth: [1], fault, retryAfterSeconds: 0 });
		await write({ resource: 'commlog', operation: 'create', patNum: patient.PatNum, note: `Reminder (${fault})` });
		expect(commlogsWith(`Reminder (${fault})`)).toHaveLength(1);
		expect(writes().map(({ status }) => status)).toEqual([fault === 'rateLimit' ? 429 : 400, 201]);
	});

	it('refuses an empty note or a bad mode before any request', async () => {
		const patient = activePatient();
		const empty = await writeError({ resource: 'commlog', operation: 'create', patNum: patient.PatNum, note: '   ' });
		expect(empty.message).toBe('Item 0: "Note" must not be empty');
		const mode = await writeError({ resource: 'commlog', operation: 'create', patNum: patient.PatNum, note: 'x', additionalFields: { mode: 'Pigeon' } });
		expect(mode.message).toBe('Item 0: "Mode" must be one of None, Email, Mail, Phone, In Person, Text, Email and Text, Phone and Text');
		expect(sim.requests()).toEqual([]);
	});
});

describe('Recall Set Status', () => {
	// The simulator's recall types: Prophy is 1, Perio 2.
	const TYPE_NAMES: Record<number, string> = { 1: 'Prophy', 2: 'Perio' };
	const prophy = () => sim.records('recall').find((recall) => recall.RecallTypeNum === 1)!;
	const stored = (recallNum: number) => sim.records('recall').find((recall) => recall.RecallNum === recallNum)!;

	it('sets the status; Open Dental writes the Recall commlog, once even after a fault', async () => {
		const recall = prophy();
		const recallType = TYPE_NAMES[recall.RecallTypeNum];
		await write({ resource: 'recall', operation: 'setStatus', patNum: recall.PatNum, recallType, recallStatus: 141, commlogMode: 'Text', commlogNote: 'Recall text sent' });
		expect(stored(recall.RecallNum)).toMatchObject({ RecallStatus: 141, recallStatus: 'Texted' });
		expect(commlogsWith('Recall text sent')).toEqual([expect.objectContaining({ PatNum: recall.PatNum, commType: 'Recall', Mode_: 'Text' })]);
		expect(writes()[0]).toMatchObject({
			request: 'PUT /recalls/Status',
			body: { PatNum: recall.PatNum, recallType, RecallStatus: 141, commlogMode: 'Text', commlogNote: 'Recall text sent' },
		});

		sim.addFault({ method: 'PUT', path: '/recalls/Status', nth: [1], fault: 'committedServerError' });
		const error = await writeError({ resource: 'recall', operation: 'setStatus', patNum: recall.PatNum, recallType, recallStatus: 143, commlogMode: 'Email', commlogNote: 'Recall email sent' });
		expect(error.message).toBe('Open Dental server error (500); the recall status and its commlog may or may not have been written');
		expect(commlogsWith('Recall email sent')).toHaveLength(1);
		expect(writes()).toHaveLength(2);
	});
});
