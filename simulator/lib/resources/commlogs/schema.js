'use strict';

const { definition, definitionNamed, definitionName, COMMLOG_TYPES } = require('../../reference/definitions');
const { NO_DATETIME } = require('../../calendar');
const { isoDateTime, enumIndex } = require('../../sql/values');

// CommItemMode as commlogs spell it, in enum order (Mode_ is the index in the database).
const MODES = ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text', 'Email and Text', 'Phone and Text'];
const SENT_OR_RECEIVED = ['Neither', 'Sent', 'Received'];
const COMM_SOURCES = ['User', 'WebSched', 'ProgramLink', 'ApptReminder', 'EServices', 'SupplementalBackup', 'ApptThankYou', 'FHIR'];
const MISC = definitionNamed(COMMLOG_TYPES, 'Misc').DefNum;

// A whole commlog in documented order, POST's defaults (Misc, Phone, Sent) for what is not given,
// commType recomputed from CommType (a name given alone is resolved by the POST route). CommType
// is rendered as the docs show it, a quoted number ("239").
function completeCommlog(f) {
	const CommType = String(f.CommType ?? MISC);
	return {
		CommlogNum: f.CommlogNum ?? 0, PatNum: f.PatNum ?? 0, CommDateTime: f.CommDateTime ?? NO_DATETIME, CommType,
		commType: definitionName(COMMLOG_TYPES, Number(CommType)), Note: f.Note ?? '', Mode_: f.Mode_ ?? 'Phone',
		SentOrReceived: f.SentOrReceived ?? 'Sent', UserNum: f.UserNum ?? 0, DateTStamp: f.DateTStamp ?? NO_DATETIME,
		CommSource: f.CommSource ?? 'User', ProgramNum: f.ProgramNum ?? 0, DateTEntry: f.DateTEntry ?? NO_DATETIME,
		ReferralNum: f.ReferralNum ?? 0,
	};
}

/** The visible commlog type (Category 27) with this DefNum or ItemName, or null. */
function commlogType(numOrName) {
	const def = typeof numOrName === 'string' ? definitionNamed(COMMLOG_TYPES, numOrName) : definition(COMMLOG_TYPES, numOrName);
	return def && !def.IsHidden ? def.DefNum : null;
}

const SQL_COLUMNS = [
	'CommlogNum', 'PatNum', 'CommDateTime', 'CommType', 'Note', 'Mode_', 'SentOrReceived', 'UserNum', 'DateTStamp',
	'CommSource', 'ProgramNum', 'DateTEntry', 'ReferralNum',
];

/** A commlog as the database stores it. */
function commlogSqlRow(log) {
	return {
		CommlogNum: log.CommlogNum, PatNum: log.PatNum, CommDateTime: isoDateTime(log.CommDateTime),
		CommType: Number(log.CommType), Note: log.Note, Mode_: enumIndex(MODES, log.Mode_),
		SentOrReceived: enumIndex(SENT_OR_RECEIVED, log.SentOrReceived), UserNum: log.UserNum,
		DateTStamp: isoDateTime(log.DateTStamp), CommSource: enumIndex(COMM_SOURCES, log.CommSource),
		ProgramNum: log.ProgramNum, DateTEntry: isoDateTime(log.DateTEntry), ReferralNum: log.ReferralNum,
	};
}

module.exports = { MODES, SENT_OR_RECEIVED, SQL_COLUMNS, completeCommlog, commlogSqlRow, commlogType };
