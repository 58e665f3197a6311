'use strict';

const params = require('../../query-params');
const { HttpError, Reply } = require('../../respond');
const { parsePaging, pageOf } = require('../../paging');
const { allOf, exact } = require('../../filters');
const { parseDateTime } = require('../../clock');
const { bodyObject, has, requiredInteger, requiredText, optionalText, optionalEnum } = require('../../body-fields');
const { MODES, SENT_OR_RECEIVED, commlogType } = require('./schema');

// GET /commlogs/{CommlogNum} (25.1.13).
function getCommlog({ params: pathParams, sim }) {
	const commlog = sim.table('commlog').get(pathParams.id);
	if (!commlog) throw new HttpError(404, 'Commlog not found.');
	return commlog;
}

// GET /commlogs: PatNum optional (as from 25.1.13), DateTStamp ">=" (unless commlogStampFilter is
// off), CommlogNum order, and serverDateTime first in every row for the next DateTStamp, as the
// sync lists have it. (The docs' example rows show none; a client should not depend on it.)
function getCommlogs({ query, sim, key }) {
	const checks = [];
	exact('PatNum', params.integer(query, 'PatNum'), checks);
	// Before 25.1.13 the parameter did not exist, so it was ignored like any unknown one.
	const changedSince = sim.config.commlogStampFilter ? params.dateTime(query, 'DateTStamp') : null;
	if (changedSince !== null) checks.push((row) => row.DateTStamp >= changedSince);
	const serverDateTime = sim.clock.now();
	return pageOf(sim.table('commlog').all(), allOf(checks), parsePaging(query, sim.config, key)).map((row) => ({ serverDateTime, ...row }));
}

// CommType by the commType name (which wins when both are given) or the DefNum (the docs show it
// as "239", so a number in a string is taken too); Misc when neither is given.
function chosenType(fields) {
	const name = optionalText(fields, 'commType', null);
	if (name !== null) {
		const byName = commlogType(name);
		if (byName === null) throw new HttpError(400, `commType "${name}" is not a commlog type (definition Category 27).`);
		return byName;
	}
	if (!has(fields, 'CommType')) return commlogType('Misc');
	const num = typeof fields.CommType === 'string' && /^\d+$/.test(fields.CommType) ? Number(fields.CommType) : fields.CommType;
	const byNum = Number.isInteger(num) ? commlogType(num) : null;
	if (byNum === null) throw new HttpError(400, 'CommType must be the DefNum of a commlog type (definition Category 27).');
	return byNum;
}

// POST /commlogs (Comm): 201 with the stored commlog and its Location.
function postCommlog({ body, sim }) {
	const fields = bodyObject(body);
	const patNum = requiredInteger(fields, 'PatNum');
	const note = requiredText(fields, 'Note');
	const patient = sim.table('patient').get(patNum);
	if (!patient) throw new HttpError(404, 'Patient not found.');
	if (patient.PatStatus === 'Deleted') throw new HttpError(400, 'Patient is deleted.');
	const commDateTime = optionalText(fields, 'CommDateTime', null);
	if (commDateTime !== null && parseDateTime(commDateTime) === null) {
		throw new HttpError(400, 'CommDateTime format must be yyyy-MM-dd HH:mm:ss');
	}
	const now = sim.clock.now();
	const commlog = sim.insert('commlog', {
		PatNum: patNum, Note: note, CommDateTime: commDateTime ?? now, CommType: chosenType(fields),
		Mode_: optionalEnum(fields, 'Mode_', MODES, 'Phone'),
		SentOrReceived: optionalEnum(fields, 'SentOrReceived', SENT_OR_RECEIVED, 'Sent'),
		DateTEntry: now,
	});
	return new Reply(201, commlog, { Location: `${sim.baseUrl}/commlogs/${commlog.CommlogNum}` });
}

module.exports = { getCommlog, getCommlogs, postCommlog };
