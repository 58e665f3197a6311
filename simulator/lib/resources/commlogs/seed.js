'use strict';

const { mulberry32, randomInt, pick, pickWeighted } = require('../../prng');
const { definitionName, RECALL_UNSCHED_STATUS } = require('../../reference/definitions');
const { NO_DATETIME, DAY_SECONDS, dayOfDate, dateTimeOfSecond, secondOfDateTime, usDate } = require('../../calendar');
const { completeCommlog, commlogType } = require('./schema');

// The office's communication log so far: a Recall commlog for every recall reminder the recalls
// count, an ApptRelated one for each appointment whose confirmation status says someone reached
// out, and a few notes about money and insurance. CommlogNums follow CommDateTime, and every
// entry is before the anchor day.

const RECALL_MODES = { TextMessage: 'Text', WirelessPh: 'Phone', HmPhone: 'Phone', WkPhone: 'Phone', Email: 'Email', Mail: 'Mail' };
// Appt Confirmed DefNum → [Mode_, Note, CommSource] of the reminder that set it.
const REACHED_OUT = {
	22: ['Phone', 'Left message about appointment', 'User'],
	23: ['Text', 'Texted appointment reminder', 'User'],
	24: ['Text', 'eConfirmation sent', 'ApptReminder'],
	25: ['Text', 'eConfirmation sent; patient confirmed', 'ApptReminder'],
	26: ['Text', 'eConfirmation sent; patient declined', 'ApptReminder'],
	27: ['Email', 'eConfirmation could not be delivered', 'ApptReminder'],
};
const OFFICE_NOTES = [
	['FinancialRelated', 'Phone', 'Discussed payment plan'],
	['FinancialRelated', 'Mail', 'Mailed statement'],
	['Insurance', 'Phone', 'Called insurance to verify benefits'],
	['Misc', 'In Person', 'Patient dropped off x-rays from previous dentist'],
];

// Commlog type DefNums by name, looked up once.
const TYPE_NUMS = Object.fromEntries(['Recall', 'ApptRelated', 'FinancialRelated', 'Insurance', 'Misc'].map((name) => [name, commlogType(name)]));

const officeTime = (rng, day) => day * DAY_SECONDS + 8 * 3600 + randomInt(rng, 0, 9 * 3600 - 1);

// When the reminder behind an appointment's confirmation status went out: when the status was set
// for an appointment still ahead, else the day before it; never before the appointment existed.
function reminderSecond(rng, appointment) {
	const stamp = secondOfDateTime(appointment.DateTStamp);
	const start = appointment.AptDateTime === NO_DATETIME ? stamp : secondOfDateTime(appointment.AptDateTime);
	const entered = secondOfDateTime(appointment.SecDateTEntry);
	return Math.max(entered, Math.min(stamp, start - DAY_SECONDS) - randomInt(rng, 0, 600));
}

function generateCommlogs({ config, today, seeded }) {
	const rng = mulberry32(config.seed * 7919 + 303);
	const anchorDay = dayOfDate(config.appointments.anchorDate ?? today);
	const patients = new Map((seeded.patient || []).map((p) => [p.PatNum, p]));
	const logs = [];
	for (const recall of seeded.recall || []) {
		if (recall.NumRemind === 0) continue;
		const patient = patients.get(recall.PatNum);
		logs.push({
			PatNum: recall.PatNum, second: officeTime(rng, dayOfDate(recall.DateLastRemind)), type: 'Recall',
			Mode_: RECALL_MODES[patient.PreferRecallMethod] || 'Phone', SentOrReceived: 'Sent', CommSource: 'User',
			Note: `Recall reminder. Status: ${definitionName(RECALL_UNSCHED_STATUS, recall.RecallStatus) || 'None'}`,
		});
	}
	for (const appointment of seeded.appointment || []) {
		const reached = REACHED_OUT[appointment.Confirmed];
		if (!reached || appointment.AptStatus === 'PtNote') continue;
		const [Mode_, note, CommSource] = reached;
		logs.push({
			PatNum: appointment.PatNum, second: reminderSecond(rng, appointment),
			type: 'ApptRelated', Mode_, SentOrReceived: 'Sent', CommSource,
			Note: `${note} for ${usDate(appointment.AptDateTime)}`,
		});
	}
	for (const patient of patients.values()) {
		if (rng() >= 0.03) continue;
		const [type, Mode_, Note] = pick(rng, OFFICE_NOTES);
		const day = anchorDay - randomInt(rng, 1, 365);
		logs.push({
			PatNum: patient.PatNum, second: officeTime(rng, day), type, Mode_, Note, CommSource: 'User',
			SentOrReceived: pickWeighted(rng, [['Sent', 2], ['Received', 1], ['Neither', 1]]),
		});
	}
	logs.sort((a, b) => a.second - b.second);
	return logs.map((log, index) => {
		const entered = dateTimeOfSecond(log.second + randomInt(rng, 0, 300));
		return completeCommlog({
			CommlogNum: index + 1, PatNum: log.PatNum, CommDateTime: dateTimeOfSecond(log.second),
			CommType: TYPE_NUMS[log.type], Note: log.Note, Mode_: log.Mode_, SentOrReceived: log.SentOrReceived,
			UserNum: log.CommSource === 'User' ? randomInt(rng, 1, 3) : 0, DateTStamp: entered, CommSource: log.CommSource,
			DateTEntry: entered,
		});
	});
}

module.exports = { generateCommlogs };
