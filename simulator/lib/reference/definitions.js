'use strict';

// The office's definitions (Setup > Definitions) that appointments, recalls and commlogs point
// at. DefNums are as an office that has used Open Dental for years might have them: each category
// has its own block, and the ones the docs' examples show (19 "Not Called", 142 "Mailed Postcard",
// 235 "ApptRelated", 239 "Misc") keep those numbers. Fields are the database columns; the REST
// shape is in lib/routes/setup.js.

const CATEGORY_NAMES = { 2: 'ApptConfirmed', 4: 'BillingTypes', 13: 'RecallUnschedStatus', 27: 'CommLogTypes' };

/**
 * @typedef {object} Definition a row of the definition table
 * @property {number} DefNum
 * @property {number} Category
 * @property {number} ItemOrder
 * @property {string} ItemName
 * @property {string} ItemValue
 * @property {number} ItemColor
 * @property {boolean} IsHidden
 */

// [DefNum, ItemName, ItemValue, ItemColor, IsHidden], in ItemOrder.
/** @type {Record<number, Array<[number, string, string, number, boolean]>>} */
const BY_CATEGORY = {
	// ItemValue is the abbreviation shown on the appointment.
	2: [
		[19, 'Not Called', 'NC', -1, false],
		[20, 'Unconfirmed', 'UC', -256, false],
		[21, 'Appointment Confirmed', 'Conf', -16711936, false],
		[22, 'Left Message', 'LM', -32768, false],
		[23, 'Texted', 'Txt', -16744193, false],
		[24, 'eConfirm Sent', 'eSent', -7876885, false],
		[25, 'eConfirm Accepted', 'eConf', -16744448, false],
		[26, 'eConfirm Declined', 'eDecl', -65536, false],
		[27, 'eConfirm Failed', 'eFail', -8388608, false],
		[28, 'Emailed', 'Eml', -5658199, true],
	],
	4: [
		[41, 'Standard Account', '', 0, false],
		[42, 'Insurance Only', '', 0, false],
	],
	13: [
		[140, 'Left Msg', '', 0, false],
		[141, 'Texted', '', 0, false],
		[142, 'Mailed Postcard', '', 0, false],
		[143, 'Emailed', '', 0, false],
		[144, 'Scheduled Elsewhere', '', 0, false],
		[145, 'Wrong Number', '', 0, true],
	],
	// ItemValue marks the types Open Dental itself writes (CommItemTypeAuto).
	27: [
		[235, 'ApptRelated', 'APPT', 0, false],
		[236, 'Insurance', '', 0, false],
		[237, 'FinancialRelated', 'FIN', 0, false],
		[238, 'Recall', 'RECALL', 0, false],
		[239, 'Misc', 'MISC', 0, false],
		[240, 'Text', 'TEXT', 0, false],
	],
};

/** Every definition, by Category then ItemOrder; database columns (IsHidden as a boolean). @type {ReadonlyArray<Definition>} */
const DEFINITIONS = Object.freeze(Object.entries(BY_CATEGORY).flatMap(([category, rows]) =>
	rows.map(([DefNum, ItemName, ItemValue, ItemColor, IsHidden], ItemOrder) =>
		Object.freeze({ DefNum, Category: Number(category), ItemOrder, ItemName, ItemValue, ItemColor, IsHidden }))));

const BY_NUM = new Map(DEFINITIONS.map((def) => [def.DefNum, def]));

const CONFIRMED = 2;
const BILLING_TYPES = 4;
const RECALL_UNSCHED_STATUS = 13;
const COMMLOG_TYPES = 27;

/** The definition with this DefNum in this category, or null. @returns {Definition | null} */
function definition(category, defNum) {
	const def = BY_NUM.get(defNum);
	return def && def.Category === category ? def : null;
}

/** ItemName of a DefNum in a category; '' for 0 or a number that is not one (as Defs.GetName does). */
const definitionName = (category, defNum) => (definition(category, defNum) || { ItemName: '' }).ItemName;

/** The visible definition of a category with this ItemName, or null. */
const definitionNamed = (category, name) =>
	DEFINITIONS.find((def) => def.Category === category && !def.IsHidden && def.ItemName === name) || null;

const inCategory = (category) => DEFINITIONS.filter((def) => def.Category === category);

module.exports = {
	DEFINITIONS, CATEGORY_NAMES, CONFIRMED, BILLING_TYPES, RECALL_UNSCHED_STATUS, COMMLOG_TYPES,
	definition, definitionName, definitionNamed, inCategory,
};
