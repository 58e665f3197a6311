import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { forOperation } from '../../shared/display';
import type { OperationContext } from '../../types';
import { contactsByQuery, PATIENTS_PER_QUERY } from './byQuery';
import { contactWithVerdict, type UnknownTextConsent } from './consent';
import { contactsPerPatient } from './perPatient';

export type PatientLookup = 'perPatient' | 'query';

export interface ContactOptions {
	include: boolean;
	lookup: PatientLookup;
	unknownTextConsent: UnknownTextConsent;
}

/** The contact options inside an operation's Options collection. */
const CONTACT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Include Patient Contact',
		name: 'includePatientContact',
		type: 'boolean',
		default: false,
		description:
			"Whether to add each appointment's patient: name, preferred name, wireless phone, email, TxtMsgOk, preferred confirm and contact method, language, and canText / canEmail with the reason when not. Each patient is read once per execution.",
	},
	{
		displayName: 'Patient Lookup',
		name: 'patientLookup',
		type: 'options',
		default: 'perPatient',
		description: 'How patients are read when Include Patient Contact is on',
		options: [
			{
				name: 'One Request per Patient',
				value: 'perPatient',
				description: 'Any key. One request per distinct patient: 5 s each on a free key. Opt-outs from automated messaging are not visible (optOut is null).',
			},
			{
				name: 'One Query per 100 Patients',
				value: 'query',
				description: `Needs the Queries permission ($15 a month). One read-only query per ${PATIENTS_PER_QUERY} distinct patients, and canText / canEmail also honour the office's automated-messaging opt-outs.`,
			},
		],
	},
	{
		displayName: 'Text Consent Unknown Means',
		name: 'unknownTextConsent',
		type: 'options',
		default: 'no',
		description:
			"How canText treats a patient whose TxtMsgOk is Unknown. Match Open Dental's setting \"Text Msg Ok status treat as No\" (Setup > Preferences > Family) so the office's own rules decide.",
		options: [
			{ name: 'Not Allowed', value: 'no' },
			{ name: 'Allowed', value: 'yes' },
		],
	},
];

/** The Options collection of an appointment read: the contact options. */
export function contactOptionsCollection(operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: forOperation('appointment', operation),
		options: CONTACT_OPTIONS,
	};
}

export function readContactOptions(options: IDataObject): ContactOptions {
	return {
		include: options.includePatientContact === true,
		lookup: options.patientLookup === 'query' ? 'query' : 'perPatient',
		unknownTextConsent: options.unknownTextConsent === 'yes' ? 'yes' : 'no',
	};
}

// A patient Open Dental no longer has is never messaged, and the workflow's filters still work.
const notFound = (patNum: unknown): IDataObject => ({
	PatNum: patNum as number,
	canText: false,
	canEmail: false,
	noTextReason: 'patient not found',
	noEmailReason: 'patient not found',
});

/** Adds `patient` to each appointment: one lookup per distinct patient (or per 100 with the query), shared across the execution's items. */
export async function attachPatientContact(
	ctx: IExecuteFunctions,
	appointments: IDataObject[],
	options: ContactOptions,
	itemIndex: number,
	context: OperationContext,
): Promise<IDataObject[]> {
	if (!options.include || appointments.length === 0) return appointments;
	const patNums = [...new Set(appointments.map((appointment) => Number(appointment.PatNum)).filter((patNum) => Number.isSafeInteger(patNum) && patNum > 0))];
	const read = options.lookup === 'query' ? contactsByQuery : contactsPerPatient;
	const contacts = await read(ctx, patNums, itemIndex, context);
	return appointments.map((appointment) => {
		const contact = contacts.get(Number(appointment.PatNum));
		return { ...appointment, patient: contact ? contactWithVerdict(contact, options.unknownTextConsent) : notFound(appointment.PatNum) };
	});
}
