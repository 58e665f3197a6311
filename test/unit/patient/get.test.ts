import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { ok, run, runError } from '../../support/nodeRun';
import { FULL_PATIENT, get } from '../../support/patients';

beforeEach(() => resetPacing());

describe('Get', () => {
	it('requests the patient and returns the short record without SSN', async () => {
		const { items, calls } = await run(get(7), ok(FULL_PATIENT));
		expect(calls.map((c) => c.options.url)).toEqual(['/patients/7']);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).not.toHaveProperty('SSN');
		expect(items[0].json).not.toHaveProperty('EstBalance');
		expect(items[0].json).not.toHaveProperty('Birthdate');
		expect(items[0].json).toEqual({
			PatNum: 7,
			Guarantor: 7,
			LName: 'Rivera',
			FName: 'Ana',
			MiddleI: '',
			Preferred: 'Annie',
			PatStatus: 'Patient',
			Email: 'ana@example.com',
			WirelessPhone: '(555)555-0101',
			HmPhone: '',
			WkPhone: '',
			Address: '1 Main St',
			Address2: '',
			City: 'Salem',
			State: 'OR',
			Zip: '97301',
			TxtMsgOk: 'Yes',
			PreferContactMethod: 'WirelessPh',
			PreferConfirmMethod: 'TextMessage',
			PreferRecallMethod: 'Email',
			ClinicNum: 2,
			clinicAbbr: 'East',
			PriProv: 1,
			priProvAbbr: 'DOC1',
			DateTStamp: '2025-03-02 10:11:12',
		});
	});

	it('returns the record unchanged with Simplify off', async () => {
		const { items } = await run(get(7, false), ok(FULL_PATIENT));
		expect(items[0].json).toEqual(FULL_PATIENT);
	});

	it('accepts a numeric string from an expression', async () => {
		const { calls } = await run(get(' 42 '), ok(FULL_PATIENT));
		expect(calls.map((c) => c.options.url)).toEqual(['/patients/42']);
	});

	it.each([[0], [-3], [1.5], ['abc'], [''], [null], ['12a']])('rejects Patient ID %p before any request, naming item and field', async (patNum) => {
		const { error, calls } = await runError(get(patNum), ok(FULL_PATIENT));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Item 0: "Patient ID" must be a positive whole number');
		expect((error as NodeOperationError).description).toContain('Parameter "patNum" of item 0.');
		expect(calls).toHaveLength(0);
	});

	it('validates every item before the first request', async () => {
		const { error, calls } = await runError((i) => get([5, 6, 'x'][i]), ok(FULL_PATIENT), { items: [{ json: {} }, { json: {} }, { json: {} }] });
		expect(error?.message).toBe('Item 2: "Patient ID" must be a positive whole number');
		expect(calls).toHaveLength(0);
	});

	it('maps a 404 to "Patient N not found"', async () => {
		const { error } = await runError(get(999), () => ({ statusCode: 404, body: '"Patient not found."' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('Patient 999 not found');
	});
});

describe('unexpected answers', () => {
	it.each([
		[[FULL_PATIENT], 'a patient record'],
		['<html>proxy login</html>', 'JSON'],
		[null, 'a patient record'],
	])('Get rejects a 200 that is not a patient record: %p', async (body, expected) => {
		const { error, calls } = await runError(get(7), ok(body));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe(`Open Dental answered with something other than ${expected}`);
		expect(calls).toHaveLength(1);
	});
});

