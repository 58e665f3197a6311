import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A parameter as the user sees it (label) and as workflows name it (name). */
export interface Field {
	label: string;
	name: string;
}

/**
 * The error for bad input, raised before any request. It names the item and the field; the value
 * is echoed only when the caller says it is safe (never for patient details like a birthdate).
 */
export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	problem: string,
	shownValue?: string,
): NodeOperationError {
	const got = shownValue === undefined ? '' : ` Got: ${shownValue}.`;
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: "${field.label}" ${problem}`, {
		itemIndex,
		description: `Parameter "${field.name}" of item ${itemIndex}.${got} Fix the value or the expression that produces it.`,
	});
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A positive whole number from a number or a numeric string (expressions often yield strings). */
export function toPositiveInteger(ctx: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
		throw invalidInput(ctx, itemIndex, field, 'must be a positive whole number', shown(value));
	}
	return number;
}

/** Like toPositiveInteger, but 0 is allowed (Open Dental uses 0 for "none", e.g. no clinic). */
export function toNonNegativeInteger(ctx: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
		throw invalidInput(ctx, itemIndex, field, 'must be a whole number, 0 or more', shown(value));
	}
	return number;
}
