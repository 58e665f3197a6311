'use strict';

const { providerAbbr } = require('../../reference-data');
const { definitionName, inCategory, CONFIRMED, RECALL_UNSCHED_STATUS } = require('../../reference/definitions');
const { NO_DATETIME } = require('../../calendar');
const { isoDateTime, bit, enumIndex } = require('../../sql/values');

// Field order of the appointment object (docs §10.1, apiappointments.html), without the
// serverDateTime the GET routes put first.
const APPOINTMENT_FIELDS = [
	'AptNum', 'PatNum', 'AptStatus', 'Pattern', 'Confirmed', 'confirmed', 'TimeLocked', 'Op', 'Note', 'ProvNum',
	'provAbbr', 'ProvHyg', 'AptDateTime', 'NextAptNum', 'UnschedStatus', 'unschedStatus', 'IsNewPatient',
	'ProcDescript', 'ClinicNum', 'IsHygiene', 'DateTStamp', 'DateTimeArrived', 'DateTimeSeated',
	'DateTimeDismissed', 'InsPlan1', 'InsPlan2', 'DateTimeAskedToArrive', 'colorOverride', 'AppointmentTypeNum',
	'SecUserNumEntry', 'SecDateTEntry', 'Priority', 'PatternSecondary', 'ItemOrderPlanned',
];

// ApptStatus in Open Dental's order (None = 0 exists in the database but is never used).
const APT_STATUSES = ['None', 'Scheduled', 'Complete', 'UnschedList', 'ASAP', 'Broken', 'Planned', 'PtNote', 'PtNoteCompleted'];
// The values GET /appointments?AptStatus= accepts.
const APT_STATUS_FILTER = APT_STATUSES.slice(1);
const PRIORITIES = ['Normal', 'ASAP'];

/** The default Confirmed of a new appointment: the first Appt Confirmed definition. */
const defaultConfirmed = () => inCategory(CONFIRMED)[0].DefNum;

// POST /appointments defaults, for fields a record is created without.
function blankAppointment() {
	return {
		AptNum: 0, PatNum: 0, AptStatus: 'Scheduled', Pattern: '/XX/', Confirmed: defaultConfirmed(), confirmed: '',
		TimeLocked: 'false', Op: 0, Note: '', ProvNum: 1, provAbbr: '', ProvHyg: 0, AptDateTime: NO_DATETIME,
		NextAptNum: 0, UnschedStatus: 0, unschedStatus: '', IsNewPatient: 'false', ProcDescript: '', ClinicNum: 0,
		IsHygiene: 'false', DateTStamp: NO_DATETIME, DateTimeArrived: NO_DATETIME, DateTimeSeated: NO_DATETIME,
		DateTimeDismissed: NO_DATETIME, InsPlan1: 0, InsPlan2: 0, DateTimeAskedToArrive: NO_DATETIME,
		colorOverride: '0,0,0', AppointmentTypeNum: 0, SecUserNumEntry: 0, SecDateTEntry: NO_DATETIME,
		Priority: 'Normal', PatternSecondary: '', ItemOrderPlanned: 0,
	};
}

// A whole appointment in documented order, with the text fields (confirmed, provAbbr,
// unschedStatus) recomputed from the keys they describe.
function completeAppointment(fields) {
	const base = blankAppointment();
	for (const name of APPOINTMENT_FIELDS) {
		if (fields[name] !== undefined && fields[name] !== null) base[name] = fields[name];
	}
	if (!base.PatternSecondary) base.PatternSecondary = '/'.repeat(base.Pattern.length);
	base.confirmed = definitionName(CONFIRMED, base.Confirmed);
	base.provAbbr = providerAbbr(base.ProvNum);
	base.unschedStatus = definitionName(RECALL_UNSCHED_STATUS, base.UnschedStatus);
	const ordered = {};
	for (const name of APPOINTMENT_FIELDS) ordered[name] = base[name];
	return ordered;
}

// ColorOverride is an ARGB integer in the database; "0,0,0" is no override (Color.Empty, 0).
function colorToInt(text) {
	const [red, green, blue] = text.split(',').map(Number);
	if (red === 0 && green === 0 && blue === 0) return 0;
	return ((0xff << 24) | (red << 16) | (green << 8) | blue) | 0;
}

// The appointment table's columns (those the simulator keeps), in database order.
const SQL_COLUMNS = [
	'AptNum', 'PatNum', 'AptStatus', 'Pattern', 'Confirmed', 'TimeLocked', 'Op', 'Note', 'ProvNum', 'ProvHyg',
	'AptDateTime', 'NextAptNum', 'UnschedStatus', 'IsNewPatient', 'ProcDescript', 'ClinicNum', 'IsHygiene',
	'DateTStamp', 'DateTimeArrived', 'DateTimeSeated', 'DateTimeDismissed', 'InsPlan1', 'InsPlan2',
	'DateTimeAskedToArrive', 'ColorOverride', 'AppointmentTypeNum', 'SecUserNumEntry', 'SecDateTEntry', 'Priority',
	'PatternSecondary', 'ItemOrderPlanned',
];

/** An appointment as the database stores it. */
function appointmentSqlRow(apt) {
	return {
		AptNum: apt.AptNum, PatNum: apt.PatNum, AptStatus: enumIndex(APT_STATUSES, apt.AptStatus), Pattern: apt.Pattern,
		Confirmed: apt.Confirmed, TimeLocked: bit(apt.TimeLocked), Op: apt.Op, Note: apt.Note, ProvNum: apt.ProvNum,
		ProvHyg: apt.ProvHyg, AptDateTime: isoDateTime(apt.AptDateTime), NextAptNum: apt.NextAptNum,
		UnschedStatus: apt.UnschedStatus, IsNewPatient: bit(apt.IsNewPatient), ProcDescript: apt.ProcDescript,
		ClinicNum: apt.ClinicNum, IsHygiene: bit(apt.IsHygiene), DateTStamp: isoDateTime(apt.DateTStamp),
		DateTimeArrived: isoDateTime(apt.DateTimeArrived), DateTimeSeated: isoDateTime(apt.DateTimeSeated),
		DateTimeDismissed: isoDateTime(apt.DateTimeDismissed), InsPlan1: apt.InsPlan1, InsPlan2: apt.InsPlan2,
		DateTimeAskedToArrive: isoDateTime(apt.DateTimeAskedToArrive), ColorOverride: colorToInt(apt.colorOverride),
		AppointmentTypeNum: apt.AppointmentTypeNum, SecUserNumEntry: apt.SecUserNumEntry,
		SecDateTEntry: isoDateTime(apt.SecDateTEntry), Priority: enumIndex(PRIORITIES, apt.Priority),
		PatternSecondary: apt.PatternSecondary, ItemOrderPlanned: apt.ItemOrderPlanned,
	};
}

module.exports = { APPOINTMENT_FIELDS, APT_STATUSES, APT_STATUS_FILTER, SQL_COLUMNS, completeAppointment, appointmentSqlRow };
