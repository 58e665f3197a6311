import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { openDentalApiTest } from '../OpenDental/methods/credentialTest';
import { getClinics } from '../OpenDental/methods/loadOptions';
import { TRIGGER_PROPERTIES } from './description';
import { pollOpenDental } from './poll';

export class OpenDentalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Open Dental Trigger',
		name: 'openDentalTrigger',
		icon: { light: 'file:openDental.svg', dark: 'file:openDental.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when patients, appointments or commlogs are created or changed in Open Dental, each change exactly once',
		defaults: { name: 'Open Dental Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }],
		properties: TRIGGER_PROPERTIES,
	};

	methods = { credentialTest: { openDentalApiTest }, loadOptions: { getClinics } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOpenDental.call(this);
	}
}
