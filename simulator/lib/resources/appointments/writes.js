'use strict';

const { HttpError, Reply } = require('../../respond');
const { bodyObject, has, requiredText, optionalEnum } = require('../../body-fields');
const { ECONFIRM_NAMES } = require('../../config');
const { definition, inCategory, CONFIRMED } = require('../../reference/definitions');
const { commlogType } = require('../commlogs/schema');
const { API_USER } = require('../histappointments/schema');

// The Comm-permission writes on an appointment (apiappointments.html). Each answers 200 with no
// body. A write that changes nothing stores nothing, so DateTStamp stays and nothing "changed".

const CONFIRM_VALUES = ['None', ...ECONFIRM_NAMES];
const done = () => new Reply(200);

function appointmentOf(sim, aptNum) {
	const appointment = sim.table('appointment').get(aptNum);
	if (!appointment) throw new HttpError(404, 'Appointment not found.');
	return appointment;
}

// confirmVal through the office's eConfirmation settings; "None" is the first Appt Confirmed
// definition, the status every new appointment starts with.
function mappedConfirmation(confirmVal, mapping) {
	if (!CONFIRM_VALUES.includes(confirmVal)) throw new HttpError(400, `confirmVal must be one of: ${CONFIRM_VALUES.join(', ')}.`);
	if (confirmVal === 'None') return inCategory(CONFIRMED)[0].DefNum;
	if (mapping === null) {
		throw new HttpError(400, `confirmVal "${confirmVal}" needs the eConfirmation statuses set in eServices Setup > Automated Messaging; send a defNum instead.`);
	}
	return mapping[confirmVal];
}

function chosenDefinition(defNum) {
	const def = Number.isInteger(defNum) ? definition(CONFIRMED, defNum) : null;
	if (!def || def.IsHidden) throw new HttpError(400, 'defNum must be the DefNum of a visible Appt Confirmed definition (Category 2).');
	return def.DefNum;
}

// PUT /appointments/{AptNum}/Confirm: "Only one field is allowed in the JSON object, either
// confirmVal or defNum."
function confirm({ params, body, sim }) {
	const appointment = appointmentOf(sim, params.id);
	const fields = bodyObject(body);
	const names = Object.keys(fields);
	const given = names.filter((name) => name === 'confirmVal' || name === 'defNum');
	if (given.length === 2) throw new HttpError(400, 'Only one of confirmVal or defNum is allowed.');
	if (given.length === 0) throw new HttpError(400, 'confirmVal or defNum is required.');
	if (names.length > 1) throw new HttpError(400, `Only one field is allowed: ${given[0]}. Remove ${names.find((n) => n !== given[0])}.`);
	const defNum = given[0] === 'confirmVal' ? mappedConfirmation(fields.confirmVal, sim.config.eConfirmMapping) : chosenDefinition(fields.defNum);
	if (defNum !== appointment.Confirmed) sim.edit('appointment', appointment.AptNum, { Confirmed: defNum }, { userNum: API_USER });
	return done();
}

// PUT /appointments/{AptNum}/Break. breakType would add a D9986/D9987 procedure; the simulator
// keeps no procedures, so it is checked and otherwise only named in the commlog.
function breakAppointment({ params, body, sim }) {
	const appointment = appointmentOf(sim, params.id);
	const fields = bodyObject(body);
	if (!has(fields, 'sendToUnscheduledList')) throw new HttpError(400, 'sendToUnscheduledList is required.');
	const toUnscheduledList = fields.sendToUnscheduledList;
	if (toUnscheduledList !== 'true' && toUnscheduledList !== 'false') {
		throw new HttpError(400, 'sendToUnscheduledList must be "true" or "false".');
	}
	const breakType = optionalEnum(fields, 'breakType', ['Missed', 'Cancelled'], null);
	if (appointment.AptStatus !== 'Scheduled') throw new HttpError(400, 'Only appointments with a status of Scheduled can be broken.');
	const fieldsAfter = toUnscheduledList === 'true' ? { AptStatus: 'UnschedList', Op: 0 } : { AptStatus: 'Broken' };
	// History names the break as Missed or Cancelled when the type is given, as Open Dental's does.
	sim.edit('appointment', appointment.AptNum, fieldsAfter, { action: breakType ?? 'Changed', userNum: API_USER });
	if (sim.config.breakCreatesCommlog) {
		sim.insert('commlog', {
			PatNum: appointment.PatNum, CommType: commlogType('ApptRelated'), Mode_: 'None', SentOrReceived: 'Neither',
			Note: `Appt BROKEN for ${appointment.ProcDescript} ${appointment.AptDateTime}${breakType ? ` (${breakType})` : ''}`,
		});
	}
	return done();
}

// PUT /appointments/{AptNum}/Note: "If a note already exists, a CR is included before the new note."
function appendNote({ params, body, sim }) {
	const appointment = appointmentOf(sim, params.id);
	const note = requiredText(bodyObject(body), 'Note');
	sim.edit('appointment', appointment.AptNum, { Note: appointment.Note ? `${appointment.Note}\r\n${note}` : note }, { userNum: API_USER });
	return done();
}

module.exports = { confirm, breakAppointment, appendNote };
