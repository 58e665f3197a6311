// The poll runner: a polling node's poll() in n8n-core's PollContext, over real HTTP, with the
// node's static data carried from one poll to the next as n8n saves it. A minimal probe trigger
// checks the runner itself (the Open Dental Trigger's tests are in test/integration/trigger/).
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { getConnection, openDentalRequestAllItems } from '../../nodes/OpenDental/transport';
import { resetPacing } from '../../nodes/OpenDental/transport/pacer';
import { startSimulator, type Simulator } from '../../simulator';
import { FREE_KEY } from '../integration/setup';
import { runPoll } from './n8nPoll';

class PatientsPollProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Patients poll probe',
		name: 'patientsPollProbe',
		group: ['trigger'],
		version: 1,
		description: 'Emits the first patients and counts its polls',
		defaults: { name: 'Patients poll probe' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openDentalApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node');
		state.polls = Number(state.polls ?? 0) + 1;
		const connection = await getConnection.call(this);
		const rows = await openDentalRequestAllItems.call(this, connection, { path: '/patients/Simple', idField: 'PatNum', limit: 2 });
		return [this.helpers.returnJsonArray(rows.map((row) => ({ PatNum: row.PatNum, poll: state.polls })))];
	}
}

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ patients: 10, throttle: { mode: 'off' } });
});
afterAll(async () => await sim.close());
beforeEach(() => resetPacing());

it('polls through the transport and carries the static data from one poll to the next', async () => {
	const options = {
		nodeType: new PatientsPollProbe(),
		credentialType: new OpenDentalApi(),
		credentials: { server: 'custom', baseUrl: sim.baseUrl, developerKey: FREE_KEY.developerKey, customerKey: FREE_KEY.customerKey, rateLimit: 'none' },
		parameters: {},
	};
	const first = await runPoll(options);
	const second = await runPoll({ ...options, staticData: first.staticData });

	expect(first.output).toEqual([[{ json: { PatNum: 1, poll: 1 } }, { json: { PatNum: 2, poll: 1 } }]]);
	expect(second.output).toEqual([[{ json: { PatNum: 1, poll: 2 } }, { json: { PatNum: 2, poll: 2 } }]]);
	expect(second.staticData).toEqual({ 'node:Node Under Test': { polls: 2 } });
	expect(sim.requests().map((entry) => [entry.rawQuery, entry.headers.authorization])).toEqual([
		['Limit=2&Offset=0', `ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`],
		['Limit=2&Offset=0', `ODFHIR ${FREE_KEY.developerKey}/${FREE_KEY.customerKey}`],
	]);
});
