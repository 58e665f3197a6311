// The report screen: what may run, and the exact reason for what may not.
import { MAX_SQL_LENGTH, screenSql } from '../../../nodes/OpenDental/actions/query/readOnly';
import { withOfficeTimes } from '../../../nodes/OpenDental/actions/query/rows';

describe('screenSql lets one read through', () => {
	it.each([
		['SELECT PatNum FROM patient ORDER BY PatNum', true],
		['  select PatNum from patient;  ', false],
		['(SELECT PatNum FROM patient) UNION (SELECT PatNum FROM recall) ORDER BY PatNum', true],
		['SELECT p.PatNum FROM patient p WHERE p.PatNum IN (SELECT PatNum FROM appointment ORDER BY AptNum)', false],
		['WITH recent AS (SELECT PatNum FROM appointment) SELECT * FROM recent ORDER BY PatNum', true],
		['SHOW TABLES', false],
		['DESCRIBE patient', false],
		['EXPLAIN SELECT * FROM patient', false],
		["SELECT REPLACE(LName, 'a', 'b'), INSERT(FName, 1, 1, 'X') FROM patient", false],
		["SELECT 'DELETE FROM patient; UPDATE x' AS text, `update` FROM patient -- DROP TABLE patient\nORDER BY PatNum", true],
		['SELECT PatNum /* INSERT INTO x */ FROM patient # ; DELETE\n', false],
		["SELECT 'it''s', \"a \\\" quote\" FROM patient", false],
		['SELECT t.Lock, t.Update FROM patient t', false],
	])('%s', (sql, ordered) => {
		expect(screenSql(sql)).toEqual({ ordered });
	});
});

describe('screenSql refuses, saying why', () => {
	it.each([
		['DELETE FROM patient', 'starts with DELETE: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run'],
		['update patient set LName = 1', 'starts with UPDATE: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run'],
		['SET @x = 1', 'starts with SET: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run'],
		['CREATE TEMPORARY TABLE t SELECT 1', 'starts with CREATE: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run'],
		['SELECT 1; SELECT 2', 'holds 2 statements; only one read statement can run (a ";" may end it)'],
		['SELECT 1; DELETE FROM patient;', 'holds 2 statements; only one read statement can run (a ";" may end it)'],
		["SELECT * FROM patient INTO OUTFILE 'report.csv'", 'contains INTO, which writes, locks or exports data: only a read can run'],
		['SELECT PatNum INTO @p FROM patient', 'contains INTO, which writes, locks or exports data: only a read can run'],
		['SELECT * FROM patient FOR UPDATE', 'contains UPDATE, which writes, locks or exports data: only a read can run'],
		['SELECT * FROM patient LOCK IN SHARE MODE', 'contains LOCK, which writes, locks or exports data: only a read can run'],
		['WITH x AS (SELECT 1) DELETE FROM patient', 'contains DELETE, which writes, locks or exports data: only a read can run'],
		['EXPLAIN UPDATE patient SET LName = 1', 'contains UPDATE, which writes, locks or exports data: only a read can run'],
		['SELECT 1 /*!50000 ; DELETE FROM patient */', 'contains a MySQL executable comment (/*! … */ or /*+ … */); remove it'],
		['SELECT /*+ MAX_EXECUTION_TIME(1) */ 1', 'contains a MySQL executable comment (/*! … */ or /*+ … */); remove it'],
		["SELECT 'open", "has a quote (') that is never closed"],
		['SELECT 1 /* open', 'has a comment (/* …) that is never closed'],
		['', 'is empty: enter a SELECT statement'],
		[' ; -- nothing', 'is empty: enter a SELECT statement'],
		['SELECT CHAR(0), "\u0000"', 'contains a null character; write CHAR(0) instead'],
	])('%s', (sql, problem) => {
		expect(screenSql(sql)).toEqual({ problem, ordered: false });
	});

	it('SQL longer than 100,000 characters', () => {
		expect(screenSql(`SELECT '${'x'.repeat(MAX_SQL_LENGTH)}'`)).toEqual({ problem: 'is longer than 100,000 characters', ordered: false });
	});
});

describe('withOfficeTimes', () => {
	it("gives ShortQuery's date-times the office's offset, year 1 as null, and keeps the texts", () => {
		const row = { PatNum: 5, LastVisit: '2024-03-01T00:00:00', Seen: '2026-07-04T09:30:00', Never: '0001-01-01T00:00:00', Note: '2024-03-01', Fee: 12.5, Empty: null };
		expect(withOfficeTimes(row, 'America/Chicago')).toEqual({
			PatNum: 5,
			LastVisit: '2024-03-01T00:00:00-06:00',
			Seen: '2026-07-04T09:30:00-05:00',
			Never: null,
			Note: '2024-03-01',
			Fee: 12.5,
			Empty: null,
			_original: { LastVisit: '2024-03-01T00:00:00', Seen: '2026-07-04T09:30:00', Never: '0001-01-01T00:00:00' },
		});
	});

	it('leaves a row without date-times as it is', () => {
		expect(withOfficeTimes({ ProvNum: 1, Production: 100 }, 'America/Chicago')).toEqual({ ProvNum: 1, Production: 100 });
	});
});
