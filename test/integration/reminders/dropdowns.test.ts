// The office's lists behind the dropdowns, read as the editor reads them (n8n-core's
// LoadOptionsContext, real HTTP), paced like every other request of the key.
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../../nodes/OpenDental/OpenDental.node';
import type { Simulator } from '../../../simulator';
import { runLoadOptions } from '../../harness/n8nLoadOptions';
import { officeCredential, READ_ALL, useOffice } from './setup';

let sim: Simulator;
useOffice((office) => (sim = office), { settle: () => undefined });

const load = (method: string, credentials = officeCredential(sim)) =>
	runLoadOptions({ nodeType: new OpenDental(), credentialType: new OpenDentalApi(), credentials, parameters: { resource: 'appointment', operation: 'getAll' }, method });

const requested = () => sim.requests().map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery}`);

describe('dropdowns from the office', () => {
	it("lists the clinics, with 'No Clinic' first", async () => {
		expect(await load('getClinics')).toEqual([
			{ name: 'No Clinic', value: 0, description: 'Records not assigned to a clinic' },
			{ name: 'Sunrise Family Dental - Downtown (DWTN)', value: 1 },
			{ name: 'Sunrise Family Dental - Lakeside (LAKE)', value: 2 },
		]);
		expect(requested()).toEqual(['GET /clinics?Limit=100&Offset=0']);
	});

	it("lists the office's visible confirmation statuses by DefNum", async () => {
		expect(await load('getConfirmationStatuses')).toEqual([
			{ name: 'Not Called', value: 19 },
			{ name: 'Unconfirmed', value: 20 },
			{ name: 'Appointment Confirmed', value: 21 },
			{ name: 'Left Message', value: 22 },
			{ name: 'Texted', value: 23 },
			{ name: 'eConfirm Sent', value: 24 },
			{ name: 'eConfirm Accepted', value: 25 },
			{ name: 'eConfirm Declined', value: 26 },
			{ name: 'eConfirm Failed', value: 27 },
		]);
		expect(requested()).toEqual(['GET /definitions?Category=2&Limit=100&Offset=0']);
	});

	it('lists recall statuses (with None), commlog types by name, and recall types by name', async () => {
		expect(await load('getRecallStatuses')).toEqual([
			{ name: 'None', value: 0 },
			{ name: 'Left Msg', value: 140 },
			{ name: 'Texted', value: 141 },
			{ name: 'Mailed Postcard', value: 142 },
			{ name: 'Emailed', value: 143 },
			{ name: 'Scheduled Elsewhere', value: 144 },
		]);
		expect((await load('getCommlogTypes')).map((option) => option.value)).toEqual(['ApptRelated', 'Insurance', 'FinancialRelated', 'Recall', 'Misc', 'Text']);
		expect((await load('getRecallTypes')).map((option) => option.value)).toEqual(['Prophy', 'Perio', 'Child Prophy', '4BW', 'Pano']);
	});

	it('lists providers, operatories and appointment types without hidden ones', async () => {
		expect((await load('getProviders')).map((option) => option.name)).toEqual(['DOC1 – Martin Holloway', 'DOC2 – Elise Brandvold', 'HYG1 – Carla Penrose', 'HYG2 – Devon Quintero']);
		const operatories = (await office('/operatories')).filter((op) => op.IsHidden !== 'true');
		expect(operatories.length).toBeGreaterThan(1);
		expect(await load('getOperatories')).toEqual(operatories.map((op) => ({ name: op.OpName, value: op.OperatoryNum })));
		const types = (await office('/appointmenttypes')).filter((type) => type.IsHidden !== 'true');
		expect(types.length).toBeGreaterThan(1);
		expect(await load('getAppointmentTypes')).toEqual(types.map((type) => ({ name: type.AppointmentTypeName, value: type.AppointmentTypeNum })));
	});

	it("waits its turn on the key's lane like any other request", async () => {
		// The simulator refuses a second request within 400 ms; the credential spaces them 1 s apart.
		sim.configure({ throttle: { mode: 'reject', readAllMs: 400 } });
		const paced = officeCredential(sim, undefined, { rateLimit: 'custom', requestIntervalMs: 1000 });
		await load('getClinics', paced);
		await load('getConfirmationStatuses', paced);
		expect(sim.requests().map((entry) => [entry.path, entry.status, entry.throttled])).toEqual([
			['/clinics', 200, false],
			['/definitions', 200, false],
		]);
	});
});

/** A list straight from the simulator, as the expected answer. */
async function office(path: string): Promise<Array<Record<string, string & number>>> {
	const key = READ_ALL;
	const response = await fetch(`${sim.baseUrl}${path}`, {
		headers: { Authorization: `ODFHIR ${key.developerKey}/${key.customerKey}`, 'Content-Type': 'application/json' },
	});
	const rows = (await response.json()) as Array<Record<string, string & number>>;
	sim.clearRequests();
	return rows;
}
