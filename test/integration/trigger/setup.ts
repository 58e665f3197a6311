// Runs the Open Dental Trigger's poll() in n8n-core's PollContext against the simulator, carrying
// the node's static data from poll to poll as n8n does.
import type { IDataObject, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { OpenDentalTrigger } from '../../../nodes/OpenDentalTrigger/OpenDentalTrigger.node';
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { startSimulator, type Simulator } from '../../../simulator';
import { runPoll } from '../../harness/n8nPoll';
import { simulatorCredential } from '../setup';

export interface TriggerRun {
	/** The emitted items' json; [] when the poll emitted nothing. */
	items: IDataObject[];
	emitted: boolean;
	staticData: IDataObject;
}

/** One trigger node with its static data, polled like an active workflow's (or a manual test). */
export class TriggerUnderTest {
	staticData: IDataObject = {};

	private readonly credentials: IDataObject;

	constructor(
		sim: Pick<Simulator, 'baseUrl'>,
		readonly parameters: IDataObject,
		credentials: IDataObject = {},
	) {
		this.credentials = simulatorCredential(sim, { officeTimeZone: 'America/Chicago', ...credentials });
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<TriggerRun> {
		const { output, staticData } = await runPoll({
			nodeType: new OpenDentalTrigger(),
			credentialType: new OpenDentalApi(),
			credentials: this.credentials,
			parameters: this.parameters,
			staticData: this.staticData,
			mode,
			activation: mode === 'manual' ? 'manual' : 'activate',
		});
		if (mode !== 'manual') this.staticData = staticData;
		return { items: (output?.[0] ?? []).map((item: INodeExecutionData) => item.json), emitted: output !== null, staticData };
	}

	async pollError(): Promise<Error> {
		return await this.poll().then(
			() => {
				throw new Error('expected the poll to fail');
			},
			(error: unknown) => error as Error,
		);
	}
}

export const keysOf = (items: IDataObject[], field: string) => items.map((item) => item[field] as number);
export const eventsOf = (items: IDataObject[], field: string) => items.map((item) => `${item._event as string}:${item[field] as number}`);

/** The sync example's events. */
export const SYNC = { events: ['patientCreated', 'patientUpdated'] };
/** The office's time at the start of each test of usePatientOffice(). */
export const T0 = '2026-03-02 10:00:00';

/**
 * A simulated office of 30 patients for the file's tests: fresh data, no faults and an empty log
 * before each test, and the office clock held at T0 (tests move it). Returns a getter for it.
 */
export function usePatientOffice(): () => Simulator {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ patients: 30, throttle: { mode: 'off' } });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.reset();
		resetPacing();
		sim.clock.set(T0);
		sim.clock.freeze();
	});
	return () => sim;
}

/** A trigger after its first activation poll (which must emit nothing), with the log cleared. */
export async function activatedTrigger(sim: Simulator, parameters: IDataObject, credentials: IDataObject = {}): Promise<TriggerUnderTest> {
	const trigger = new TriggerUnderTest(sim, parameters, credentials);
	expect((await trigger.poll()).emitted).toBe(false);
	sim.clearRequests();
	return trigger;
}
