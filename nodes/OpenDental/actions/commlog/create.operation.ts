import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toPositiveInteger } from '../../helpers/validation';
import { openDentalRequest } from '../../transport';
import { patNumField } from '../shared/display';
import { filterCollection, readFilters, toQuery, type FilterSpec } from '../shared/filters';
import { noteField, readText } from '../shared/text';
import type { Operation, ParseContext } from '../types';

interface CreateParams {
	body: IDataObject;
}

export const COMMLOG_MODES = ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text', 'Email and Text', 'Phone and Text'];

// Open Dental's commlog note is a text column; a reminder's record needs a few lines.
const MAX_NOTE_LENGTH = 10_000;

// Read like filters: declared once, validated before any request.
const ADDITIONAL: FilterSpec[] = [
	{ name: 'mode', label: 'Mode', param: 'Mode_', kind: 'choice', choices: COMMLOG_MODES.map((mode) => ({ name: mode, value: mode })), default: 'Text', description: 'How the patient was contacted. Without it Open Dental records Phone.' },
	{ name: 'sentOrReceived', label: 'Sent or Received', param: 'SentOrReceived', kind: 'choice', choices: ['Sent', 'Received', 'Neither'], description: 'Sent by the office (default) or received from the patient' },
	{ name: 'commType', label: 'Type Name or ID', param: 'commType', kind: 'text', loadOptionsMethod: 'getCommlogTypes', description: 'The commlog type (default ApptRelated, as reminders use). Choose from the list, or specify a name using an expression.' },
	{ name: 'commDateTime', label: 'Date-Time', param: 'CommDateTime', kind: 'dateTime', description: "When it happened, in the office's time zone. Default: Open Dental's now." },
];

const description: INodeProperties[] = [
	patNumField('commlog', 'create'),
	noteField(
		'commlog',
		'create',
		'Appointment reminder sent by text',
		`What was said or sent (at most ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters). Staff see it in the patient's Comm Log.`,
	),
	filterCollection('commlog', 'create', ADDITIONAL, { displayName: 'Additional Fields', name: 'additionalFields', placeholder: 'Add Field' }),
];

function parse(this: IExecuteFunctions, itemIndex: number, { timeZone }: ParseContext): CreateParams {
	const patNum = toPositiveInteger(this, itemIndex, { label: 'Patient ID', name: 'patNum' }, this.getNodeParameter('patNum', itemIndex));
	const note = readText(this, itemIndex, { label: 'Note', name: 'note' }, MAX_NOTE_LENGTH);
	const extra = readFilters(this, itemIndex, ADDITIONAL, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, timeZone);
	const body: IDataObject = { PatNum: patNum, Note: note, commType: 'ApptRelated' };
	return { body: { ...body, ...toQuery(ADDITIONAL, extra) } };
}

export const create: Operation<CreateParams> = {
	description,
	parse,
	async execute({ body }, itemIndex, { connection }) {
		// A second POST would write a second commlog: sent again only when the first provably did nothing.
		const created = await openDentalRequest.call(this, connection, {
			method: 'POST',
			path: '/commlogs',
			body,
			itemIndex,
			idempotent: false,
			writes: 'the commlog',
			permission: 'Comm',
		});
		// Open Dental before 23.3.7 answers 201 without the record.
		return [created && typeof created === 'object' && !Array.isArray(created) ? (created as IDataObject) : { ...body }];
	},
};
