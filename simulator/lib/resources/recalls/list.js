'use strict';

const params = require('../../query-params');
const { HttpError } = require('../../respond');
const { parsePaging, pageOf } = require('../../paging');
const { PREFERENCES } = require('../../reference-data');
const { RECALL_TYPES, recallTypeByNum, recallTypeNamed } = require('../../reference/recall-types');
const { definitionName, RECALL_UNSCHED_STATUS } = require('../../reference/definitions');
const { dateOfDay, dayOfDate, usDate } = require('../../calendar');

// GET /recalls/List: the Recall List of the Appointments module, as Recalls.GetRecallList builds
// it: recalls due in the date range, of the listed types, not disabled, of patients of status
// Patient with no Scheduled appointment after today's start; reminded ones only with
// IncludeReminded=true. Rows are text the way the window shows them, by due date then PatNum.

const preference = (name) => PREFERENCES.find((pref) => pref.PrefName === name).ValueString;

// "Lehrer, 'Andy' Tom": Patients.GetNameLF with the preferred name.
const patientName = (p) => `${p.LName}, ${p.Preferred ? `'${p.Preferred}' ` : ''}${p.FName}`;

// Whole years on `today`; 0 for an unknown birthdate, as Patients.DateToAge gives.
function age(birthdate, today) {
	if (birthdate < '1880-01-01') return 0;
	const years = Number(today.slice(0, 4)) - Number(birthdate.slice(0, 4));
	return Math.max(0, today.slice(5) < birthdate.slice(5) ? years - 1 : years);
}

// The patient's preferred recall method, rendered as Recalls.GetContactFromMethod does.
function contact(p) {
	switch (p.PreferRecallMethod) {
		case 'TextMessage': return `Text:${p.WirelessPhone}`;
		case 'WirelessPh': return `Cell:${p.WirelessPhone}`;
		case 'WkPhone': return `Wk:${p.WkPhone}`;
		case 'Email': return p.Email;
		case 'Mail': return 'Mail';
		case 'DoNotCall': return 'Do Not Call';
		case 'SeeNotes': return 'See Notes';
		default: return `Hm:${p.HmPhone}`;
	}
}

function listRow(recall, patient, today) {
	return {
		DueDate: usDate(recall.DateDue),
		PatNum: recall.PatNum,
		Patient: patientName(patient),
		Age: String(age(patient.Birthdate, today)),
		Type: recallTypeByNum(recall.RecallTypeNum).Description,
		Interval: recall.RecallInterval,
		NumRemind: recall.NumRemind > 0 ? String(recall.NumRemind) : '',
		LastRemind: usDate(recall.DateLastRemind),
		Contact: contact(patient),
		Status: definitionName(RECALL_UNSCHED_STATUS, recall.RecallStatus),
		ClinicNum: patient.ClinicNum,
		Note: recall.Note,
	};
}

// The recall types to list: the one named, or those of RecallTypesShowingInList.
function listedTypes(query) {
	const name = params.text(query, 'RecallType');
	if (name === null) return preference('RecallTypesShowingInList').split(',').map(Number);
	const type = recallTypeNamed(name);
	if (!type) throw new HttpError(400, `RecallType must be one of: ${RECALL_TYPES.map((t) => t.Description).join(', ')}.`);
	return [type.RecallTypeNum];
}

function getRecallList({ query, sim, key }) {
	const today = sim.clock.today();
	const todayNum = dayOfDate(today);
	const dateStart = params.date(query, 'DateStart') ?? dateOfDay(todayNum - Number(preference('RecallDaysPast')));
	const dateEnd = params.date(query, 'DateEnd') ?? dateOfDay(todayNum + Number(preference('RecallDaysFuture')));
	const provNum = params.integer(query, 'ProvNum');
	const clinicNum = params.integer(query, 'ClinicNum');
	const types = listedTypes(query);
	const includeReminded = params.boolean(query, 'IncludeReminded') === true;
	const paging = parsePaging(query, sim.config, key);

	const patients = sim.table('patient');
	const startOfToday = `${today} 00:00:00`;
	const booked = new Set(sim.table('appointment').all()
		.filter((apt) => apt.AptStatus === 'Scheduled' && apt.AptDateTime > startOfToday).map((apt) => apt.PatNum));
	const listed = sim.table('recall').all().filter((recall) => {
		if (recall.DateDue < dateStart || recall.DateDue > dateEnd || recall.IsDisabled === 'true') return false;
		if (!types.includes(recall.RecallTypeNum) || booked.has(recall.PatNum)) return false;
		if (recall.DisableUntilDate > today || (!includeReminded && recall.NumRemind > 0)) return false;
		const patient = patients.get(recall.PatNum);
		if (!patient || patient.PatStatus !== 'Patient') return false;
		if (provNum !== null && patient.PriProv !== provNum && patient.SecProv !== provNum) return false;
		if (clinicNum !== null && patient.ClinicNum !== clinicNum) return false;
		const familyBalance = (patients.get(patient.Guarantor) || patient).BalTotal;
		return !(recall.DisableUntilBalance > 0 && familyBalance > recall.DisableUntilBalance);
	});
	listed.sort((a, b) => (a.DateDue < b.DateDue ? -1 : a.DateDue > b.DateDue ? 1 : a.PatNum - b.PatNum || a.RecallNum - b.RecallNum));
	return pageOf(listed, null, paging).map((recall) => listRow(recall, patients.get(recall.PatNum), today));
}

module.exports = { getRecallList, contact, patientName };
