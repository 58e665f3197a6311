import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invalidInput } from '../../helpers/validation';
import { openDentalRequestAllItems } from '../../transport';
import { filterCollection, readFilters, toQuery } from '../shared/filters';
import { listOptions, readLimit } from '../shared/listOptions';
import { simplifyOption } from '../shared/simplify';
import type { Operation, ParseContext } from '../types';
import { attachPatientContact, contactOptionsCollection, type ContactOptions, readContactOptions } from './contact';
import { APPOINTMENT_FILTERS } from './filters';
import { APPOINTMENT_SHORT_RECORD, shapeAppointment } from './record';
import { type Window, windowDays } from './window';

interface NodeSideFilters {
	provNum?: number;
	confirmationIn?: Set<number>;
	confirmationNotIn?: Set<number>;
}

interface GetAllParams {
	qs: IDataObject;
	limit?: number;
	simplify: boolean;
	nodeSide: NodeSideFilters;
	contact: ContactOptions;
}

const description: INodeProperties[] = [
	...listOptions('appointment', 'getAll'),
	simplifyOption('appointment', 'getAll', APPOINTMENT_SHORT_RECORD, 'Both add start (ISO with the office offset) and lengthMinutes.'),
	filterCollection('appointment', 'getAll', APPOINTMENT_FILTERS),
	contactOptionsCollection('getAll'),
];

const idSet = (value: string | number | undefined) => (value === undefined ? undefined : new Set(String(value).split(',').map(Number)));

/** Date Start / Date End from the Window, or as given; a Window other than Date Range excludes them. */
function dateRange(ctx: IExecuteFunctions, itemIndex: number, values: Record<string, string | number>, { now, timeZone }: ParseContext): IDataObject {
	const window = values.window as Window | undefined;
	const given = { dateStart: values.dateStart as string | undefined, dateEnd: values.dateEnd as string | undefined };
	if (values.days !== undefined && window !== 'nextDays') {
		throw invalidInput(ctx, itemIndex, { label: 'Days', name: 'filters.days' }, 'applies only to Window: Next N Days');
	}
	if (window && window !== 'range' && (given.dateStart || given.dateEnd)) {
		throw invalidInput(ctx, itemIndex, { label: 'Window', name: 'filters.window' }, 'must be Date Range when Date Start or Date End is set');
	}
	if (window === 'range' && !given.dateStart && !given.dateEnd) {
		throw invalidInput(ctx, itemIndex, { label: 'Window', name: 'filters.window' }, 'Date Range needs Date Start or Date End');
	}
	const range = window ? windowDays(window, now, timeZone, Number(values.days ?? 1), given) : given;
	if (range.dateStart && range.dateEnd && range.dateStart > range.dateEnd) {
		throw invalidInput(ctx, itemIndex, { label: 'Date End', name: 'filters.dateEnd' }, 'must not be before Date Start');
	}
	const qs: IDataObject = {};
	if (range.dateStart) qs.dateStart = range.dateStart;
	if (range.dateEnd) qs.dateEnd = range.dateEnd;
	return qs;
}

function parse(this: IExecuteFunctions, itemIndex: number, context: ParseContext): GetAllParams {
	const values = readFilters(this, itemIndex, APPOINTMENT_FILTERS, this.getNodeParameter('filters', itemIndex, {}) as IDataObject, context.timeZone);
	return {
		qs: { ...toQuery(APPOINTMENT_FILTERS, values), ...dateRange(this, itemIndex, values, context) },
		limit: readLimit(this, itemIndex),
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		nodeSide: {
			provNum: values.provNum as number | undefined,
			confirmationIn: idSet(values.confirmationIn),
			confirmationNotIn: idSet(values.confirmationNotIn),
		},
		contact: readContactOptions(this.getNodeParameter('options', itemIndex, {}) as IDataObject),
	};
}

function keep(appointment: IDataObject, filters: NodeSideFilters): boolean {
	if (filters.provNum !== undefined && appointment.ProvNum !== filters.provNum && appointment.ProvHyg !== filters.provNum) return false;
	const confirmed = Number(appointment.Confirmed);
	if (filters.confirmationIn && !filters.confirmationIn.has(confirmed)) return false;
	if (filters.confirmationNotIn?.has(confirmed)) return false;
	return true;
}

const hasNodeSideFilters = (filters: NodeSideFilters) => Object.values(filters).some((value) => value !== undefined);

export const getAll: Operation<GetAllParams> = {
	description,
	parse,
	async execute(params, itemIndex, context) {
		const nodeSide = hasNodeSideFilters(params.nodeSide);
		// Filters Open Dental lacks are applied to every row of the others, then the Limit.
		const rows = await openDentalRequestAllItems.call(this, context.connection, {
			path: '/appointments',
			qs: params.qs,
			idField: 'AptNum',
			limit: nodeSide ? undefined : params.limit,
			itemIndex,
		});
		let kept = nodeSide ? rows.filter((row) => keep(row, params.nodeSide)) : rows;
		if (params.limit !== undefined) kept = kept.slice(0, params.limit);
		const shaped = kept.map((row) => shapeAppointment(row, params.simplify, context.timeZone));
		return await attachPatientContact(this, shaped, params.contact, itemIndex, context);
	},
};
