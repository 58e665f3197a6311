'use strict';

const { mulberry32, randomInt, pick, pickWeighted } = require('../../prng');
const { OPERATORIES } = require('../../reference/operatories');
const { APPOINTMENT_TYPES, appointmentTypeByNum } = require('../../reference/appointment-types');
const {
	NO_DATETIME, DAY_SECONDS, pad, dateOfDay, dayOfDate, dateTimeOfSecond, weekdayOfDay,
} = require('../../calendar');
const { completeAppointment } = require('./schema');

// The seeded schedule: each weekday (every day when openOnWeekends) from daysBefore before to daysAfter after the anchor day,
// appointments placed without overlap in the open operatories between 08:00 and 17:00 (5-minute
// steps). Past days are mostly Complete with some Broken; the anchor day and later mostly
// Scheduled, in a mix of confirmation statuses. Some UnschedList and Planned rows sit off the
// schedule. AptNums follow entry time (SecDateTEntry), as the database hands them out, so AptNum
// order is not date order. Every stamp is before the anchor day.

const STEP_SECONDS = 300;
const OPEN_STEP = (8 * 3600) / STEP_SECONDS;
const CLOSE_STEP = (17 * 3600) / STEP_SECONDS;
const OPEN_OPERATORIES = OPERATORIES.filter((op) => op.IsHidden === 'false');

// Appointment type by kind of chair; 0 = no type (fillings and the like, booked by hand).
const HYGIENE_TYPES = [[2, 6], [5, 2], [0, 1]];
const DENTIST_TYPES = [[1, 2], [3, 2], [4, 1], [0, 5]];
const UNTYPED_WORK = [['/XXXX/', 'Fill'], ['/XXXXXX/', 'Fill, Fill'], ['//XXXXXX//', 'RCT'], ['//XXXXXXXX//', 'Ext, PA']];
const GAP_WEIGHTS = [[0, 5], [1, 2], [2, 2], [3, 1], [6, 1]];
// Appt Confirmed DefNums (lib/reference/definitions.js) by how the appointment ended up.
const SCHEDULED_CONFIRMED = [[19, 5], [20, 2], [21, 3], [22, 2], [23, 1], [24, 2], [25, 2], [26, 0.5], [27, 0.5]];
const COMPLETE_CONFIRMED = [[21, 4], [25, 3], [19, 1]];
const BROKEN_CONFIRMED = [[22, 2], [19, 1], [26, 1]];
const NOTES = ['Pt prefers mornings', 'Premed required', 'Bring insurance card', 'Anxious patient, offer nitrous',
	'Running late - called ahead'];
const PT_NOTES = ['Call pt re: insurance update', 'Pt asked about whitening', 'Return call about balance'];

const timeOfStep = (step) => `${pad(Math.floor(step / 12))}:${pad((step % 12) * 5)}:00`;

/** A random second within office hours of a day. */
const officeSecond = (rng, day) => day * DAY_SECONDS + 8 * 3600 + randomInt(rng, 0, 9 * 3600 - 1);

// What is booked in a chair: type, pattern and procedures, provider(s).
function booking(rng, op, patient) {
	const typeNum = pickWeighted(rng, op.IsHygiene === 'true' ? HYGIENE_TYPES : DENTIST_TYPES);
	const type = appointmentTypeByNum(typeNum);
	const [Pattern, ProcDescript] = type ? [type.Pattern, type.ProcDescript] : pick(rng, UNTYPED_WORK);
	const hygiene = op.IsHygiene === 'true';
	return {
		AppointmentTypeNum: typeNum, Pattern, ProcDescript,
		ProvNum: hygiene ? ([1, 2].includes(patient.PriProv) ? patient.PriProv : 1) : op.ProvDentist,
		ProvHyg: hygiene ? op.ProvHygienist : 0,
		IsHygiene: String(hygiene),
		IsNewPatient: String(typeNum === 1),
	};
}

// Details every appointment gets the same way.
function paperwork(rng) {
	const InsPlan1 = rng() < 0.6 ? randomInt(rng, 1, 40) : 0;
	return {
		Note: rng() < 0.2 ? pick(rng, NOTES) : '',
		TimeLocked: String(rng() < 0.05),
		InsPlan1,
		InsPlan2: InsPlan1 && rng() < 0.15 ? randomInt(rng, 1, 40) : 0,
		SecUserNumEntry: pickWeighted(rng, [[0, 1], [1, 2], [2, 2]]),
	};
}

// How an appointment on `day` stands as of the anchor day, with its stamps.
function outcome(rng, day, anchorDay, startStep, length) {
	const entryDay = Math.min(day - randomInt(rng, 1, 60), anchorDay - 1);
	const entrySecond = officeSecond(rng, entryDay);
	const startSecond = day * DAY_SECONDS + startStep * STEP_SECONDS;
	const endSecond = startSecond + length * STEP_SECONDS;
	// Last changed during office hours on a day from its entry to the day before the anchor.
	const changed = () => dateTimeOfSecond(Math.max(entrySecond, officeSecond(rng, randomInt(rng, entryDay, anchorDay - 1))));
	const base = { SecDateTEntry: dateTimeOfSecond(entrySecond) };
	if (day >= anchorDay) {
		const broken = rng() < 0.03;
		return {
			...base,
			AptStatus: broken ? 'Broken' : 'Scheduled',
			Confirmed: pickWeighted(rng, broken ? BROKEN_CONFIRMED : SCHEDULED_CONFIRMED),
			Priority: !broken && rng() < 0.04 ? 'ASAP' : 'Normal',
			DateTStamp: changed(),
		};
	}
	if (rng() < 0.12) {
		return {
			...base, AptStatus: 'Broken', Confirmed: pickWeighted(rng, BROKEN_CONFIRMED),
			DateTStamp: dateTimeOfSecond(Math.max(entrySecond, startSecond - randomInt(rng, 5, 180) * 60)),
		};
	}
	return {
		...base,
		AptStatus: 'Complete',
		Confirmed: pickWeighted(rng, COMPLETE_CONFIRMED),
		DateTimeArrived: dateTimeOfSecond(startSecond - randomInt(rng, 0, 600)),
		DateTimeSeated: dateTimeOfSecond(startSecond + randomInt(rng, 0, 300)),
		DateTimeDismissed: dateTimeOfSecond(endSecond - randomInt(rng, 0, 300)),
		DateTStamp: dateTimeOfSecond(endSecond + randomInt(rng, 60, 1800)),
	};
}

// One weekday's schedule: up to perDay appointments, each chair filled from the morning on.
function scheduleDay(rng, day, anchorDay, perDay, patients) {
	const nextFree = OPEN_OPERATORIES.map(() => OPEN_STEP + randomInt(rng, 0, 3));
	const seen = new Set();
	const rows = [];
	const firstOp = randomInt(rng, 0, OPEN_OPERATORIES.length - 1);
	for (let n = 0; n < perDay; n += 1) {
		let patient = pick(rng, patients);
		for (let tries = 0; tries < 5 && seen.has(patient.PatNum); tries += 1) patient = pick(rng, patients);
		seen.add(patient.PatNum);
		const ptNote = rng() < 0.03;
		let placed = false;
		for (let k = 0; k < OPEN_OPERATORIES.length && !placed; k += 1) {
			const index = (firstOp + n + k) % OPEN_OPERATORIES.length;
			const op = OPEN_OPERATORIES[index];
			const booked = ptNote
				? { AppointmentTypeNum: 0, Pattern: '/XXXX/', ProcDescript: '', ProvNum: op.ProvDentist || 1, ProvHyg: 0, IsHygiene: 'false', IsNewPatient: 'false' }
				: booking(rng, op, patient);
			const start = nextFree[index] + pickWeighted(rng, GAP_WEIGHTS);
			if (start + booked.Pattern.length > CLOSE_STEP) continue;
			nextFree[index] = start + booked.Pattern.length;
			const result = outcome(rng, day, anchorDay, start, booked.Pattern.length);
			rows.push({
				PatNum: patient.PatNum, Op: op.OperatoryNum, ClinicNum: rng() < 0.05 ? 0 : op.ClinicNum,
				AptDateTime: `${dateOfDay(day)} ${timeOfStep(start)}`,
				...booked, ...paperwork(rng),
				// A patient note on the schedule is a reminder for staff, never seen in the chair.
				...(ptNote
					? { AptStatus: 'PtNote', Confirmed: 19, Note: pick(rng, PT_NOTES), SecDateTEntry: result.SecDateTEntry, DateTStamp: result.DateTStamp }
					: result),
			});
			placed = true;
		}
		if (!placed) break;
	}
	return rows;
}

// Appointments off the schedule: broken ones waiting on the Unscheduled List, and planned work.
function offSchedule(rng, status, count, anchorDay, patients) {
	const rows = [];
	for (let n = 0; n < count; n += 1) {
		const patient = pick(rng, patients);
		const type = status === 'Planned' ? appointmentTypeByNum(3) : pick(rng, APPOINTMENT_TYPES);
		const entrySecond = officeSecond(rng, anchorDay - randomInt(rng, 10, 120));
		const stampSecond = entrySecond + randomInt(rng, 0, 9) * DAY_SECONDS;
		rows.push({
			PatNum: patient.PatNum, AptStatus: status, Op: 0, AptDateTime: NO_DATETIME, ClinicNum: patient.ClinicNum,
			AppointmentTypeNum: type.AppointmentTypeNum, Pattern: type.Pattern, ProcDescript: type.ProcDescript,
			ProvNum: [1, 2].includes(patient.PriProv) ? patient.PriProv : 1, IsHygiene: String(type.hygiene),
			UnschedStatus: status === 'UnschedList' ? pickWeighted(rng, [[0, 2], [140, 1], [141, 1]]) : 0,
			ItemOrderPlanned: status === 'Planned' ? 1 : 0,
			...paperwork(rng),
			SecDateTEntry: dateTimeOfSecond(entrySecond),
			DateTStamp: dateTimeOfSecond(Math.min(stampSecond, anchorDay * DAY_SECONDS - 1)),
		});
	}
	return rows;
}

// Deterministic for (config.seed, config.appointments, the anchor day, the patients); its own
// PRNG stream, so the patients' draws are untouched.
function generateAppointments({ config, today, seeded }) {
	const rng = mulberry32(config.seed * 7919 + 101);
	const { perDay, daysBefore, daysAfter, anchorDate, openOnWeekends } = config.appointments;
	const anchorDay = dayOfDate(anchorDate ?? today);
	const patients = (seeded.patient || []).filter((p) => p.PatStatus === 'Patient');
	if (patients.length === 0) return [];
	const rows = [];
	let weekdays = 0;
	for (let day = anchorDay - daysBefore; day <= anchorDay + daysAfter; day += 1) {
		const weekday = weekdayOfDay(day);
		if (!openOnWeekends && (weekday === 0 || weekday === 6)) continue;
		weekdays += 1;
		rows.push(...scheduleDay(rng, day, anchorDay, perDay, patients));
	}
	rows.push(...offSchedule(rng, 'UnschedList', Math.ceil(weekdays / 4), anchorDay, patients));
	rows.push(...offSchedule(rng, 'Planned', Math.ceil(weekdays / 5), anchorDay, patients));
	// Stable: rows entered in the same second keep their generation order.
	rows.sort((a, b) => (a.SecDateTEntry < b.SecDateTEntry ? -1 : a.SecDateTEntry > b.SecDateTEntry ? 1 : 0));
	return rows.map((row, index) => completeAppointment({ ...row, AptNum: index + 1 }));
}

module.exports = { generateAppointments };
