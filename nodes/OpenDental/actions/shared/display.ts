import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Show a parameter for one operation of one resource. */
export const forOperation = (resource: string, operation: string): IDisplayOptions => ({ show: { resource: [resource], operation: [operation] } });

/** A resource's Operation dropdown, shown for that resource only. */
export function operationField(resource: string, defaultOperation: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options,
	};
}

/** The Patient ID (PatNum) parameter of one operation. */
export function patNumField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Patient ID',
		name: 'patNum',
		type: 'number',
		default: 0,
		required: true,
		placeholder: '123',
		description: "The patient's PatNum",
		displayOptions: forOperation(resource, operation),
	};
}
