import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { RESOURCE_OPTIONS, RESOURCE_PROPERTIES } from './actions/registry';
import { router } from './actions/router';
import { openDentalApiTest } from './methods/credentialTest';
import * as loadOptions from './methods/loadOptions';

export class OpenDental implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Open Dental',
		name: 'openDental',
		icon: { light: 'file:openDental.svg', dark: 'file:openDental.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Patients, appointments, commlogs, recalls and read-only reports in Open Dental: reminders, confirmations and syncs with complete, rate-aware paging',
		defaults: { name: 'Open Dental' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCE_OPTIONS,
				default: 'patient',
			},
			...RESOURCE_PROPERTIES,
		],
	};

	methods = { credentialTest: { openDentalApiTest }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
