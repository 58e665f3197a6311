'use strict';

const params = require('../../query-params');
const { HttpError, Reply } = require('../../respond');
const { parsePaging, pageOf } = require('../../paging');
const { allOf, exact } = require('../../filters');
const { bodyObject, has, requiredInteger, requiredText, optionalText, optionalInteger } = require('../../body-fields');
const { definition, definitionName, RECALL_UNSCHED_STATUS } = require('../../reference/definitions');
const { recallTypeNamed } = require('../../reference/recall-types');
const { commlogType } = require('../commlogs/schema');
const { publicRecall } = require('./schema');

// GET /recalls: optional PatNum, RecallNum order, the documented fields only.
function getRecalls({ query, sim, key }) {
	const checks = [];
	exact('PatNum', params.integer(query, 'PatNum'), checks);
	return pageOf(sim.table('recall').all(), allOf(checks), parsePaging(query, sim.config, key)).map(publicRecall);
}

// commlogMode is spelled without spaces; the commlog it writes spells Mode_ as commlogs do.
const COMMLOG_MODES = {
	None: 'None', Email: 'Email', Mail: 'Mail', Phone: 'Phone', InPerson: 'In Person', Text: 'Text',
	EmailAndText: 'Email and Text', PhoneAndText: 'Phone and Text',
};

function chosenStatus(fields, current) {
	const status = optionalInteger(fields, 'RecallStatus', current);
	if (status !== 0) {
		const def = definition(RECALL_UNSCHED_STATUS, status);
		if (!def || def.IsHidden) throw new HttpError(400, 'RecallStatus must be 0 or the DefNum of a visible recall status (definition Category 13).');
	}
	return status;
}

// PUT /recalls/Status (Comm): sets the recall's status, counts a reminder (NumRemind + 1, last
// reminder today) and writes a Recall commlog, "Recall reminder" and the status unless commlogNote
// says otherwise. 200 with no body.
function putRecallStatus({ body, sim }) {
	const fields = bodyObject(body);
	const patNum = requiredInteger(fields, 'PatNum');
	const typeName = requiredText(fields, 'recallType');
	const patient = sim.table('patient').get(patNum);
	if (!patient) throw new HttpError(404, 'Patient not found.');
	const type = recallTypeNamed(typeName);
	const recall = type && sim.table('recall').all().find((r) => r.PatNum === patNum && r.RecallTypeNum === type.RecallTypeNum);
	if (!recall) throw new HttpError(400, `Patient ${patNum} has no recall of type "${typeName}".`);
	const status = chosenStatus(fields, recall.RecallStatus);
	const modeName = has(fields, 'commlogMode') ? fields.commlogMode : 'None';
	if (!Object.prototype.hasOwnProperty.call(COMMLOG_MODES, modeName)) {
		throw new HttpError(400, `commlogMode must be one of: ${Object.keys(COMMLOG_MODES).join(', ')}.`);
	}
	const note = optionalText(fields, 'commlogNote', '');

	sim.update('recall', recall.RecallNum, { RecallStatus: status, NumRemind: recall.NumRemind + 1, DateLastRemind: sim.clock.today() });
	sim.insert('commlog', {
		PatNum: patNum, CommType: commlogType('Recall'), Mode_: COMMLOG_MODES[modeName], SentOrReceived: 'Sent',
		Note: note || `Recall reminder. Status: ${definitionName(RECALL_UNSCHED_STATUS, status) || 'None'}`,
	});
	return new Reply(200);
}

module.exports = { getRecalls, putRecallStatus };
