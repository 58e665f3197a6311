import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { openDentalRequestAllItems } from '../../transport';
import { forOperation } from '../shared/display';
import { filterCollection, type FilterSpec, filtersToQuery } from '../shared/filters';
import { listOptions, readLimit } from '../shared/listOptions';
import type { Operation } from '../types';
import { normaliseRecallRow } from './listRow';

interface GetListParams {
	qs: IDataObject;
	limit?: number;
}

const FILTERS: FilterSpec[] = [
	{ name: 'dateStart', label: 'Due From', param: 'DateStart', kind: 'date', description: "First due date. Default: the office's Recall List setting (days past)." },
	{ name: 'dateEnd', label: 'Due To', param: 'DateEnd', kind: 'date', description: "Last due date. Default: the office's Recall List setting (days ahead)." },
	{ name: 'provNum', label: 'Provider', param: 'ProvNum', kind: 'id', loadOptionsMethod: 'getProviders', description: 'Primary or secondary provider. Choose from the list, or specify an ID using an expression.' },
	{ name: 'clinicNum', label: 'Clinic', param: 'ClinicNum', kind: 'idOrZero', loadOptionsMethod: 'getClinics', description: 'Choose from the list, or specify an ID using an expression; 0 = unassigned' },
	{ name: 'recallType', label: 'Recall Type', param: 'RecallType', kind: 'text', loadOptionsMethod: 'getRecallTypes', description: 'E.g. Prophy or Perio. Default: the types the office shows in its Recall List.' },
	{ name: 'includeReminded', label: 'Include Already Reminded', param: 'IncludeReminded', kind: 'boolean', description: 'Whether to include patients who were already sent a reminder for this recall' },
];

const description: INodeProperties[] = [
	{
		displayName:
			"The office's Recall List, as Open Dental shows it: due date, patient, type, reminders so far and the preferred recall contact. The node adds dueDate and lastReminded as yyyy-MM-dd and splits Contact into contactMethod and contactValue.",
		name: 'recallListNotice',
		type: 'notice',
		default: '',
		displayOptions: forOperation('recall', 'getList'),
	},
	...listOptions('recall', 'getList'),
	filterCollection('recall', 'getList', FILTERS),
];

export const getList: Operation<GetListParams> = {
	description,
	parse(itemIndex, { timeZone }) {
		return {
			qs: filtersToQuery(this, itemIndex, FILTERS, this.getNodeParameter('filters', itemIndex, {}) as IDataObject, timeZone),
			limit: readLimit(this, itemIndex),
		};
	},
	async execute(params, itemIndex, { connection }) {
		// The list has no recall ID: a patient due for two types has two rows.
		const rows = await openDentalRequestAllItems.call(this, connection, { path: '/recalls/List', qs: params.qs, idField: ['PatNum', 'Type'], limit: params.limit, itemIndex });
		return rows.map(normaliseRecallRow);
	},
};
