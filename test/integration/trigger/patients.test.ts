// The trigger's contract on patients, in n8n-core's PollContext against the simulator over HTTP:
// what each poll emits, the exact requests it makes, and what it leaves in the static data.
import type { IDataObject } from 'n8n-workflow';
import { STATE_KEY } from '../../../nodes/OpenDentalTrigger/poll/state';
import type { Simulator } from '../../../simulator';
import { activatedTrigger, eventsOf, SYNC, T0, TriggerUnderTest, usePatientOffice } from './setup';

let sim: Simulator;
const office = usePatientOffice();
beforeEach(() => {
	sim = office();
});

const requests = () => sim.requests().map((entry) => ({ path: entry.path, query: entry.query }));
const later = (seconds: number) => sim.clock.advance(seconds * 1000);

/** A trigger activated at T0: the first poll seeds and emits nothing. */
const activated = async (parameters: IDataObject = SYNC, credentials: IDataObject = {}) => await activatedTrigger(sim, parameters, credentials);

describe('first activation', () => {
	it("emits nothing, learns Open Dental's now from the list and remembers what changed in that very second", async () => {
		sim.touch('patient', 4); // changed at T0, before activation
		later(-30);
		sim.touch('patient', 5); // changed before activation
		later(30);
		const trigger = new TriggerUnderTest(sim, SYNC);
		const first = await trigger.poll();
		expect(first.emitted).toBe(false);
		expect(requests()).toEqual([
			{ path: '/patients/Simple', query: { Limit: '1', Offset: '0' } },
			{ path: '/patients/Simple', query: { DateTStamp: T0, Limit: '100', Offset: '0' } },
		]);
		expect(trigger.staticData).toEqual({
			'node:Node Under Test': {
				[STATE_KEY]: { v: 1, setup: expect.any(String), line: expect.stringMatching(/^[0-9a-f-]{36}$/), seq: 0, wm: T0, floor: T0, seen: { [T0]: '4' }, created: {} },
			},
		});
		// Neither change from before the start comes later.
		later(5);
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('with Start From, the first poll after activation emits what changed since then', async () => {
		later(-3600);
		sim.touch('patient', 7);
		later(-3600);
		sim.touch('patient', 8); // before Start From
		later(7200);
		const trigger = new TriggerUnderTest(sim, { ...SYNC, options: { startFrom: '2026-03-02 08:30:00' } });
		expect((await trigger.poll()).emitted).toBe(false);
		later(5);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:7']);
	});

	it('with Emit Existing, every patient arrives once, as created, read a page budget per poll', async () => {
		const trigger = new TriggerUnderTest(sim, { ...SYNC, options: { emitExisting: true, pagesPerPoll: 2 } }, { pageSize: 7 });
		expect((await trigger.poll()).emitted).toBe(false);
		const polls = [];
		for (let i = 0; i < 4; i++) polls.push((await trigger.poll()).items.map((item) => `${item._event as string}:${item.PatNum as number}`));
		// Each later poll first asks again for the last row it read (it checks the place); so 14 rows, then 13.
		const all = sim.patients().map((patient) => `patientCreated:${patient.PatNum}`);
		expect(polls).toEqual([all.slice(0, 14), all.slice(14, 27), all.slice(27), []]);
	});
});

describe('each change once', () => {
	it('emits a created and an updated patient once each, and nothing on the next poll', async () => {
		const trigger = await activated();
		later(5);
		sim.update('patient', 3, { FName: 'Changed' });
		const added = sim.insertPatient({ LName: 'New', FName: 'Patient' });
		const second = await trigger.poll();
		expect(eventsOf(second.items, 'PatNum')).toEqual(['patientUpdated:3', `patientCreated:${added.PatNum}`]);
		expect(second.items[0]).toMatchObject({ PatNum: 3, FName: 'Changed', _event: 'patientUpdated' });
		expect(second.items[0]).not.toHaveProperty('SSN');
		later(5);
		expect((await trigger.poll()).emitted).toBe(false);
		expect(requests().map((entry) => entry.query.DateTStamp)).toEqual([T0, T0]);
	});

	it('changes in the same second as the watermark come once, before and after the read', async () => {
		const trigger = await activated();
		later(2);
		const second = sim.clock.now();
		sim.touch('patient', 10);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:10']);
		// Same office second as the read that returned serverDateTime = `second`.
		sim.touch('patient', 11);
		sim.touch('patient', 12);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:11', 'patientUpdated:12']);
		expect(sim.clock.now()).toBe(second);
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('a second change to the same patient in a later second comes again; a new patient edited later is an update, not a second creation', async () => {
		const trigger = await activated();
		later(1);
		const added = sim.insertPatient({ LName: 'Later', FName: 'Edited' });
		sim.touch('patient', 6);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:6', `patientCreated:${added.PatNum}`]);
		later(1);
		sim.update('patient', added.PatNum, { Email: 'later@example.com' });
		sim.touch('patient', 6);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:6', `patientUpdated:${added.PatNum}`]);
	});

	it('only the chosen events: Patient Created alone emits new patients, and an edited old one is not new', async () => {
		const trigger = await activated({ events: ['patientCreated'] });
		later(1);
		sim.touch('patient', 2);
		const added = sim.insertPatient({ LName: 'Only', FName: 'New' });
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual([`patientCreated:${added.PatNum}`]);
	});
});

describe('reads that take long', () => {
	it('records changed while the poll pages come once: on this poll if not yet read, else on the next', async () => {
		const trigger = await activated(SYNC, { pageSize: 5 });
		later(1);
		for (const patNum of [2, 4, 9, 14, 21, 27]) sim.touch('patient', patNum);
		later(1);
		// Between page 1 and page 2: patient 2 (read on page 1) and 27 (not read yet) change again, and a patient is added.
		sim.addFault({ path: '/patients/Simple', nth: [2], fault: 'mutate', changes: [{ op: 'touch', table: 'patient', key: 2 }, { op: 'touch', table: 'patient', key: 27 }, { op: 'insert', table: 'patient', fields: { LName: 'During', FName: 'Paging' } }] });
		const during = await trigger.poll();
		expect(eventsOf(during.items, 'PatNum')).toEqual(['patientUpdated:2', 'patientUpdated:4', 'patientUpdated:9', 'patientUpdated:14', 'patientUpdated:21', 'patientUpdated:27', 'patientCreated:31']);
		later(1);
		expect(eventsOf((await trigger.poll()).items, 'PatNum')).toEqual(['patientUpdated:2']);
		later(1);
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('a window longer than the page budget is read on by the next polls, each record once', async () => {
		const trigger = await activated({ ...SYNC, options: { pagesPerPoll: 2 } }, { pageSize: 4 });
		later(1);
		for (let patNum = 1; patNum <= 19; patNum++) sim.touch('patient', patNum);
		later(1);
		const first = await trigger.poll();
		expect(first.items.map((item) => item.PatNum)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		sim.touch('patient', 3); // already emitted in this window: comes with the next window
		sim.touch('patient', 15); // not read yet: comes once, with its new stamp
		const second = await trigger.poll();
		const third = await trigger.poll();
		const fourth = await trigger.poll();
		// Each later poll's first page starts one row back, at the last row read, to check its place.
		expect([second, third, fourth].map((poll) => poll.items.map((item) => item.PatNum))).toEqual([
			[9, 10, 11, 12, 13, 14, 15],
			[16, 17, 18, 19],
			[3],
		]);
		expect((await trigger.poll()).emitted).toBe(false);
	});
});
