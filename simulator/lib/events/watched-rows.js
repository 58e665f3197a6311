'use strict';

const { PROVIDERS } = require('../reference-data');

// What a WatchTable subscription sends: each table's rows as its GET route renders one (without
// serverDateTime), chosen by the column Open Dental stamps on every change. Operatory has no stamp
// in the simulator's reference data and PatField, Schedule and ToothInitial have no table, so
// those never fire.

/** @type {Record<string, { rows: (sim: any) => any[], stamp: string, key: string }>} */
const WATCHED = {
	Appointment: { rows: (sim) => sim.table('appointment').all(), stamp: 'DateTStamp', key: 'AptNum' },
	Patient: { rows: (sim) => sim.table('patient').all(), stamp: 'DateTStamp', key: 'PatNum' },
	// A deleted appointment's history row, stamped when the delete wrote it.
	AppointmentDeleted: {
		rows: (sim) => sim.table('histappointment').all().filter((row) => row.HistApptAction === 'Deleted'),
		stamp: 'HistDateTStamp',
		key: 'HistApptNum',
	},
	Provider: { rows: () => PROVIDERS, stamp: 'DateTStamp', key: 'ProvNum' },
};

/**
 * Copies of the rows stamped in [from, until), in stamp order (then key order), as Open Dental's
 * query orders them; the stop is exclusive so a row stamped in the poll's own second waits for the
 * next poll instead of going out twice. { rows, key } with the name of the rows' primary key.
 */
function watchedRows(sim, watchTable, from, until) {
	const watched = WATCHED[watchTable];
	if (!watched) return { rows: [], key: null };
	const { stamp, key } = watched;
	const rows = watched.rows(sim)
		.filter((row) => row[stamp] >= from && row[stamp] < until)
		.sort((a, b) => (a[stamp] < b[stamp] ? -1 : a[stamp] > b[stamp] ? 1 : a[key] - b[key]))
		.map((row) => ({ ...row }));
	return { rows, key };
}

module.exports = { watchedRows };
