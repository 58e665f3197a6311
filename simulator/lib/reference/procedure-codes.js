'use strict';

// The procedure codes the seeded office charts (Open Dental's procedurecode table, a small part of
// it), with the office's fee for each (its one fee schedule). CodeNums are the simulator's own.
// Hygiene codes are done by the hygienist on a hygiene appointment; the rest by the dentist.
// Descriptions are short paraphrases.
function code(CodeNum, ProcCode, AbbrDesc, Descript, fee, { hygiene = false, tooth = false } = {}) {
	return Object.freeze({ CodeNum, ProcCode, AbbrDesc, Descript, IsHygiene: hygiene ? 1 : 0, fee, tooth });
}

const PROCEDURE_CODES = Object.freeze([
	code(1, 'D0120', 'PerEx', 'Periodic exam', 58),
	code(2, 'D0140', 'LimEx', 'Limited exam, problem focused', 85),
	code(3, 'D0150', 'CompEx', 'Comprehensive exam', 105),
	code(4, 'D0210', 'FMX', 'Full mouth series of images', 145, { hygiene: true }),
	code(5, 'D0220', 'PA', 'Periapical image, first', 32.5, { tooth: true }),
	code(6, 'D0274', '4BW', 'Four bitewing images', 72.5, { hygiene: true }),
	code(7, 'D1110', 'Pro', 'Prophylaxis, adult', 112, { hygiene: true }),
	code(8, 'D1208', 'Flo', 'Topical fluoride', 42.75, { hygiene: true }),
	code(9, 'D2391', 'Comp1P', 'Composite, one surface, posterior', 185, { tooth: true }),
	code(10, 'D2392', 'Comp2P', 'Composite, two surfaces, posterior', 242.5, { tooth: true }),
	code(11, 'D2740', 'Crn', 'Crown, porcelain/ceramic', 1185, { tooth: true }),
	code(12, 'D2950', 'BU', 'Core buildup', 295, { tooth: true }),
	code(13, 'D3330', 'RCT-M', 'Root canal, molar', 1120, { tooth: true }),
	code(14, 'D4341', 'SRP', 'Scaling and root planing, per quadrant', 245, { hygiene: true }),
	code(15, 'D4910', 'PerioMaint', 'Periodontal maintenance', 165, { hygiene: true }),
	code(16, 'D7140', 'Ext', 'Extraction, erupted tooth', 195, { tooth: true }),
]);

const BY_CODE = new Map(PROCEDURE_CODES.map((entry) => [entry.ProcCode, entry]));

/** The code 'D1110' → its entry (throws for a code the office does not have). @param {string} procCode */
function procedureCode(procCode) {
	const entry = BY_CODE.get(procCode);
	if (!entry) throw new Error(`unknown procedure code ${procCode}`);
	return entry;
}

module.exports = { PROCEDURE_CODES, procedureCode };
