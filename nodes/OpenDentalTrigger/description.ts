import type { INodeProperties } from 'n8n-workflow';
import { APPOINTMENT_STATUSES } from '../OpenDental/actions/appointment/filters';

const PATIENT_EVENTS = ['patientCreated', 'patientUpdated'];
const APPOINTMENT_EVENTS = ['appointmentCreated', 'appointmentUpdated', 'appointmentChanged', 'appointmentDeleted'];

const PATIENT_STATUSES = ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deceased', 'Prospective'];

export const TRIGGER_PROPERTIES: INodeProperties[] = [
	{
		displayName:
			'Each poll reads only what changed since the last one, by Open Dental\'s own clock. The first activation emits nothing and starts from the office\'s "now" (see Options). "Fetch Test Event" shows up to 5 records changed in the 30 days before the last poll and changes nothing.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['patientCreated', 'patientUpdated'],
		description: 'What to emit; all about one kind of record (patients, appointments or commlogs)',
		options: [
			{ name: 'Appointment Changed (Chosen Fields)', value: 'appointmentChanged', description: 'An appointment whose status, time, confirmation, operatory or provider changed, with the previous values' },
			{ name: 'Appointment Created', value: 'appointmentCreated' },
			{ name: 'Appointment Deleted', value: 'appointmentDeleted', description: "From the appointment history; needs Open Dental 23.1.30 or later" },
			{ name: 'Appointment Updated', value: 'appointmentUpdated', description: 'Any change to an appointment, including ones Open Dental makes itself' },
			{ name: 'Commlog Created', value: 'commlogCreated', description: 'Needs Open Dental 25.1.13 or later' },
			{ name: 'Patient Created', value: 'patientCreated' },
			{ name: 'Patient Updated', value: 'patientUpdated', description: 'Any change to a patient, including ones Open Dental makes itself' },
		],
	},
	{
		displayName: 'Watch Fields',
		name: 'watchFields',
		type: 'multiOptions',
		default: ['status', 'time', 'confirmation'],
		description: 'For Appointment Changed: which changes count. Each item lists them in changedFields, with their previous values in previous.',
		displayOptions: { show: { events: ['appointmentChanged'] } },
		options: [
			{ name: 'Confirmation', value: 'confirmation', description: 'Confirmed (the confirmation status)' },
			{ name: 'Operatory', value: 'operatory', description: 'Op' },
			{ name: 'Provider', value: 'provider', description: 'ProvNum or ProvHyg' },
			{ name: 'Status', value: 'status', description: 'AptStatus, e.g. Scheduled to Broken' },
			{ name: 'Time', value: 'time', description: 'AptDateTime or the length' },
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Sent to Open Dental with every read',
		displayOptions: { show: { events: [...PATIENT_EVENTS, ...APPOINTMENT_EVENTS] } },
		options: [
			{
				displayName: 'Appointment Status',
				name: 'aptStatus',
				type: 'options',
				default: 'Scheduled',
				description: 'Only appointments with this status (as they are now)',
				options: APPOINTMENT_STATUSES.map((status) => ({ name: status, value: status })),
				displayOptions: { show: { '/events': APPOINTMENT_EVENTS } },
			},
			{
				displayName: 'Clinic Name or ID',
				name: 'clinicNum',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getClinics' },
				default: '',
				description: 'Only records of this clinic. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Patient Status',
				name: 'patStatus',
				type: 'options',
				default: 'Patient',
				description: 'Only patients with this status (as they are now)',
				options: PATIENT_STATUSES.map((status) => ({ name: status, value: status })),
				displayOptions: { show: { '/events': PATIENT_EVENTS } },
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return the short record, as the Open Dental node does (never SSN), instead of the full record',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Existing Records',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first activation emits every record there is (a backfill, read a page budget per poll) instead of starting from now',
			},
			{
				displayName: 'Pages Per Poll',
				name: 'pagesPerPoll',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1000 },
				default: 0,
				description:
					"Most pages one poll reads; a longer window goes on in the next poll. 0 = a minute's worth at the credential's pace (12 on a free key, 60 on a paid one).",
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					"The first activation emits what changed since this office time instead of starting from now. Changing it later starts the trigger afresh.",
			},
		],
	},
];
