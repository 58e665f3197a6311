// The simulator is JavaScript (the demo and the e2e harness run it with plain Node); its
// declarations in simulator/index.d.ts are what the TypeScript tests see. The type-check of the
// tests (npm test) holds the code to them: these assignments compile only while they agree.
import type * as Declared from '../../simulator';
import * as implementation from '../../simulator/lib/simulator';

type Implementation = InstanceType<typeof implementation.Simulator>;

export const declaredByCode = {
	simulator: (sim: Implementation): Declared.Simulator => sim,
	start: (options: Declared.StartOptions): Implementation => new implementation.Simulator(options),
};

it('the implementation has every method the declarations name', () => {
	const declaredMethods: Array<keyof Declared.Simulator> = [
		'configure', 'getConfig', 'addFault', 'clearFaults', 'faults', 'requests', 'clearRequests', 'seed',
		'insert', 'update', 'touch', 'remove', 'records', 'insertPatient', 'patients', 'touchPatient', 'reset', 'close',
	];
	const prototype = implementation.Simulator.prototype as unknown as Record<string, unknown>;
	expect(declaredMethods.filter((name) => typeof prototype[name] !== 'function')).toEqual([]);
});

it('sim.events has every method SimEvents names', () => {
	const declaredMethods: Array<keyof Declared.SimEvents> = ['run', 'failNext', 'deliveries', 'clearDeliveries', 'subscriptions'];
	const sim = new implementation.Simulator({ events: { auto: false } });
	const events = sim.events as unknown as Record<string, unknown>;
	expect(declaredMethods.filter((name) => typeof events[name] !== 'function')).toEqual([]);
});
