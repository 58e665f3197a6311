import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { forOperation } from './display';

/** A resource's short record: what reminder, recall and CRM workflows use, and never more. */
export interface ShortRecord {
	/** What the short record holds, for the Simplify option's description. */
	summary: string;
	fields: string[];
}

export function simplifyOption(resource: string, operation: string, short: ShortRecord, hint = ''): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a short record (${short.summary}) instead of the full record. ${hint}`.trim(),
		displayOptions: forOperation(resource, operation),
	};
}

/** The short records; fields a response lacks (older offices, search results) are left out. */
export function shapeRecords(records: IDataObject[], simplify: boolean, short: ShortRecord): IDataObject[] {
	if (!simplify) return records;
	return records.map((record) => {
		const simple: IDataObject = {};
		for (const field of short.fields) {
			if (record[field] !== undefined) simple[field] = record[field];
		}
		return simple;
	});
}
