// Include Patient Contact: what it adds, and what it costs in requests (from the simulator's log).
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Simulator } from '../../../simulator';
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { runOpenDental, runOpenDentalError } from '../setup';
import { expectedCanEmail, expectedCanText, officeCredential, QUERIES, READ_ALL, useOffice } from './setup';

let sim: Simulator;
useOffice((office) => (sim = office));

const withContact = (days: number, patientLookup?: string) => ({
	resource: 'appointment',
	operation: 'getAll',
	returnAll: true,
	filters: { window: 'nextDays', days },
	options: { includePatientContact: true, ...(patientLookup ? { patientLookup } : {}) },
});
const scheduled = (days: number) => {
	const last = `2026-12-${String(1 + days).padStart(2, '0')}`;
	return sim.records('appointment').filter((apt) => apt.AptDateTime.slice(0, 10) >= '2026-12-02' && apt.AptDateTime.slice(0, 10) <= last);
};
const distinct = (numbers: number[]) => [...new Set(numbers)];
const requestLines = () => sim.requests().map((entry) => `${entry.method} ${entry.path}`);
const patientsById = () => new Map(sim.patients().map((patient) => [patient.PatNum, patient]));

describe('Include Patient Contact, one request per patient (any key)', () => {
	it('costs one list page per 100 appointments plus one request per distinct patient, in first-seen order', async () => {
		const appointments = scheduled(14);
		const patNums = distinct(appointments.map((apt) => apt.PatNum));
		expect(appointments.length).toBeGreaterThan(100);
		expect(patNums.length).toBeLessThan(appointments.length);

		const items = await runOpenDental(sim, withContact(14), { credentials: officeCredential(sim, READ_ALL) });

		expect(requestLines()).toEqual([
			...Array(Math.ceil(appointments.length / 100)).fill('GET /appointments'),
			...patNums.map((patNum) => `GET /patients/${patNum}`),
		]);
		const byId = patientsById();
		expect(items.map((item) => item.json.AptNum)).toEqual(appointments.map((apt) => apt.AptNum));
		for (const item of items) {
			const patient = byId.get(item.json.PatNum as number)!;
			expect(item.json.patient).toEqual({
				PatNum: patient.PatNum,
				FName: patient.FName,
				LName: patient.LName,
				Preferred: patient.Preferred,
				WirelessPhone: patient.WirelessPhone,
				Email: patient.Email,
				TxtMsgOk: patient.TxtMsgOk,
				PreferConfirmMethod: patient.PreferConfirmMethod,
				PreferContactMethod: patient.PreferContactMethod,
				Language: patient.Language,
				PatStatus: patient.PatStatus,
				optOut: null,
				canText: expectedCanText(patient),
				canEmail: expectedCanEmail(patient),
				noTextReason: expectedCanText(patient) ? null : expect.any(String),
				noEmailReason: expectedCanEmail(patient) ? null : expect.any(String),
			});
		}
		expect(items.some((item) => (item.json.patient as { canText: boolean }).canText)).toBe(true);
		expect(items.some((item) => !(item.json.patient as { canText: boolean }).canText)).toBe(true);
	});

	it('reads each patient once per execution, across input items', async () => {
		const patNums = distinct(scheduled(1).map((apt) => apt.PatNum));
		const items = await runOpenDental(sim, withContact(1), { credentials: officeCredential(sim, READ_ALL), items: [{ json: {} }, { json: {} }] });
		expect(items).toHaveLength(scheduled(1).length * 2);
		expect(requestLines()).toEqual(['GET /appointments', ...patNums.map((patNum) => `GET /patients/${patNum}`), 'GET /appointments']);
	});

	it('marks an appointment whose patient Open Dental no longer has, instead of failing', async () => {
		const [apt] = scheduled(1);
		sim.update('appointment', apt.AptNum, { PatNum: 98765 });
		const items = await runOpenDental(sim, withContact(1), { credentials: officeCredential(sim, READ_ALL) });
		expect(items.find((item) => item.json.AptNum === apt.AptNum)?.json.patient).toEqual({
			PatNum: 98765,
			canText: false,
			canEmail: false,
			noTextReason: 'patient not found',
			noEmailReason: 'patient not found',
		});
	});
});

describe('Include Patient Contact, one query per 100 patients (Queries permission)', () => {
	it('costs one list page per 100 appointments plus one ShortQuery per 100 distinct patients, with the same contacts', async () => {
		const appointments = scheduled(30);
		const patNums = distinct(appointments.map((apt) => apt.PatNum));
		expect(patNums.length).toBeGreaterThan(100);

		const byQuery = await runOpenDental(sim, withContact(30, 'query'), { credentials: officeCredential(sim, QUERIES) });
		const queries = sim.requests().filter((entry) => entry.path === '/queries/ShortQuery');
		expect(requestLines()).toEqual([
			...Array(Math.ceil(appointments.length / 100)).fill('GET /appointments'),
			...Array(Math.ceil(patNums.length / 100)).fill('PUT /queries/ShortQuery'),
		]);
		const asked = queries.map((entry) => /IN \(([\d,]+)\)/.exec(String((entry.body as { SqlCommand: string }).SqlCommand))?.[1]);
		expect(asked).toEqual([patNums.slice(0, 100).join(','), patNums.slice(100, 200).join(',')].slice(0, Math.ceil(patNums.length / 100)));

		sim.clearRequests();
		resetPacing();
		const perPatient = await runOpenDental(sim, withContact(30), { credentials: officeCredential(sim, QUERIES) });
		// The same contact fields either way; only the query sees opt-outs, and its verdicts honour them.
		const contactFields = (items: typeof byQuery) =>
			items.map((item) => {
				const fields: IDataObject = { ...(item.json.patient as IDataObject) };
				for (const verdict of ['optOut', 'canText', 'canEmail', 'noTextReason', 'noEmailReason']) delete fields[verdict];
				// serverDateTime is the office clock when each page was read: it moves between the runs.
				return { ...item.json, serverDateTime: undefined, patient: fields };
			});
		expect(contactFields(byQuery)).toEqual(contactFields(perPatient));
		const optOuts = new Map(sim.records('commoptout').map((row) => [row.PatNum, row]));
		const stopsReminders = (bits: number) => (bits & (1 | 2 | 4)) !== 0;
		const byId = patientsById();
		let optedOut = 0;
		for (const item of byQuery) {
			const patient = byId.get(item.json.PatNum as number)!;
			const row = optOuts.get(patient.PatNum);
			if (row && (stopsReminders(row.OptOutSms) || stopsReminders(row.OptOutEmail))) optedOut++;
			expect(item.json.patient).toMatchObject({
				canText: expectedCanText(patient, row !== undefined && stopsReminders(row.OptOutSms)),
				canEmail: expectedCanEmail(patient, row !== undefined && stopsReminders(row.OptOutEmail)),
				optOut: { text: expect.any(Array), email: expect.any(Array) },
			});
		}
		expect(optedOut).toBeGreaterThan(0);
	});

	it("honours the office's automated-messaging opt-outs, which only the query sees", async () => {
		const byId = patientsById();
		const textable = scheduled(1).find((apt) => expectedCanText(byId.get(apt.PatNum)!))!;
		sim.insert('commoptout', { PatNum: textable.PatNum, OptOutSms: 4, OptOutEmail: 1 });

		const items = await runOpenDental(sim, withContact(1, 'query'), { credentials: officeCredential(sim, QUERIES) });
		const patient = items.find((item) => item.json.AptNum === textable.AptNum)?.json.patient;
		expect(patient).toMatchObject({
			PatNum: textable.PatNum,
			optOut: { text: ['eReminder'], email: ['All'] },
			canText: false,
			noTextReason: 'opted out of automated texts',
			canEmail: false,
			noEmailReason: 'opted out of automated email',
		});
	});

	it('says the key lacks the Queries permission, and what it costs, before reading any patient', async () => {
		const error = await runOpenDentalError(sim, withContact(1, 'query'), { credentials: officeCredential(sim, READ_ALL) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe("This customer key lacks Open Dental's Queries permission, which this operation needs");
		expect((error as NodeApiError).description).toContain('Queries is a paid Open Dental API permission ($15 a month per location)');
		expect(requestLines()).toEqual(['GET /appointments', 'PUT /queries/ShortQuery']);
	});
});
