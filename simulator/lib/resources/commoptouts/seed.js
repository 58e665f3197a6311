'use strict';

const { mulberry32, pickWeighted } = require('../../prng');
const { dayOfDate, dateOfDay } = require('../../calendar');
const { OPT_OUT, completeCommOptOut } = require('./schema');

// [OptOutSms, OptOutEmail]: what patients typically turn off.
const FLAG_SETS = [
	[[OPT_OUT.All, 0], 3],
	[[0, OPT_OUT.All], 2],
	[[OPT_OUT.eConfirm | OPT_OUT.eReminder, 0], 2],
	[[OPT_OUT.eConfirm, OPT_OUT.eConfirm], 1],
	[[0, OPT_OUT.Statements], 1],
	[[OPT_OUT.Birthdays, OPT_OUT.Birthdays], 1],
	[[OPT_OUT.eReminder, OPT_OUT.eReminder | OPT_OUT.eThankYou], 1],
	[[OPT_OUT.All, OPT_OUT.All], 1],
];

// About 5% of the patients, some of them with a Scheduled appointment ahead (the case a reminder
// workflow must skip). Deterministic for the seed, its own PRNG stream; CommOptOutNum in PatNum order.
function generateCommOptOuts({ config, today, seeded }) {
	const rng = mulberry32(config.seed * 7919 + 404);
	const patients = seeded.patient || [];
	const count = Math.round(patients.length * 0.05);
	const from = `${dateOfDay(dayOfDate(config.appointments.anchorDate ?? today))} 00:00:00`;
	const upcoming = [...new Set((seeded.appointment || [])
		.filter((apt) => apt.AptStatus === 'Scheduled' && apt.AptDateTime >= from).map((apt) => apt.PatNum))];
	const chosen = new Set();
	const draw = (list, wanted) => {
		for (let tries = 0; chosen.size < wanted && tries < wanted * 20 && list.length > 0; tries += 1) {
			chosen.add(list[Math.floor(rng() * list.length)]);
		}
	};
	draw(upcoming, Math.min(Math.ceil(count * 0.4), upcoming.length));
	draw(patients.map((p) => p.PatNum), count);
	return [...chosen].sort((a, b) => a - b).map((PatNum, index) => {
		const [OptOutSms, OptOutEmail] = pickWeighted(rng, FLAG_SETS);
		return completeCommOptOut({ CommOptOutNum: index + 1, PatNum, OptOutSms, OptOutEmail });
	});
}

module.exports = { generateCommOptOuts };
