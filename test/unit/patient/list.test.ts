// Get Many and Search: the patient resource's list operations.
import type { IDataObject } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { pageResponder } from '../../support/fakeContext';
import { ok, run, runError } from '../../support/nodeRun';
import { FULL_PATIENT } from '../../support/patients';

beforeEach(() => resetPacing());

describe('Get Many and Search', () => {
	const rows = Array.from({ length: 130 }, (_, i) => ({ ...FULL_PATIENT, PatNum: i + 1 }));

	it('Get Many maps filters to Open Dental parameters and pages /patients/Simple', async () => {
		const filters: IDataObject = {
			lastName: ' smi ',
			firstName: 'an',
			birthdate: '1980-05-24T00:00:00',
			patStatus: 'Patient',
			clinicNum: 0,
			priProv: '2',
			gender: 'Female',
			position: 'Married',
			guarantor: 7,
			updatedSince: '2025-01-01T15:00:00.000Z',
		};
		const { items, calls } = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters, simplify: true }, pageResponder(rows));
		// Unthrottled key: the full first page opens a window of two, and the second page is the last.
		expect(calls.map((c) => c.qs)).toEqual([0, 100, 200].map((Offset) => ({
			LName: 'smi',
			FName: 'an',
			Birthdate: '1980-05-24',
			PatStatus: 'Patient',
			ClinicNum: 0,
			PriProv: 2,
			Gender: 'Female',
			Position: 'Married',
			Guarantor: 7,
			DateTStamp: '2025-01-01 09:00:00',
			Limit: 100,
			Offset,
		})));
		expect(calls.every((c) => c.options.url === '/patients/Simple')).toBe(true);
		expect(items.map((i) => i.json.PatNum)).toEqual(rows.map((r) => r.PatNum));
		expect(items.every((i) => i.pairedItem && !('SSN' in i.json))).toBe(true);
	});

	it('Search sends its filters as Open Dental spells them, booleans as strings', async () => {
		const filters = { phone: '555-0101', email: 'ana@', clinicNums: '1, 2', hideInactive: true, showArchived: false, state: 'OR' };
		const { calls } = await run({ resource: 'patient', operation: 'search', returnAll: false, limit: 5, filters, simplify: true }, pageResponder(rows));
		expect(calls.map((c) => [c.options.url, c.qs])).toEqual([
			['/patients', { Phone: '555-0101', Email: 'ana@', clinicNums: '1,2', hideInactive: 'true', showArchived: 'false', State: 'OR', Limit: 5, Offset: 0 }],
		]);
	});

	it.each([
		[{ updatedSince: 'last tuesday' }, 'Item 0: "Updated Since" must be a date-time like 2024-06-01 08:00:00 or an ISO date'],
		[{ birthdate: '1980-02-31' }, 'Item 0: "Birthdate" must be a date like 1980-05-24'],
		[{ patStatus: 'Deleted' }, 'Item 0: "Patient Status" must be one of Patient, NonPatient, Inactive, Archived, Deceased, Prospective'],
		[{ priProv: -1 }, 'Item 0: "Primary Provider ID" must be a positive whole number'],
		[{ nickname: 'x' }, 'Item 0: "Filters" has unknown entries: nickname'],
	])('Get Many rejects %p before any request', async (filters, message) => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'getAll', returnAll: true, filters, simplify: true }, pageResponder(rows));
		expect(error?.message).toBe(message);
		expect(calls).toHaveLength(0);
	});

	it('never echoes a birthdate in an error', async () => {
		const { error } = await runError({ resource: 'patient', operation: 'getAll', returnAll: true, filters: { birthdate: '1980-02-31' }, simplify: true }, ok([]));
		expect(JSON.stringify({ m: error?.message, d: (error as NodeOperationError).description })).not.toContain('1980-02-31');
	});

	it.each([[0], [-5], [2.5]])('rejects limit %p before any request', async (limit) => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'search', returnAll: false, limit, filters: {}, simplify: true }, ok([]));
		expect(error?.message).toBe('Item 0: "Limit" must be a positive whole number');
		expect(calls).toHaveLength(0);
	});

	it('rejects a limit above the rows one read returns, before any request', async () => {
		const { error, calls } = await runError({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 500_001, filters: {}, simplify: true }, ok([]));
		expect(error?.message).toBe('Item 0: "Limit" must be at most 500,000, the most one read returns');
		expect(calls).toHaveLength(0);
	});
});
