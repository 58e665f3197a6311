import type { IDataObject } from 'n8n-workflow';

// How the recall list renders the preferred recall method before the number ("Text:(541)555-1234").
const CONTACT_LABELS: Record<string, string> = {
	text: 'Text',
	cell: 'WirelessPhone',
	wireless: 'WirelessPhone',
	'wireless ph': 'WirelessPhone',
	hm: 'HomePhone',
	home: 'HomePhone',
	wk: 'WorkPhone',
	work: 'WorkPhone',
	email: 'Email',
};

const CONTACT_WORDS: Record<string, string> = { mail: 'Mail', 'do not call': 'DoNotCall', 'see notes': 'SeeNotes', none: 'None' };

/** Open Dental's "M/d/yyyy" as "yyyy-MM-dd"; null when blank or not a date. */
export function usDateToIso(value: unknown): string | null {
	const match = typeof value === 'string' ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value) : null;
	if (!match) return null;
	const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1753) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Contact text split into how to reach the patient and where: "Text:(541)555-1234" → Text, (541)555-1234. */
export function splitContact(value: unknown): { contactMethod: string | null; contactValue: string } {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return { contactMethod: null, contactValue: '' };
	const labelled = /^([A-Za-z][A-Za-z ]{0,20}):\s*(.*)$/.exec(text);
	if (labelled) {
		const label = labelled[1].trim();
		return { contactMethod: CONTACT_LABELS[label.toLowerCase()] ?? label, contactValue: labelled[2].trim() };
	}
	if (/^[^\s@]+@[^\s@]+$/.test(text)) return { contactMethod: 'Email', contactValue: text };
	const word = CONTACT_WORDS[text.toLowerCase()];
	return word ? { contactMethod: word, contactValue: '' } : { contactMethod: null, contactValue: text };
}

/** A recall list row with its dates as ISO and its contact split; Open Dental's own fields stay as they came. */
export function normaliseRecallRow(row: IDataObject): IDataObject {
	const reminders = Number(row.NumRemind);
	return {
		...row,
		dueDate: usDateToIso(row.DueDate),
		lastReminded: usDateToIso(row.LastRemind),
		reminders: Number.isSafeInteger(reminders) ? reminders : 0,
		...splitContact(row.Contact),
	};
}
