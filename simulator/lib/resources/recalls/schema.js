'use strict';

const { definitionName, RECALL_UNSCHED_STATUS } = require('../../reference/definitions');
const { recallTypeByNum, intervalToInt } = require('../../reference/recall-types');
const { NO_DATE, NO_DATETIME } = require('../../calendar');
const { isoDateTime, bit, enumIndex } = require('../../sql/values');

// Field order of GET /recalls (docs §11, apirecalls.html).
const RECALL_FIELDS = [
	'RecallNum', 'PatNum', 'DateDue', 'DatePrevious', 'RecallInterval', 'RecallStatus', 'recallStatus', 'Note',
	'IsDisabled', 'DateTStamp', 'RecallTypeNum', 'DisableUntilBalance', 'DisableUntilDate', 'DateScheduled',
	'Priority', 'TimePatternOverride',
];
// Kept after them (NumRemind, DateLastRemind), never served by GET /recalls: how many reminders went out since DatePrevious and
// the day of the last one ('yyyy-MM-dd'), which the Recall List shows. (Open Dental counts Recall
// commlogs for this; the simulator keeps the count on the recall, and PUT /recalls/Status moves it.)
const PRIORITIES = ['Normal', 'ASAP'];

// A whole recall: documented fields in order, then the internal ones, with GET /recalls' defaults
// for what is not given; recallStatus recomputed, and a recall created without an interval gets
// its type's default. One object literal, so seeding 80,000 recalls stays quick.
function completeRecall(f) {
	const RecallTypeNum = f.RecallTypeNum ?? 1;
	const RecallStatus = f.RecallStatus ?? 0;
	return {
		RecallNum: f.RecallNum ?? 0, PatNum: f.PatNum ?? 0, DateDue: f.DateDue ?? NO_DATE,
		DatePrevious: f.DatePrevious ?? NO_DATE,
		RecallInterval: f.RecallInterval ?? (recallTypeByNum(RecallTypeNum) || { DefaultInterval: '' }).DefaultInterval,
		RecallStatus, recallStatus: definitionName(RECALL_UNSCHED_STATUS, RecallStatus), Note: f.Note ?? '',
		IsDisabled: f.IsDisabled ?? 'false', DateTStamp: f.DateTStamp ?? NO_DATETIME, RecallTypeNum,
		DisableUntilBalance: f.DisableUntilBalance ?? 0, DisableUntilDate: f.DisableUntilDate ?? NO_DATE,
		DateScheduled: f.DateScheduled ?? NO_DATE, Priority: f.Priority ?? 'Normal',
		TimePatternOverride: f.TimePatternOverride ?? '', NumRemind: f.NumRemind ?? 0,
		DateLastRemind: f.DateLastRemind ?? NO_DATE,
	};
}

/** A recall as GET /recalls serves it. */
function publicRecall(recall) {
	const served = {};
	for (const name of RECALL_FIELDS) served[name] = recall[name];
	return served;
}

const SQL_COLUMNS = [
	'RecallNum', 'PatNum', 'DateDue', 'DatePrevious', 'RecallInterval', 'RecallStatus', 'Note', 'IsDisabled',
	'DateTStamp', 'RecallTypeNum', 'DisableUntilBalance', 'DisableUntilDate', 'DateScheduled', 'Priority',
	'TimePatternOverride',
];

/** A recall as the database stores it (the interval as its packed integer). */
function recallSqlRow(recall) {
	return {
		RecallNum: recall.RecallNum, PatNum: recall.PatNum, DateDue: isoDateTime(recall.DateDue),
		DatePrevious: isoDateTime(recall.DatePrevious), RecallInterval: intervalToInt(recall.RecallInterval),
		RecallStatus: recall.RecallStatus, Note: recall.Note, IsDisabled: bit(recall.IsDisabled),
		DateTStamp: isoDateTime(recall.DateTStamp), RecallTypeNum: recall.RecallTypeNum,
		DisableUntilBalance: recall.DisableUntilBalance, DisableUntilDate: isoDateTime(recall.DisableUntilDate),
		DateScheduled: isoDateTime(recall.DateScheduled), Priority: enumIndex(PRIORITIES, recall.Priority),
		TimePatternOverride: recall.TimePatternOverride,
	};
}

module.exports = { SQL_COLUMNS, completeRecall, publicRecall, recallSqlRow };
