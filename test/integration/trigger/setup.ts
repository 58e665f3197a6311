// Runs the Open Dental Trigger's poll() in n8n-core's PollContext against the simulator, carrying
// the node's static data from poll to poll as n8n does.
import type { IDataObject, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { OpenDentalTrigger } from '../../../nodes/OpenDentalTrigger/OpenDentalTrigger.node';
import type { Simulator } from '../../../simulator';
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
