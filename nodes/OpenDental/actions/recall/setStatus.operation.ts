import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invalidInput, toNonNegativeInteger, toPositiveInteger } from '../../helpers/validation';
import { openDentalRequest } from '../../transport';
import { forOperation, patNumField } from '../shared/display';
import { readText } from '../shared/text';
import type { Operation } from '../types';

interface SetStatusParams {
	body: { PatNum: number; recallType: string; RecallStatus?: number; commlogMode: string; commlogNote?: string };
}

// PUT /recalls/Status spells the modes without spaces, unlike commlogs.
const COMMLOG_MODES = ['None', 'Email', 'Mail', 'Phone', 'InPerson', 'Text', 'EmailAndText', 'PhoneAndText'];
const MAX_NOTE_LENGTH = 10_000;

const show = forOperation('recall', 'setStatus');

const description: INodeProperties[] = [
	patNumField('recall', 'setStatus'),
	{
		displayName: 'Recall Type Name or ID',
		name: 'recallType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRecallTypes' },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: show,
	},
	{
		displayName: 'Recall Status Name or ID',
		name: 'recallStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRecallStatuses' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: show,
	},
	{
		displayName: 'Commlog Mode',
		name: 'commlogMode',
		type: 'options',
		default: 'Text',
		options: COMMLOG_MODES.map((mode) => ({ name: mode.replace(/([a-z])([A-Z])/g, '$1 $2'), value: mode })),
		description: 'How the reminder went out. Open Dental also writes a commlog (type Recall) with this mode.',
		displayOptions: show,
	},
	{
		displayName: 'Commlog Note',
		name: 'commlogNote',
		type: 'string',
		default: '',
		placeholder: 'Recall reminder sent by text',
		description: 'The note of that commlog. Empty: Open Dental writes "Recall reminder" and the status.',
		displayOptions: show,
	},
];

function parse(this: IExecuteFunctions, itemIndex: number): SetStatusParams {
	const PatNum = toPositiveInteger(this, itemIndex, { label: 'Patient ID', name: 'patNum' }, this.getNodeParameter('patNum', itemIndex));
	const recallType = readText(this, itemIndex, { label: 'Recall Type', name: 'recallType' }, 100);
	const rawStatus = this.getNodeParameter('recallStatus', itemIndex, '');
	const status = rawStatus === '' || rawStatus === null ? undefined : toNonNegativeInteger(this, itemIndex, { label: 'Recall Status', name: 'recallStatus' }, rawStatus);
	const commlogMode = String(this.getNodeParameter('commlogMode', itemIndex, 'Text'));
	if (!COMMLOG_MODES.includes(commlogMode)) {
		throw invalidInput(this, itemIndex, { label: 'Commlog Mode', name: 'commlogMode' }, `must be one of ${COMMLOG_MODES.join(', ')}`, JSON.stringify(commlogMode).slice(0, 40));
	}
	const note = String(this.getNodeParameter('commlogNote', itemIndex, '') ?? '').trim();
	return {
		body: {
			PatNum,
			recallType,
			...(status === undefined ? {} : { RecallStatus: status }),
			commlogMode,
			...(note ? { commlogNote: readText(this, itemIndex, { label: 'Commlog Note', name: 'commlogNote' }, MAX_NOTE_LENGTH, note) } : {}),
		},
	};
}

export const setStatus: Operation<SetStatusParams> = {
	description,
	parse,
	async execute({ body }, itemIndex, { connection }) {
		// Open Dental writes a commlog with every call: sent again only when the first provably did nothing.
		await openDentalRequest.call(this, connection, {
			method: 'PUT',
			path: '/recalls/Status',
			body,
			itemIndex,
			idempotent: false,
			writes: 'the recall status and its commlog',
			permission: 'Comm',
			notFoundMessage: `Patient ${body.PatNum} or its ${body.recallType} recall not found`,
		});
		return [{ ...body }];
	},
};
