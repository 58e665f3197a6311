import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { noteField, readText } from '../shared/text';
import type { Operation } from '../types';
import { aptNumField, aptPath, readAptNum } from './fields';
import { writeAppointment } from './write';

interface AppendNoteParams {
	aptNum: number;
	note: string;
}

// An appointment note is read on the appointment book; a page of text is a document, not a note.
const MAX_NOTE_LENGTH = 2000;

const description: INodeProperties[] = [
	aptNumField('appendNote'),
	noteField(
		'appointment',
		'appendNote',
		'Reminder texted 2026-12-01',
		`Added as a new line below the appointment's note (at most ${MAX_NOTE_LENGTH} characters). Staff see it on the appointment.`,
	),
];

export const appendNote: Operation<AppendNoteParams> = {
	description,
	parse(this: IExecuteFunctions, itemIndex: number) {
		return { aptNum: readAptNum(this, itemIndex), note: readText(this, itemIndex, { label: 'Note', name: 'note' }, MAX_NOTE_LENGTH) };
	},
	async execute({ aptNum, note }, itemIndex, context) {
		// Appending twice adds the line twice: sent again only when the first attempt provably did nothing.
		await writeAppointment(this, aptNum, { path: aptPath(aptNum, 'Note'), body: { Note: note }, idempotent: false, writes: 'the note' }, itemIndex, context);
		return [{ AptNum: aptNum, noteAppended: note }];
	},
};
