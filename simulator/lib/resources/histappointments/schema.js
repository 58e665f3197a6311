'use strict';

const { completeAppointment } = require('../appointments/schema');
const { NO_DATETIME } = require('../../calendar');

// Open Dental's HistAppointmentAction, in its order.
const HIST_ACTIONS = ['Created', 'Changed', 'Missed', 'Cancelled', 'Deleted'];

// HistUserNum of a write. The control API stands in for staff editing in Open Dental (user 1); a
// REST API write has no Open Dental user (0). Which user the real API records is unconfirmed; the
// two differ here so a client can tell its own writes from the office's.
const OFFICE_USER = 1;
const API_USER = 0;

/**
 * A history row: the histappointment columns of its own first, then the appointment as it stood
 * after the write (for Deleted, as it last stood). ApptSource is always "None" in the simulator.
 */
function completeHistAppointment(f) {
	return {
		HistApptNum: f.HistApptNum ?? 0, HistUserNum: f.HistUserNum ?? OFFICE_USER, HistDateTStamp: f.HistDateTStamp ?? NO_DATETIME,
		HistApptAction: f.HistApptAction ?? 'Changed', ApptSource: f.ApptSource ?? 'None',
		...completeAppointment(f),
	};
}

module.exports = { HIST_ACTIONS, OFFICE_USER, API_USER, completeHistAppointment };
