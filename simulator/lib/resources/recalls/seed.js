'use strict';

const { mulberry32, randomInt, pick, pickWeighted } = require('../../prng');
const { recallTypeByNum, parseInterval } = require('../../reference/recall-types');
const {
	NO_DATE, DAY_SECONDS, dateOfDay, dayOfDate, dateTimeOfSecond, addMonths,
} = require('../../calendar');
const { completeRecall } = require('./schema');

// Recalls of the seeded patients of status Patient: Prophy for most, Perio for some, both for a
// few, none for a handful. Due dates fall from 200 days before to 60 days after the anchor day;
// recalls due soon or overdue may have been reminded (NumRemind, DateLastRemind) and carry a
// recall status. A patient with a hygiene appointment ahead has DateScheduled set, as scheduling
// it does in Open Dental. Every stamp is before the anchor day.

const TYPE_SETS = [[[1], 80], [[2], 15], [[1, 2], 3], [[], 2]];
const STATUS_WEIGHTS = [[140, 3], [141, 2], [142, 2], [143, 2], [144, 1]];
const REMIND_WEIGHTS = [[0, 6], [1, 2], [2, 1], [3, 0.5]];
const NOTES = ['Prefers Tuesday mornings', 'Call after 3pm', 'Wants to coordinate with spouse', 'Premed before cleaning'];

// The day an interval before `day` ("6m1d": six months and a day earlier).
const INTERVALS = new Map();
function dayBefore(day, interval) {
	if (!INTERVALS.has(interval)) INTERVALS.set(interval, parseInterval(interval));
	const { years, months, weeks, days } = INTERVALS.get(interval);
	return addMonths(day, -(years * 12 + months)) - weeks * 7 - days;
}

const randomSecond = (rng, day) => day * DAY_SECONDS + 8 * 3600 + randomInt(rng, 0, 10 * 3600 - 1);

function makeRecall(rng, recallNum, patNum, typeNum, anchorDay, dateScheduled) {
	const interval = recallTypeByNum(typeNum).DefaultInterval;
	const dueDay = anchorDay + randomInt(rng, -200, 60);
	const firstVisit = rng() < 0.1;
	const previousDay = dayBefore(dueDay, interval);
	const numRemind = dueDay <= anchorDay + 30 ? pickWeighted(rng, REMIND_WEIGHTS) : 0;
	// Reminders go out from a month before the due date, and never after the anchor day.
	const remindDay = numRemind > 0 ? randomInt(rng, Math.min(dueDay - 30, anchorDay - 1), anchorDay - 1) : null;
	const status = rng() < (numRemind > 0 ? 0.6 : 0.1) ? pickWeighted(rng, STATUS_WEIGHTS) : 0;
	const stampDay = remindDay ?? Math.min(previousDay + randomInt(rng, 0, 3), anchorDay - 1);
	return completeRecall({
		RecallNum: recallNum,
		PatNum: patNum,
		DateDue: dateOfDay(dueDay),
		DatePrevious: firstVisit ? NO_DATE : dateOfDay(previousDay),
		RecallInterval: interval,
		RecallStatus: status,
		Note: rng() < 0.08 ? pick(rng, NOTES) : '',
		IsDisabled: String(rng() < 0.04),
		DateTStamp: dateTimeOfSecond(randomSecond(rng, stampDay)),
		RecallTypeNum: typeNum,
		DateScheduled: dateScheduled,
		Priority: rng() < 0.03 ? 'ASAP' : 'Normal',
		NumRemind: numRemind,
		DateLastRemind: remindDay === null ? NO_DATE : dateOfDay(remindDay),
	});
}

// The first hygiene appointment still ahead, per patient: the day their recall is scheduled for.
function scheduledHygiene(appointments, anchorDay) {
	const byPatient = new Map();
	const from = `${dateOfDay(anchorDay)} 00:00:00`;
	for (const apt of appointments) {
		if (apt.AptStatus !== 'Scheduled' || apt.IsHygiene !== 'true' || apt.AptDateTime < from) continue;
		const day = apt.AptDateTime.slice(0, 10);
		if (!byPatient.has(apt.PatNum) || day < byPatient.get(apt.PatNum)) byPatient.set(apt.PatNum, day);
	}
	return byPatient;
}

// Deterministic for (config.seed, the anchor day, the patients and appointments); its own PRNG stream.
function generateRecalls({ config, today, seeded }) {
	const rng = mulberry32(config.seed * 7919 + 202);
	const anchorDay = dayOfDate(config.appointments.anchorDate ?? today);
	const scheduled = scheduledHygiene(seeded.appointment || [], anchorDay);
	const recalls = [];
	for (const patient of seeded.patient || []) {
		if (patient.PatStatus !== 'Patient') continue;
		for (const typeNum of pickWeighted(rng, TYPE_SETS)) {
			const dateScheduled = typeNum <= 2 && scheduled.has(patient.PatNum) ? scheduled.get(patient.PatNum) : NO_DATE;
			recalls.push(makeRecall(rng, recalls.length + 1, patient.PatNum, typeNum, anchorDay, dateScheduled));
		}
	}
	return recalls;
}

module.exports = { generateRecalls };
