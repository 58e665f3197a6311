// Appointment and commlog events: new, updated, changed in watched fields (with previous values),
// deleted (from the appointment history); a window read across polls while appointments before
// its place are deleted; commlogs on an Open Dental too old to filter them.
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { startSimulator, type Appointment, type Simulator } from '../../../simulator';
import { eventsOf, TriggerUnderTest } from './setup';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ patients: 60, throttle: { mode: 'off' }, appointments: { perDay: 6, daysBefore: 3, daysAfter: 6, openOnWeekends: true } });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	resetPacing();
	sim.clock.freeze();
});

const later = (seconds: number) => sim.clock.advance(seconds * 1000);
const upcoming = (): Appointment[] => sim.records('appointment').filter((apt) => apt.AptStatus === 'Scheduled' && apt.AptDateTime > sim.clock.now());

async function activated(parameters: Record<string, unknown>, credentials: Record<string, string | number> = {}): Promise<TriggerUnderTest> {
	const trigger = new TriggerUnderTest(sim, parameters as never, credentials);
	expect((await trigger.poll()).emitted).toBe(false);
	sim.clearRequests();
	later(1);
	return trigger;
}

describe('appointments', () => {
	it('Created and Changed: a new appointment once, and a change of a watched field with its previous values; other edits emit nothing', async () => {
		const trigger = await activated({ events: ['appointmentCreated', 'appointmentChanged'], watchFields: ['status', 'time', 'confirmation'] });
		const [confirmed, moved, noted] = upcoming();
		const newStatus = confirmed.Confirmed === 21 ? 22 : 21;
		sim.update('appointment', confirmed.AptNum, { Confirmed: newStatus });
		sim.update('appointment', moved.AptNum, { AptDateTime: '2030-01-07 15:30:00', Pattern: 'XXXXXXXXXXXX' });
		sim.update('appointment', noted.AptNum, { Note: 'Bring x-rays' });
		const added = sim.insert('appointment', { PatNum: 5, AptDateTime: '2030-01-08 09:00:00', Pattern: 'XXXX', AptStatus: 'Scheduled', Op: 1, ProvNum: 1 });
		const { items } = await trigger.poll();
		expect(eventsOf(items, 'AptNum')).toEqual([`appointmentChanged:${confirmed.AptNum}`, `appointmentChanged:${moved.AptNum}`, `appointmentCreated:${added.AptNum}`]);
		expect(items[0]).toMatchObject({ Confirmed: newStatus, changedFields: ['confirmation'], previous: { Confirmed: confirmed.Confirmed } });
		expect(items[1]).toMatchObject({
			AptDateTime: '2030-01-07 15:30:00',
			lengthMinutes: 60,
			changedFields: ['time'],
			previous: { AptDateTime: moved.AptDateTime, lengthMinutes: moved.Pattern.length * 5 },
		});
		expect(items[2]).not.toHaveProperty('changedFields');
		later(1);
		// The new appointment's first change is a change, with the values it was created with.
		sim.update('appointment', added.AptNum as number, { AptStatus: 'Broken' });
		const second = await trigger.poll();
		expect(eventsOf(second.items, 'AptNum')).toEqual([`appointmentChanged:${added.AptNum}`]);
		expect(second.items[0]).toMatchObject({ changedFields: ['status'], previous: { AptStatus: 'Scheduled' } });
		later(1);
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('Updated and Changed together: a watched change is emitted as changed, any other edit as updated, each once', async () => {
		const trigger = await activated({ events: ['appointmentUpdated', 'appointmentChanged'], watchFields: ['operatory', 'provider'] });
		const [noted, reassigned] = upcoming();
		sim.update('appointment', noted.AptNum, { Note: 'Running late' });
		sim.update('appointment', reassigned.AptNum, { ProvHyg: 99 });
		const { items } = await trigger.poll();
		expect(eventsOf(items, 'AptNum')).toEqual([`appointmentUpdated:${noted.AptNum}`, `appointmentChanged:${reassigned.AptNum}`]);
		expect(items[1]).toMatchObject({ changedFields: ['provider'], previous: { ProvNum: reassigned.ProvNum, ProvHyg: reassigned.ProvHyg } });
	});

	it('Deleted: deletions from before activation never come; each new one comes once, read from where the last poll stopped', async () => {
		const [first, second] = upcoming();
		sim.remove('appointment', first.AptNum); // before activation
		const trigger = await activated({ events: ['appointmentDeleted'] });
		sim.remove('appointment', second.AptNum);
		const { items } = await trigger.poll();
		expect(items.map((item) => [item._event, item.AptNum, item.HistApptAction])).toEqual([['appointmentDeleted', second.AptNum, 'Deleted']]);
		// The seed read the one deletion already there; this poll asks only for the ones after it.
		expect(sim.requests().map((entry) => [entry.path, entry.query])).toEqual([['/histappointments', { HistApptAction: 'Deleted', Limit: '100', Offset: '1' }]]);
		sim.clearRequests();
		later(1);
		expect((await trigger.poll()).emitted).toBe(false);
		expect(sim.requests().map((entry) => entry.query.Offset)).toEqual(['2']);
	});

	it('a window read across polls loses nothing when appointments before its place are deleted meanwhile', async () => {
		const trigger = await activated({ events: ['appointmentUpdated'], options: { pagesPerPoll: 1 } }, { pageSize: 4 });
		const touched = upcoming().slice(0, 10).map((apt) => apt.AptNum);
		for (const aptNum of touched) sim.touch('appointment', aptNum);
		const first = await trigger.poll();
		expect(first.items.map((item) => item.AptNum)).toEqual(touched.slice(0, 4));
		// Two of the rows already read disappear: the rows after them move two places up.
		sim.remove('appointment', touched[1]);
		sim.remove('appointment', touched[2]);
		const rest = [];
		for (let i = 0; i < 4; i++) rest.push(...(await trigger.poll()).items.map((item) => item.AptNum));
		expect(rest).toEqual(touched.slice(4));
	});

	it('sends the Clinic and Status filters to Open Dental', async () => {
		const trigger = await activated({ events: ['appointmentUpdated'], filters: { clinicNum: 0, aptStatus: 'Scheduled' } });
		await trigger.poll();
		expect(sim.requests().map((entry) => entry.query)).toEqual([{ ClinicNum: '0', AptStatus: 'Scheduled', DateTStamp: expect.any(String), Limit: '100', Offset: '0' }]);
	});
});

describe('commlogs', () => {
	it('Commlog Created emits each new commlog once; an edited old one is not new', async () => {
		const trigger = await activated({ events: ['commlogCreated'] });
		const created = sim.insert('commlog', { PatNum: 4, Note: 'Reminder sent', Mode_: 'Text' });
		const old = sim.records('commlog')[0];
		sim.update('commlog', old.CommlogNum, { Note: 'edited' });
		const { items } = await trigger.poll();
		expect(eventsOf(items, 'CommlogNum')).toEqual([`commlogCreated:${created.CommlogNum as number}`]);
		expect(items[0]).toMatchObject({ PatNum: 4, Note: 'Reminder sent', Mode_: 'Text' });
		later(1);
		sim.update('commlog', created.CommlogNum as number, { Note: 'Reminder sent again' });
		expect((await trigger.poll()).emitted).toBe(false);
	});

	it('an Open Dental that ignores the DateTStamp filter (before 25.1.13) gets a clear error, not every commlog', async () => {
		const trigger = await activated({ events: ['commlogCreated'] });
		sim.configure({ commlogStampFilter: false });
		const error = await trigger.pollError();
		expect(error.message).toBe('This Open Dental version does not filter commlogs by DateTStamp');
		expect((error as unknown as { description: string }).description).toBe(
			'Request: GET /commlogs. Open Dental answered with commlogs changed before the time asked for, so it ignores the filter (added in version 25.1.13). Update Open Dental to use this event.',
		);
	});
});
