'use strict';

// Appointment types (Setup > Appointment Types): what the schedule is booked with. Patterns are in
// 5-minute steps; ProcDescript is how the attached procedures read on the appointment.
function appointmentType(AppointmentTypeNum, AppointmentTypeName, appointmentTypeColor, Pattern, CodeStr, ProcDescript, hygiene) {
	return Object.freeze({
		AppointmentTypeNum, AppointmentTypeName, appointmentTypeColor, ItemOrder: AppointmentTypeNum - 1,
		IsHidden: 'false', Pattern, CodeStr, CodeStrRequired: '', RequiredProcCodesNeeded: 'None', BlockoutTypes: '',
		ProcDescript, hygiene,
	});
}

const APPOINTMENT_TYPES = Object.freeze([
	appointmentType(1, 'New Patient Exam', '93,54,220', '//XXXXXXXX//', 'D0150,D0210,D1110', 'CompEx, FMX, Pro', false),
	appointmentType(2, 'Cleaning', '74,190,61', '/XXXXXXXX/', 'D0120,D1110,D0274', 'PerEx, Pro, 4BW', true),
	appointmentType(3, 'Crown Prep', '200,120,40', '//XXXXXXXXXXXXXX//', 'D2740', 'Crn', false),
	appointmentType(4, 'Emergency', '220,40,40', '/XXXX/', 'D0140,D0220', 'LimEx, PA', false),
	appointmentType(5, 'Perio Maintenance', '40,120,200', '//XXXXXXXX//', 'D4910,D0120', 'PerioMaint, PerEx', true),
]);

const appointmentTypeByNum = (num) => APPOINTMENT_TYPES.find((type) => type.AppointmentTypeNum === num) || null;

module.exports = { APPOINTMENT_TYPES, appointmentTypeByNum };
