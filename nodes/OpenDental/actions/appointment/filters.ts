import type { FilterSpec } from '../shared/filters';

export const APPOINTMENT_STATUSES = ['Scheduled', 'Complete', 'UnschedList', 'Broken', 'Planned', 'PtNote', 'PtNoteCompleted'];

// Most days fit in one read; a longer window is a report, better read with Date Start and Date End.
const MAX_WINDOW_DAYS = 92;

/** Get Many's filters: those Open Dental applies (with a param) and those the node applies. */
export const APPOINTMENT_FILTERS: FilterSpec[] = [
	{
		name: 'window',
		label: 'Window',
		kind: 'choice',
		choices: [
			{ name: 'Today', value: 'today' },
			{ name: 'Tomorrow', value: 'tomorrow' },
			{ name: 'Next N Days', value: 'nextDays' },
			{ name: 'Date Range', value: 'range' },
		],
		default: 'tomorrow',
		description:
			"Days in the office's time zone (the credential's Office Time Zone, else the workflow's). Next N Days: tomorrow through N days from today. Date Range: Date Start and Date End.",
	},
	{ name: 'days', label: 'Days', kind: 'count', max: MAX_WINDOW_DAYS, description: 'N for Window: Next N Days' },
	// Sent as dateStart / dateEnd together with the Window (see getAll).
	{ name: 'dateStart', label: 'Date Start', kind: 'date', description: 'First day (office time), inclusive' },
	{ name: 'dateEnd', label: 'Date End', kind: 'date', description: 'Last day (office time), inclusive' },
	{ name: 'aptStatus', label: 'Status', param: 'AptStatus', kind: 'choice', choices: APPOINTMENT_STATUSES },
	{ name: 'patNum', label: 'Patient ID', param: 'PatNum', kind: 'id', description: 'PatNum of the patient' },
	{ name: 'clinicNum', label: 'Clinic', param: 'ClinicNum', kind: 'idOrZero', loadOptionsMethod: 'getClinics', description: 'Choose from the list, or specify an ID using an expression; 0 = no clinic' },
	{ name: 'op', label: 'Operatory', param: 'Op', kind: 'id', loadOptionsMethod: 'getOperatories', description: 'Choose from the list, or specify an ID using an expression' },
	{
		name: 'provNum',
		label: 'Provider',
		kind: 'id',
		loadOptionsMethod: 'getProviders',
		description: 'Dentist or hygienist of the appointment. Applied by the node (Open Dental has no such filter), so every appointment of the other filters is read. Choose from the list, or specify an ID using an expression.',
	},
	{
		name: 'appointmentTypeNum',
		label: 'Appointment Type',
		param: 'AppointmentTypeNum',
		kind: 'id',
		loadOptionsMethod: 'getAppointmentTypes',
		description: 'Choose from the list, or specify an ID using an expression (Open Dental 24.4.22 and later)',
	},
	{
		name: 'updatedSince',
		label: 'Updated Since',
		param: 'DateTStamp',
		kind: 'dateTime',
		description: "Only appointments changed at or after this time, in the office's time zone. Store each run's serverDateTime for the next run.",
	},
	{
		name: 'confirmationIn',
		label: 'Confirmation Status In',
		kind: 'idSet',
		loadOptionsMethod: 'getConfirmationStatuses',
		description: 'Only appointments with one of these confirmation statuses. Applied by the node (Open Dental has no such filter), so every appointment of the other filters is read.',
	},
	{
		name: 'confirmationNotIn',
		label: 'Confirmation Status Not In',
		kind: 'idSet',
		loadOptionsMethod: 'getConfirmationStatuses',
		description: 'Leave out appointments with these confirmation statuses, e.g. those already confirmed. Applied by the node, like Confirmation Status In.',
	},
];
