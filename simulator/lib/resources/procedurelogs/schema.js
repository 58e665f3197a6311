'use strict';

const { isoDateTime } = require('../../sql/values');

// A procedure (table procedurelog). The REST API has no route the simulator serves for it, so it is
// stored as the database has it, as ShortQuery answers it: ProcStatus as its number, dates and
// date-times as ISO text 'yyyy-MM-ddTHH:mm:ss' (a date at midnight).

const FIELDS = [
	'ProcNum', 'PatNum', 'AptNum', 'ProcDate', 'ProcFee', 'ProcStatus', 'ProvNum', 'ClinicNum', 'CodeNum',
	'ToothNum', 'Surf', 'DateTStamp', 'DateComplete',
];
// Open Dental's ProcStat, from 1: treatment planned, complete, existing current / other provider,
// referred, deleted, condition, treatment planned inactive.
const PROC_STATUS = Object.freeze({ TP: 1, C: 2, EC: 3, EO: 4, R: 5, D: 6, Cn: 7, TPi: 8 });
const NO_DATE = '0001-01-01T00:00:00';

/** ISO text of a date or date-time given as 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss' or ISO. @param {string} text */
const iso = (text) => isoDateTime(String(text));

/**
 * A whole procedure: defaults for what is not given (treatment planned, dated today); ProcStatus
 * may be given by its name ('C'). A complete procedure without DateComplete was completed on its
 * ProcDate. Dates may be given in any of the office's text forms and are kept as ISO.
 */
function completeProcedure(f, today = '0001-01-01') {
	const ProcStatus = typeof f.ProcStatus === 'string' ? PROC_STATUS[f.ProcStatus] : f.ProcStatus ?? PROC_STATUS.TP;
	if (!Object.values(PROC_STATUS).includes(ProcStatus)) throw new Error(`ProcStatus must be one of ${Object.keys(PROC_STATUS).join(', ')} (1-8)`);
	const ProcDate = iso(f.ProcDate ?? today);
	const given = f.DateComplete ? iso(f.DateComplete) : NO_DATE;
	return {
		ProcNum: f.ProcNum ?? 0, PatNum: f.PatNum ?? 0, AptNum: f.AptNum ?? 0, ProcDate, ProcFee: f.ProcFee ?? 0,
		ProcStatus, ProvNum: f.ProvNum ?? 0, ClinicNum: f.ClinicNum ?? 0, CodeNum: f.CodeNum ?? 0,
		ToothNum: f.ToothNum ?? '', Surf: f.Surf ?? '', DateTStamp: iso(f.DateTStamp ?? NO_DATE),
		DateComplete: ProcStatus === PROC_STATUS.C && given === NO_DATE ? ProcDate : given,
	};
}

module.exports = { FIELDS, PROC_STATUS, NO_DATE, completeProcedure };
