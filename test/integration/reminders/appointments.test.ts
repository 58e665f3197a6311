import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Simulator } from '../../../simulator';
import { runOpenDental, runOpenDentalError } from '../setup';
import { aptNums, decemberIso, json, officeCredential, pinWallClock, seen, useOffice } from './setup';

let sim: Simulator;
useOffice((office) => (sim = office));

const appointments = () => sim.records('appointment');
const onDays = (from: string, to: string) => appointments().filter((apt) => apt.AptDateTime.slice(0, 10) >= from && apt.AptDateTime.slice(0, 10) <= to);
const getMany = (filters: IDataObject, extra: IDataObject = {}) => ({
	resource: 'appointment',
	operation: 'getAll',
	returnAll: true,
	filters,
	...extra,
});
const run = (parameters: IDataObject, options: Parameters<typeof runOpenDental>[2] = {}) =>
	runOpenDental(sim, parameters, { credentials: officeCredential(sim), ...options });

describe('Appointment Get Many: the Window', () => {
	it("reads tomorrow's scheduled appointments in one request, as short records with start and length", async () => {
		const expected = onDays('2026-12-02', '2026-12-02').filter((apt) => apt.AptStatus === 'Scheduled');
		expect(expected.length).toBeGreaterThan(5);
		const items = await run(getMany({ window: 'tomorrow', aptStatus: 'Scheduled' }));

		expect(aptNums(items)).toEqual(expected.map((apt) => apt.AptNum));
		expect(seen(sim)).toEqual([
			{ request: 'GET /appointments', query: { AptStatus: 'Scheduled', dateStart: '2026-12-02', dateEnd: '2026-12-02', Limit: '100', Offset: '0' } },
		]);
		const first = expected[0];
		expect(items[0].json).toEqual({
			AptNum: first.AptNum,
			PatNum: first.PatNum,
			AptDateTime: first.AptDateTime,
			start: decemberIso(first.AptDateTime),
			lengthMinutes: first.Pattern.length * 5,
			AptStatus: 'Scheduled',
			confirmed: first.confirmed,
			Confirmed: first.Confirmed,
			ProvNum: first.ProvNum,
			provAbbr: first.provAbbr,
			ProvHyg: first.ProvHyg,
			ClinicNum: first.ClinicNum,
			Op: first.Op,
			ProcDescript: first.ProcDescript,
			AppointmentTypeNum: first.AppointmentTypeNum,
			IsNewPatient: first.IsNewPatient,
			Note: first.Note,
			DateTStamp: first.DateTStamp,
			serverDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
	});

	it('today, the next N days (tomorrow onwards) and a date range, read across pages', async () => {
		const today = await run(getMany({ window: 'today' }));
		expect(aptNums(today)).toEqual(onDays('2026-12-01', '2026-12-01').map((apt) => apt.AptNum));

		sim.clearRequests();
		const next = await run(getMany({ window: 'nextDays', days: 14 }));
		const expected = onDays('2026-12-02', '2026-12-15');
		expect(expected.length).toBeGreaterThan(100);
		expect(aptNums(next)).toEqual(expected.map((apt) => apt.AptNum));
		expect(seen(sim).map((entry) => entry.query)).toEqual(
			[0, 100].map((offset) => ({ dateStart: '2026-12-02', dateEnd: '2026-12-15', Limit: '100', Offset: String(offset) })),
		);

		const range = await run(getMany({ window: 'range', dateStart: '2026-11-25', dateEnd: '2026-11-27' }));
		expect(aptNums(range)).toEqual(onDays('2026-11-25', '2026-11-27').map((apt) => apt.AptNum));
	});

	it("takes the days from the office's time zone, not n8n's", async () => {
		// 03:00 UTC on December 2 is still the evening of December 1 in Chicago.
		pinWallClock(Date.UTC(2026, 11, 2, 3, 0, 0));
		await run(getMany({ window: 'tomorrow' }), { timezone: 'UTC' });
		const [chicago] = seen(sim);
		expect(chicago.query).toMatchObject({ dateStart: '2026-12-02', dateEnd: '2026-12-02' });

		sim.clearRequests();
		const items = await run(getMany({ window: 'tomorrow' }), { timezone: 'UTC', credentials: officeCredential(sim, undefined, { officeTimeZone: '' }) });
		expect(seen(sim)[0].query).toMatchObject({ dateStart: '2026-12-03', dateEnd: '2026-12-03' });
		// Without the credential's zone, start carries the workflow's offset.
		expect(items[0].json.start).toBe(`${String(items[0].json.AptDateTime).replace(' ', 'T')}+00:00`);
	});

	it.each([
		[{ window: 'tomorrow', dateStart: '2026-12-05' }, 'Item 0: "Window" must be Date Range when Date Start or Date End is set'],
		[{ window: 'range' }, 'Item 0: "Window" Date Range needs Date Start or Date End'],
		[{ window: 'tomorrow', days: 3 }, 'Item 0: "Days" applies only to Window: Next N Days'],
		[{ window: 'nextDays', days: 93 }, 'Item 0: "Days" must be at most 92'],
		[{ window: 'range', dateStart: '2026-12-05', dateEnd: '2026-12-01' }, 'Item 0: "Date End" must not be before Date Start'],
		[{ window: 'someday' }, 'Item 0: "Window" must be one of today, tomorrow, nextDays, range'],
		[{ aptStatus: 'Cancelled' }, 'Item 0: "Status" must be one of Scheduled, Complete, UnschedList, Broken, Planned, PtNote, PtNoteCompleted'],
	])('refuses %j before any request', async (filters, message) => {
		const error = await runOpenDentalError(sim, getMany(filters), { credentials: officeCredential(sim) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sim.requests()).toEqual([]);
	});
});

describe('Appointment Get Many: filters', () => {
	it('sends the filters Open Dental has, and applies provider and confirmation status itself before the Limit', async () => {
		const expected = onDays('2026-12-02', '2026-12-15')
			.filter((apt) => apt.ClinicNum === 1 && apt.AptStatus === 'Scheduled')
			.filter((apt) => apt.ProvNum === 3 || apt.ProvHyg === 3)
			.filter((apt) => ![21, 25].includes(apt.Confirmed));
		expect(expected.length).toBeGreaterThan(5);
		const items = await run(
			getMany({ window: 'nextDays', days: 14, clinicNum: 1, aptStatus: 'Scheduled', provNum: 3, confirmationNotIn: [21, 25] }, { returnAll: false, limit: 5 }),
		);
		expect(aptNums(items)).toEqual(expected.slice(0, 5).map((apt) => apt.AptNum));
		// Every page of the other filters is read: the Limit applies after the node's own filters.
		expect(seen(sim)[0].query).toEqual({ AptStatus: 'Scheduled', ClinicNum: '1', dateStart: '2026-12-02', dateEnd: '2026-12-15', Limit: '100', Offset: '0' });

		sim.clearRequests();
		const confirmedOnly = await run(getMany({ window: 'nextDays', days: 14, confirmationIn: [21, 25] }));
		expect(aptNums(confirmedOnly)).toEqual(onDays('2026-12-02', '2026-12-15').filter((apt) => [21, 25].includes(apt.Confirmed)).map((apt) => apt.AptNum));
	});

	it('passes patient, operatory, type and Updated Since through unchanged', async () => {
		const someone = onDays('2026-12-02', '2026-12-30')[0];
		await run(getMany({ patNum: someone.PatNum, op: someone.Op, appointmentTypeNum: 2, updatedSince: '2026-11-20 08:00:00' }));
		expect(seen(sim)[0].query).toEqual({
			PatNum: String(someone.PatNum),
			Op: String(someone.Op),
			AppointmentTypeNum: '2',
			DateTStamp: '2026-11-20 08:00:00',
			Limit: '100',
			Offset: '0',
		});
	});

	it('returns full records with start and length when Simplify is off', async () => {
		const [first] = onDays('2026-12-02', '2026-12-02');
		const items = await run(getMany({ window: 'tomorrow' }, { simplify: false, returnAll: false, limit: 1 }));
		expect(json(items)).toEqual([{ serverDateTime: expect.any(String), ...first, start: decemberIso(first.AptDateTime), lengthMinutes: first.Pattern.length * 5 }]);
	});
});

describe('Appointment Get', () => {
	it('reads one appointment by AptNum', async () => {
		const apt = onDays('2026-12-02', '2026-12-02')[0];
		const [item] = await run({ resource: 'appointment', operation: 'get', aptNum: apt.AptNum });
		expect(item.json).toMatchObject({ AptNum: apt.AptNum, PatNum: apt.PatNum, start: decemberIso(apt.AptDateTime) });
		expect(seen(sim)).toEqual([{ request: `GET /appointments/${apt.AptNum}`, query: {} }]);
	});

	it('names the missing appointment', async () => {
		const error = await runOpenDentalError(sim, { resource: 'appointment', operation: 'get', aptNum: 999999 }, { credentials: officeCredential(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Appointment 999999 not found');
	});
});

describe("the office's time zone in every resource", () => {
	// 15:00 UTC is 09:00 in Chicago: the credential's zone wins over the workflow's (UTC here).
	const instant = '2026-12-01T15:00:00Z';

	it('converts a date-time with a zone to office time for patients, appointments and commlogs alike', async () => {
		await run({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 1, filters: { updatedSince: instant } }, { timezone: 'UTC' });
		await run(getMany({ updatedSince: instant }, { returnAll: false, limit: 1 }), { timezone: 'UTC' });
		await run({ resource: 'commlog', operation: 'getAll', returnAll: false, limit: 1, filters: { updatedSince: instant } }, { timezone: 'UTC' });
		expect(seen(sim).map((entry) => [entry.request, entry.query.DateTStamp])).toEqual([
			['GET /patients/Simple', '2026-12-01 09:00:00'],
			['GET /appointments', '2026-12-01 09:00:00'],
			['GET /commlogs', '2026-12-01 09:00:00'],
		]);
	});

	it("uses the workflow's zone when the credential has none", async () => {
		const credentials = officeCredential(sim, undefined, { officeTimeZone: '' });
		await runOpenDental(sim, { resource: 'patient', operation: 'getAll', returnAll: false, limit: 1, filters: { updatedSince: instant } }, { timezone: 'Europe/Berlin', credentials });
		expect(seen(sim)[0].query.DateTStamp).toBe('2026-12-01 16:00:00');
	});
});
