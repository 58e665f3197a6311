// The stored state stays small in a 10,000-appointment office, even when every appointment is
// stamped in the same second (as an Open Dental update or a query can do), and the trigger goes on
// emitting each change once.
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { STATE_KEY } from '../../../nodes/OpenDentalTrigger/poll/state';
import { startSimulator, type Simulator } from '../../../simulator';
import { TriggerUnderTest } from './setup';

// The README states this bound.
const STATE_BOUND_BYTES = 256 * 1024;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ patients: 2000, throttle: { mode: 'off' }, appointments: { perDay: 100, daysBefore: 120, daysAfter: 120, openOnWeekends: true } });
	sim.clock.freeze();
}, 60_000);
afterAll(async () => await sim.close());
beforeEach(() => resetPacing());

const stateBytes = (trigger: TriggerUnderTest) => JSON.stringify((trigger.staticData['node:Node Under Test'] as Record<string, unknown>)[STATE_KEY]).length;

it('a 10,000-appointment office: the state stays under 256 KB through a bulk change of every appointment, each emitted once', async () => {
	const appointments = sim.records('appointment');
	expect(appointments.length).toBeGreaterThanOrEqual(10_000);
	const trigger = new TriggerUnderTest(sim, {
		events: ['appointmentCreated', 'appointmentUpdated', 'appointmentChanged', 'appointmentDeleted'],
		watchFields: ['status', 'time', 'confirmation', 'operatory', 'provider'],
		options: { pagesPerPoll: 40 },
	});
	await trigger.poll();
	const seeded = stateBytes(trigger);
	sim.clock.advance(1000);
	for (const appointment of appointments) sim.touch('appointment', appointment.AptNum);
	sim.clock.advance(1000);
	const emitted: number[] = [];
	const sizes: number[] = [];
	for (let poll = 0; poll < 4; poll++) {
		emitted.push(...(await trigger.poll()).items.map((item) => item.AptNum as number));
		sizes.push(stateBytes(trigger));
	}
	expect(emitted).toEqual(appointments.map((appointment) => appointment.AptNum));
	sim.clock.advance(5000);
	expect((await trigger.poll()).emitted).toBe(false);
	const steady = stateBytes(trigger);
	process.stdout.write(`state bytes: seeded ${seeded}, during ${sizes.join(', ')}, after ${steady}\n`);
	for (const size of [seeded, ...sizes, steady]) expect(size).toBeLessThan(STATE_BOUND_BYTES);
}, 120_000);
