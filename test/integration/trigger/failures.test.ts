// A poll that fails leaves the state as it was, with an error n8n can classify; the next good
// poll catches up. Also: the manual test, overlapping ticks and a changed setup.
import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { overrideTransportSettings, restoreTransportSettings } from '../../../nodes/OpenDental/transport/settings';
import type { Simulator } from '../../../simulator';
import { virtualClock } from '../../support/fakeContext';
import { activatedTrigger, eventsOf, SYNC, TriggerUnderTest, usePatientOffice } from './setup';

let sim: Simulator;
const office = usePatientOffice();
beforeEach(() => {
	sim = office();
	// Retries of 5xx and the office-unreachable 400 wait in virtual time.
	overrideTransportSettings({ clock: virtualClock().clock });
});
afterEach(() => restoreTransportSettings());

const activated = async (parameters: IDataObject = SYNC) => await activatedTrigger(sim, parameters);

describe('a failing poll', () => {
	it.each([
		['a wrong key (401)', { fault: 'unauthorized' as const, times: 1 }, '401', 1],
		['throttling past the retry budget (429)', { fault: 'rateLimit' as const, times: 6 }, '429', 6],
		["an office whose eConnector is down past the retry budget (400)", { fault: 'eConnectorDown' as const, times: 6 }, '400', 6],
	])('%s throws with the HTTP status, keeps the state, and the next poll emits the change once', async (_case, fault, httpCode, attempts) => {
		const trigger = await activated();
		const before = JSON.stringify(trigger.staticData);
		sim.clock.advance(5000);
		sim.touch('patient', 9);
		sim.addFault({ path: '/patients/Simple', ...fault });
		const error = (await trigger.pollError()) as NodeApiError;
		expect(error.httpCode).toBe(httpCode);
		expect(sim.requests()).toHaveLength(attempts);
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		if (httpCode === '400') expect(error.message).toContain('eConnector');
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toMatch(/VzkmZEaUWOjnQX2z|NFF6i0KrXrxDkZHt/);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:9']);
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('a failure on the second page of a window emits nothing from the first: the next poll emits the window once', async () => {
		const trigger = new TriggerUnderTest(sim, SYNC, { pageSize: 3 });
		await trigger.poll();
		sim.clock.advance(5000);
		for (const patNum of [1, 2, 3, 4, 5]) sim.touch('patient', patNum);
		sim.clearRequests();
		sim.addFault({ path: '/patients/Simple', nth: [2], fault: 'unauthorized' });
		await trigger.pollError();
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual([1, 2, 3, 4, 5].map((n) => `patientUpdated:${n}`));
	});
});

describe('Fetch Test Event (manual)', () => {
	const SINCE = '2026-01-31 10:00:00';
	// Six patients changed three days before T0 (the seeded ones changed in 2025): the first five by PatNum come.
	const expected = () => [3, 8, 11, 17, 20];
	beforeEach(() => {
		sim.clock.advance(-3 * 86_400_000);
		for (const patNum of [20, 3, 17, 8, 11, 25]) sim.touch('patient', patNum);
		sim.clock.advance(3 * 86_400_000);
	});

	it("returns up to 5 patients changed in the 30 days before the watermark, in one request, and leaves the state alone", async () => {
		const trigger = await activated();
		const state = JSON.stringify(trigger.staticData);
		const manual = await trigger.poll('manual');
		expect(manual.items.map((item) => item.PatNum)).toEqual(expected());
		expect(manual.items.map((item) => item._event)).toEqual(Array(5).fill('patientUpdated'));
		expect(sim.requests().map((entry) => entry.query)).toEqual([{ DateTStamp: SINCE, Limit: '5', Offset: '0' }]);
		expect(JSON.stringify(manual.staticData)).toBe(state);
	});

	it("on a trigger never activated, reads from 30 days before now in the office's zone and stores nothing", async () => {
		// 10:00 in Chicago on 2026-03-02 (UTC-6).
		overrideTransportSettings({ clock: virtualClock().clock, wallClock: () => Date.parse('2026-03-02T16:00:00Z') });
		const manual = await new TriggerUnderTest(sim, SYNC).poll('manual');
		expect(manual.items.map((item) => item.PatNum)).toEqual(expected());
		expect(sim.requests().map((entry) => entry.query)).toEqual([{ DateTStamp: SINCE, Limit: '5', Offset: '0' }]);
		expect(manual.staticData).toEqual({ 'node:Node Under Test': {} });
	});
});

describe('one poll at a time', () => {
	it('a tick that starts while the previous poll still reads emits nothing and makes no request', async () => {
		const trigger = await activated();
		sim.clock.advance(5000);
		sim.touch('patient', 4);
		sim.addFault({ path: '/patients/Simple', nth: [1], fault: 'hang', delayMs: 300 });
		const slow = trigger.poll();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const overlapping = await new TriggerUnderTest(sim, SYNC).poll();
		expect(overlapping.emitted).toBe(false);
		expect(eventsOf((await slow).items, 'PatNum')).toEqual(['patientUpdated:4']);
		expect(sim.requests()).toHaveLength(1);
	});
});

describe('a different setup', () => {
	it('starts afresh, from now, when the events or filters change', async () => {
		const trigger = await activated();
		sim.clock.advance(5000);
		sim.touch('patient', 4);
		const changed = new TriggerUnderTest(sim, { ...SYNC, filters: { patStatus: 'Patient' } });
		changed.staticData = trigger.staticData;
		expect((await changed.poll()).emitted).toBe(false);
		sim.clock.advance(5000);
		sim.touch('patient', 5);
		expect(eventsOf((await changed.poll()).items, 'PatNum')).toEqual(['patientUpdated:5']);
		expect(sim.requests().at(-1)!.query).toMatchObject({ PatStatus: 'Patient' });
	});

	it('refuses events of two kinds and an Appointment Changed without fields, before any request', async () => {
		const mixed = await new TriggerUnderTest(sim, { events: ['patientCreated', 'appointmentCreated'] }).pollError();
		expect(mixed.message).toBe('The events of one trigger must all be about one kind of record (patients, appointments or commlogs); add a second trigger for the other kind');
		const noFields = await new TriggerUnderTest(sim, { events: ['appointmentChanged'], watchFields: [] }).pollError();
		expect(noFields.message).toBe('Choose at least one Watch Field for Appointment Changed');
		expect(sim.requests()).toEqual([]);
	});
});

describe('one trigger registered twice in one n8n (a workflow imported again and re-activated)', () => {
	it('each registration polls with its own copy of the static data, yet each change comes once', async () => {
		const first = await activated();
		const second = new TriggerUnderTest(sim, SYNC);
		// Both registrations loaded the same saved state.
		second.staticData = JSON.parse(JSON.stringify(first.staticData));
		sim.clock.advance(5000);
		sim.touch('patient', 4);
		expect(eventsOf((await first.poll()).items, 'PatNum')).toEqual(['patientUpdated:4']);
		expect((await second.poll()).emitted).toBe(false);
		sim.clock.advance(5000);
		sim.touch('patient', 5);
		expect(eventsOf((await second.poll()).items, 'PatNum')).toEqual(['patientUpdated:5']);
		expect((await first.poll()).emitted).toBe(false);
	});

	it('a new activation (no saved state) starts afresh, whatever an earlier one left in this process', async () => {
		const earlier = await activated();
		sim.clock.advance(5000);
		sim.touch('patient', 6);
		await earlier.poll();
		const fresh = await activated();
		sim.clock.advance(5000);
		sim.touch('patient', 7);
		expect(eventsOf((await fresh.poll()).items, 'PatNum')).toEqual(['patientUpdated:7']);
	});
});
