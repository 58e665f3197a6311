'use strict';

const { mulberry32, randomInt, pick } = require('../../prng');
const { procedureCode } = require('../../reference/procedure-codes');
const { appointmentTypeByNum } = require('../../reference/appointment-types');
const { DAY_SECONDS, dateOfDay, dayOfDate, dateTimeOfSecond, secondOfDateTime, weekdayOfDay } = require('../../calendar');
const { PROC_STATUS, NO_DATE } = require('./schema');

// Stored as the database has them (schema.js).
const isoDate = (date) => `${date}T00:00:00`;
const isoDateTime = (dateTime) => dateTime.replace(' ', 'T');

// The seeded procedures. Each appointment of the seeded schedule carries its type's procedures
// (an untyped one, those its ProcDescript names): Complete appointments have them complete on
// their day, done by the appointment's dentist (hygiene codes by its hygienist); Scheduled and
// Broken ones, the Unscheduled List and planned work have them treatment planned. Every patient
// but a Prospective one has a history of completed visits (recall visits about every six months,
// some restorative work) from up to six years before the anchor day: most patients seen on the
// schedule, and some others, were last in within about 16 months; the rest lapsed more than 19
// months ago. So a "not seen in 18 months" report has more than a page (100 rows) of active
// patients with the default 250, and no patient moves across its line as the clock runs on a
// few weeks from the anchor day. When the day before the anchor is an open day of the schedule,
// at least two providers completed work on it (a walk-in is added if the schedule alone does not
// give that), so a daily production report has something to add up. ProcNums follow entry time;
// every stamp is before the anchor day.

const HISTORY_DAYS = 6 * 365;
const LAPSED_FROM_DAYS = 600;
const RECENT_UNTIL_DAYS = 480;
// The share of patients not seen on the schedule who lapsed (and of those seen, who had lapsed before):
// the schedule makes a good part of the active patients recent, so most of the others lapsed.
const LAPSED_SHARE = 0.95;
const RETURNING_SHARE = 0.3;
const PERIO_SHARE = 0.12;
const POSTERIOR_TEETH = ['2', '3', '4', '5', '12', '13', '14', '15', '18', '19', '20', '21', '28', '29', '30', '31'];
const TWO_SURFACES = ['MO', 'DO', 'OL', 'OB'];
// The work an appointment without a type is booked for (lib/resources/appointments/seed.js).
const UNTYPED_WORK = { Fill: ['FILL'], 'Fill, Fill': ['FILL', 'FILL'], RCT: ['D3330'], 'Ext, PA': ['D7140', 'D0220'] };
const RESTORATIVE_VISITS = [['FILL'], ['FILL', 'FILL'], ['D2950', 'D2740'], ['D3330'], ['D7140', 'D0220'], ['D0140', 'D0220'], ['D4341', 'D4341']];
const WALK_IN = ['D0140', 'D0220'];

/**
 * The procedure rows of one visit. @param {string[]} work codes, FILL for a composite of one or two surfaces
 * @param {{ dentist: number, hygienist: number }} who @param {Record<string, any>} visit the fields every row gets
 */
function visitProcedures(rng, work, who, visit) {
	const { PatNum, AptNum, ClinicNum, ProcStatus, ProcDate, DateTStamp } = visit;
	const tooth = pick(rng, POSTERIOR_TEETH);
	const DateComplete = ProcStatus === PROC_STATUS.C ? ProcDate : NO_DATE;
	return work.map((name) => {
		const twoSurfaces = name === 'FILL' && rng() < 0.5;
		const entry = procedureCode(name === 'FILL' ? (twoSurfaces ? 'D2392' : 'D2391') : name);
		// Fillings of one visit are on different teeth; the rest of a visit's work is on one tooth.
		const ToothNum = name === 'FILL' ? pick(rng, POSTERIOR_TEETH) : entry.tooth ? tooth : '';
		const Surf = name !== 'FILL' ? '' : twoSurfaces ? pick(rng, TWO_SURFACES) : 'O';
		const ProvNum = entry.IsHygiene ? who.hygienist : who.dentist;
		// One literal in schema.js's field order (completeProcedure's), so seeding 2,500 patients' charts stays quick.
		return {
			ProcNum: 0, PatNum, AptNum, ProcDate, ProcFee: entry.fee, ProcStatus, ProvNum, ClinicNum, CodeNum: entry.CodeNum,
			ToothNum, Surf, DateTStamp, DateComplete,
		};
	});
}

/** The procedures of a seeded appointment. @returns {{ rows: any[], entered: number }} */
function appointmentProcedures(rng, apt) {
	const type = appointmentTypeByNum(apt.AppointmentTypeNum);
	const work = type ? type.CodeStr.split(',') : UNTYPED_WORK[apt.ProcDescript] || [];
	// A crown prep often needs a buildup too.
	if (type && type.AppointmentTypeNum === 3 && rng() < 0.4) work.unshift('D2950');
	const complete = apt.AptStatus === 'Complete';
	const onSchedule = apt.AptDateTime.slice(0, 4) !== '0001';
	const shared = {
		PatNum: apt.PatNum, AptNum: apt.AptStatus === 'Planned' ? 0 : apt.AptNum, ClinicNum: apt.ClinicNum,
		ProcStatus: complete ? PROC_STATUS.C : PROC_STATUS.TP,
		ProcDate: isoDate((onSchedule ? apt.AptDateTime : apt.SecDateTEntry).slice(0, 10)),
		DateTStamp: isoDateTime(complete ? apt.DateTStamp : apt.SecDateTEntry),
	};
	const who = { dentist: apt.ProvNum, hygienist: apt.ProvHyg || apt.ProvNum };
	return { rows: visitProcedures(rng, work, who, shared), entered: secondOfDateTime(apt.SecDateTEntry) };
}

// The nearest weekday on or before a day: the office charts history on open days.
const weekdayOnOrBefore = (day) => day - [2, 0, 0, 0, 0, 0, 1][weekdayOfDay(day)];

/** A patient's completed visits. @returns {Array<{ rows: any[], entered: number }>} */
function history(rng, patient, anchorDay, lastBack) {
	const firstBack = randomInt(rng, lastBack, HISTORY_DAYS);
	const perio = rng() < PERIO_SHARE;
	const who = {
		dentist: [1, 2].includes(patient.PriProv) ? patient.PriProv : (patient.PatNum % 2) + 1,
		hygienist: [3, 4].includes(patient.SecProv) ? patient.SecProv : patient.ClinicNum === 2 ? 4 : 3,
	};
	const visits = [];
	const visit = (back) => {
		const day = weekdayOnOrBefore(anchorDay - back);
		const second = Math.min(day * DAY_SECONDS + 8 * 3600 + randomInt(rng, 0, 9 * 3600 - 1), anchorDay * DAY_SECONDS - 1);
		let work = perio ? ['D4910', 'D0120'] : ['D0120', 'D1110'];
		if (!perio && visits.length % 2 === 0) work.push('D0274');
		if (rng() < 0.2) work = pick(rng, RESTORATIVE_VISITS);
		const shared = {
			PatNum: patient.PatNum, AptNum: 0, ClinicNum: patient.ClinicNum, ProcStatus: PROC_STATUS.C, ProcDate: isoDate(dateOfDay(day)),
			DateTStamp: isoDateTime(dateTimeOfSecond(second)),
		};
		visits.push({ rows: visitProcedures(rng, work, who, shared), entered: second });
	};
	for (let back = firstBack; back > lastBack; back -= randomInt(rng, 150, 240)) visit(back);
	visit(lastBack);
	return visits;
}

// Walk-ins the day before the anchor, by dentists who did no completed work that day, until two
// providers did.
function walkIns(rng, visits, patients, anchorDay) {
	const yesterday = isoDate(dateOfDay(anchorDay - 1));
	const providers = new Set();
	for (const { rows } of visits) for (const row of rows) if (row.ProcStatus === PROC_STATUS.C && row.ProcDate === yesterday) providers.add(row.ProvNum);
	for (const dentist of [1, 2]) {
		if (providers.size >= 2 || providers.has(dentist) || patients.length === 0) continue;
		const patient = pick(rng, patients);
		const second = (anchorDay - 1) * DAY_SECONDS + 8 * 3600 + randomInt(rng, 0, 9 * 3600 - 1);
		const shared = {
			PatNum: patient.PatNum, AptNum: 0, ClinicNum: patient.ClinicNum, ProcStatus: PROC_STATUS.C, ProcDate: yesterday,
			DateTStamp: isoDateTime(dateTimeOfSecond(second)),
		};
		visits.push({ rows: visitProcedures(rng, WALK_IN, { dentist, hygienist: dentist }, shared), entered: second });
		providers.add(dentist);
	}
}

// Deterministic for (config.seed, the anchor day, the patients and appointments); its own PRNG stream.
function generateProcedures({ config, today, seeded }) {
	const rng = mulberry32(config.seed * 7919 + 505);
	const { daysBefore, anchorDate, openOnWeekends } = config.appointments;
	const anchorDay = dayOfDate(anchorDate ?? today);
	const appointments = (seeded.appointment || []).filter((apt) => apt.AptStatus !== 'PtNote' && apt.AptStatus !== 'PtNoteCompleted');
	const visits = appointments.map((apt) => appointmentProcedures(rng, apt));
	const seen = new Set(appointments.filter((apt) => apt.AptStatus === 'Complete').map((apt) => apt.PatNum));
	// History ends before the seeded schedule starts.
	const recentFrom = Math.max(10, daysBefore + 1);
	for (const patient of seeded.patient || []) {
		if (patient.PatStatus === 'Prospective') continue;
		const lapsed = rng() < (seen.has(patient.PatNum) ? RETURNING_SHARE : LAPSED_SHARE);
		const lastBack = lapsed ? randomInt(rng, LAPSED_FROM_DAYS, HISTORY_DAYS) : randomInt(rng, recentFrom, Math.max(recentFrom, RECENT_UNTIL_DAYS));
		visits.push(...history(rng, patient, anchorDay, lastBack));
	}
	const weekday = weekdayOfDay(anchorDay - 1);
	if (daysBefore >= 1 && (openOnWeekends || (weekday !== 0 && weekday !== 6))) {
		walkIns(rng, visits, (seeded.patient || []).filter((p) => p.PatStatus === 'Patient'), anchorDay);
	}
	// Stable: a visit's procedures keep their order.
	visits.sort((a, b) => a.entered - b.entered);
	const rows = [];
	for (const { rows: procedures } of visits) {
		for (const row of procedures) {
			row.ProcNum = rows.length + 1;
			rows.push(row);
		}
	}
	return rows;
}

module.exports = { generateProcedures };
