'use strict';

const { DEFINITIONS } = require('../reference/definitions');
const { PROVIDERS } = require('../reference-data');
const { PROCEDURE_CODES } = require('../reference/procedure-codes');
const { isoDateTime, bit } = require('./values');

// The office's fixed tables ShortQuery can read, in the database representation: definition,
// provider (ProvStatus Active = 0, Deleted = 1; ProvColor as its ARGB integer) and procedurecode.

const table = (name, columns, rows) => ({ name, columns, rows: () => rows });

const DEFINITION = table('definition', ['DefNum', 'Category', 'ItemOrder', 'ItemName', 'ItemValue', 'ItemColor', 'IsHidden'],
	DEFINITIONS.map((def) => ({ ...def, IsHidden: def.IsHidden ? 1 : 0 })));

const PROVIDER_COLUMNS = [
	'ProvNum', 'Abbr', 'LName', 'FName', 'MI', 'Suffix', 'FeeSched', 'Specialty', 'SSN', 'StateLicense', 'IsSecondary',
	'ProvColor', 'IsHidden', 'UsingTIN', 'SigOnFile', 'NationalProvID', 'DateTStamp', 'IsNotPerson', 'ProvStatus',
	'IsHiddenReport', 'Birthdate', 'SchedNote', 'PreferredName',
];
const PROVIDER = table('provider', PROVIDER_COLUMNS, PROVIDERS.map((p) => ({
	ProvNum: p.ProvNum, Abbr: p.Abbr, LName: p.LName, FName: p.FName, MI: p.MI, Suffix: p.Suffix, FeeSched: p.FeeSched,
	Specialty: p.Specialty, SSN: p.SSN, StateLicense: p.StateLicense, IsSecondary: bit(p.IsSecondary),
	ProvColor: Number(p.provColor), IsHidden: bit(p.IsHidden), UsingTIN: bit(p.UsingTIN), SigOnFile: bit(p.SigOnFile),
	NationalProvID: p.NationalProvID, DateTStamp: isoDateTime(p.DateTStamp), IsNotPerson: bit(p.IsNotPerson),
	ProvStatus: p.ProvStatus === 'Deleted' ? 1 : 0, IsHiddenReport: bit(p.IsHiddenReport), Birthdate: isoDateTime(p.Birthdate),
	SchedNote: p.SchedNote, PreferredName: p.PreferredName,
})));

const PROCEDURE_CODE = table('procedurecode', ['CodeNum', 'ProcCode', 'AbbrDesc', 'Descript', 'IsHygiene'],
	PROCEDURE_CODES.map(({ CodeNum, ProcCode, AbbrDesc, Descript, IsHygiene }) => ({ CodeNum, ProcCode, AbbrDesc, Descript, IsHygiene })));

/** @type {import('./evaluator').SqlTable[]} */
const REFERENCE_TABLES = [DEFINITION, PROVIDER, PROCEDURE_CODE];

module.exports = { REFERENCE_TABLES };
