import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { type Field, invalidInput } from '../../helpers/validation';
import { forOperation } from './display';

/** A required text parameter: trimmed, not blank, at most `maxLength` characters. The text itself is never echoed (it may be about a patient). */
export function readText(ctx: IExecuteFunctions, itemIndex: number, field: Field, maxLength: number, value = ctx.getNodeParameter(field.name, itemIndex, '')): string {
	if (typeof value !== 'string' && typeof value !== 'number') throw invalidInput(ctx, itemIndex, field, 'must be text');
	const text = String(value).trim();
	if (text === '') throw invalidInput(ctx, itemIndex, field, 'must not be empty');
	if (text.length > maxLength) throw invalidInput(ctx, itemIndex, field, `must be at most ${maxLength} characters`, `${text.length} characters`);
	return text;
}

/** The required Note of a write, a few lines tall. */
export function noteField(resource: string, operation: string, placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder,
		description,
		displayOptions: forOperation(resource, operation),
	};
}
