import type { IDataObject, IExecuteFunctions, INodeProperties, NodeParameterValueType } from 'n8n-workflow';
import { toOfficeDate, toOfficeDateTime } from '../../helpers/dates';
import { invalidInput, toNonNegativeInteger, toPositiveInteger } from '../../helpers/validation';
import { forOperation } from './display';

type FilterKind = 'text' | 'date' | 'dateTime' | 'id' | 'idOrZero' | 'idList' | 'idSet' | 'boolean' | 'choice' | 'count';

/** A choice: Open Dental's value, shown as words, or with a name of its own. */
export type Choice = string | { name: string; value: string };

/**
 * One entry of a node's "Filters" collection, declared once: the field the user sees (generated
 * from this by filterCollection) and the Open Dental query parameter it becomes (filtersToQuery).
 */
export interface FilterSpec {
	/** Name in the node's filters collection. */
	name: string;
	label: string;
	/** Open Dental's query parameter, spelled exactly as Open Dental spells it; none when the node applies the filter itself. */
	param?: string;
	kind: FilterKind;
	description?: string;
	placeholder?: string;
	choices?: Choice[];
	/** Where the field's choices come from: one of the node's load-options methods. */
	loadOptionsMethod?: string;
	/** The largest value a count may take. */
	max?: number;
	/** The value the field starts with when added; by default the kind's (first choice, 0, 1, empty). */
	default?: NodeParameterValueType;
}

/** "NonPatient" → "Non Patient": Open Dental's enum names as words. */
const words = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2');

const asOption = (choice: Choice) => (typeof choice === 'string' ? { name: words(choice), value: choice } : choice);
const choiceValues = (spec: FilterSpec) => (spec.choices ?? []).map((choice) => asOption(choice).value);

const FIELD_TYPES: Record<FilterKind, Pick<INodeProperties, 'type' | 'default'>> = {
	text: { type: 'string', default: '' },
	date: { type: 'dateTime', default: '' },
	dateTime: { type: 'dateTime', default: '' },
	id: { type: 'number', default: 1 },
	idOrZero: { type: 'number', default: 0 },
	idList: { type: 'string', default: '' },
	idSet: { type: 'multiOptions', default: [] },
	count: { type: 'number', default: 1 },
	boolean: { type: 'boolean', default: false },
	choice: { type: 'options', default: '' },
};

function filterField(spec: FilterSpec): INodeProperties {
	const field: INodeProperties = { displayName: spec.label, name: spec.name, ...FIELD_TYPES[spec.kind] };
	if (spec.choices) {
		field.options = spec.choices.map(asOption);
		field.default = asOption(spec.choices[0]).value;
	}
	if (spec.loadOptionsMethod) {
		if (spec.kind !== 'idSet') Object.assign(field, { type: 'options', default: '' });
		field.typeOptions = { loadOptionsMethod: spec.loadOptionsMethod };
	}
	if (spec.default !== undefined) field.default = spec.default;
	if (spec.description) field.description = spec.description;
	if (spec.placeholder) field.placeholder = spec.placeholder;
	return field;
}

type CollectionNames = Pick<INodeProperties, 'displayName' | 'name' | 'placeholder'>;

const FILTERS: CollectionNames = { displayName: 'Filters', name: 'filters', placeholder: 'Add Filter' };

/** The operation's "Filters" collection (or another collection of specs), its fields in alphabetical order as n8n shows them. */
export function filterCollection(resource: string, operation: string, specs: FilterSpec[], names: CollectionNames = FILTERS): INodeProperties {
	return {
		...names,
		type: 'collection',
		default: {},
		displayOptions: forOperation(resource, operation),
		options: specs.map(filterField).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function idList(ctx: IExecuteFunctions, itemIndex: number, spec: FilterSpec, value: unknown): string {
	const parts = String(value).split(',').map((part) => part.trim()).filter(Boolean);
	return parts.map((part) => String(toNonNegativeInteger(ctx, itemIndex, spec, part))).join(',');
}

function convert(ctx: IExecuteFunctions, itemIndex: number, spec: FilterSpec, value: unknown, timeZone: string): string | number {
	switch (spec.kind) {
		case 'text':
			return String(value).trim();
		case 'date': {
			const date = toOfficeDate(value, timeZone);
			if (!date) throw invalidInput(ctx, itemIndex, spec, 'must be a date like 1980-05-24');
			return date;
		}
		case 'dateTime': {
			const dateTime = toOfficeDateTime(value, timeZone);
			if (!dateTime) {
				throw invalidInput(ctx, itemIndex, spec, 'must be a date-time like 2024-06-01 08:00:00 or an ISO date', JSON.stringify(String(value)).slice(0, 40));
			}
			return dateTime;
		}
		case 'id':
			return toPositiveInteger(ctx, itemIndex, spec, value);
		case 'idOrZero':
			return toNonNegativeInteger(ctx, itemIndex, spec, value);
		case 'idList':
			return idList(ctx, itemIndex, spec, value);
		case 'boolean':
			// Open Dental reads booleans as the strings "true"/"false".
			if (typeof value === 'boolean') return String(value);
			if (/^(true|false)$/i.test(String(value).trim())) return String(value).trim().toLowerCase();
			throw invalidInput(ctx, itemIndex, spec, 'must be true or false');
		case 'choice': {
			const choice = String(value).trim();
			if (!choiceValues(spec).includes(choice)) {
				throw invalidInput(ctx, itemIndex, spec, `must be one of ${choiceValues(spec).join(', ')}`, JSON.stringify(choice).slice(0, 40));
			}
			return choice;
		}
		case 'count': {
			const count = toPositiveInteger(ctx, itemIndex, spec, value);
			if (spec.max !== undefined && count > spec.max) throw invalidInput(ctx, itemIndex, spec, `must be at most ${spec.max}`, String(count));
			return count;
		}
		case 'idSet':
			return (Array.isArray(value) ? value : String(value).split(',')).map((part) => toNonNegativeInteger(ctx, itemIndex, spec, typeof part === 'string' ? part.trim() : part)).join(',');
	}
}

/** Every filter the item has, validated and converted, by filter name; blanks are left out. */
export function readFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	specs: FilterSpec[],
	filters: IDataObject,
	timeZone: string,
): Record<string, string | number> {
	const unknown = Object.keys(filters).filter((name) => !specs.some((spec) => spec.name === name));
	if (unknown.length > 0) {
		throw invalidInput(ctx, itemIndex, { label: 'Filters', name: 'filters' }, `has unknown entries: ${unknown.join(', ')}`);
	}
	const values: Record<string, string | number> = {};
	for (const spec of specs) {
		const value = filters[spec.name];
		if (isBlank(value)) continue;
		const converted = convert(ctx, itemIndex, spec, value, timeZone);
		if (converted !== '') values[spec.name] = converted;
	}
	return values;
}

/** The filters Open Dental applies, as its query parameters. */
export function toQuery(specs: FilterSpec[], values: Record<string, string | number>): IDataObject {
	const qs: IDataObject = {};
	for (const spec of specs) {
		if (spec.param && values[spec.name] !== undefined) qs[spec.param] = values[spec.name];
	}
	return qs;
}

/** Validates the item's filters and returns them as Open Dental query parameters; blanks are left out. */
export function filtersToQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	specs: FilterSpec[],
	filters: IDataObject,
	timeZone: string,
): IDataObject {
	return toQuery(specs, readFilters(ctx, itemIndex, specs, filters, timeZone));
}
