// The test workflows and credentials, imported once per n8n target next to the examples.
import type { Simulator } from '../../simulator';
import { DEFAULT_KEYS } from '../../simulator';
import {
	COMM_CREDENTIAL,
	EXAMPLE_CREDENTIAL,
	QUERY_CREDENTIAL,
	manualTrigger,
	openDentalNode,
	setNode,
	simulatorCredential,
	splitOutNode,
	workflow,
} from '../lib/fixtures';

export const FREE_KEY = DEFAULT_KEYS[0];
export const COMM_KEY = DEFAULT_KEYS[1];
export const ENTERPRISE_KEY = DEFAULT_KEYS[2];
export const QUERY_KEY = DEFAULT_KEYS[5];
export const WRONG_CUSTOMER_KEY = 'WrongCustKey0042';

export const WRONG_KEY_CREDENTIAL = { id: 'odWrongKeyCred', name: 'Open Dental wrong key' };
// Two credentials with one customer key: Open Dental throttles the key, not the credential. Their
// interval is the enterprise throttle's 500 ms plus 200 ms, so that a loaded test machine's
// scheduling delays (which can exceed the node's own 20 ms margin) never meet the throttle: a
// reader that did not share the key's lane would still arrive within milliseconds of the other.
export const PACED_CREDENTIAL_A = { id: 'odPacedCredA', name: 'Open Dental enterprise A' };
export const PACED_CREDENTIAL_B = { id: 'odPacedCredB', name: 'Open Dental enterprise B' };
export const PACED_INTERVAL_MS = 700;

export const MISSING_PATNUM = 99999;
export const PHONES = ['555-0142', '(217) 555-0107', '555-0199'];

export function credentials(sim: Simulator) {
	const baseUrl = `${sim.baseUrl}/`;
	return [
		simulatorCredential({ ...EXAMPLE_CREDENTIAL, baseUrl, key: FREE_KEY }),
		simulatorCredential({ ...COMM_CREDENTIAL, baseUrl, key: COMM_KEY }),
		// Paced like the Remote API (one request at a time, 1 ms apart), where reports are read.
		simulatorCredential({ ...QUERY_CREDENTIAL, baseUrl, key: QUERY_KEY, rateLimit: 'custom', requestIntervalMs: 1 }),
		simulatorCredential({ ...WRONG_KEY_CREDENTIAL, baseUrl, key: { developerKey: FREE_KEY.developerKey, customerKey: WRONG_CUSTOMER_KEY } }),
		simulatorCredential({ ...PACED_CREDENTIAL_A, baseUrl, key: ENTERPRISE_KEY, rateLimit: 'custom', requestIntervalMs: PACED_INTERVAL_MS }),
		simulatorCredential({ ...PACED_CREDENTIAL_B, baseUrl, key: ENTERPRISE_KEY, rateLimit: 'custom', requestIntervalMs: PACED_INTERVAL_MS }),
	];
}

const single = (id: string, node: object) => workflow(id, id, [[manualTrigger(), node]]);

export const testWorkflows = () => [
	single('odLimit250', openDentalNode('Patients', { resource: 'patient', operation: 'getAll', returnAll: false, limit: 250 })),
	single('odGetFull', openDentalNode('Patient', { resource: 'patient', operation: 'get', patNum: 42, simplify: false })),
	single('odGetMissing', openDentalNode('Patient', { resource: 'patient', operation: 'get', patNum: MISSING_PATNUM })),
	single('odGetBadPatNum', openDentalNode('Patient', { resource: 'patient', operation: 'get', patNum: "={{ 'abc' }}" })),
	single('odWrongKey', openDentalNode('Patients', { resource: 'patient', operation: 'getAll', returnAll: true }, WRONG_KEY_CREDENTIAL)),
	workflow('odTwoNodesOneKey', 'Two readers, one customer key', [
		[manualTrigger(), openDentalNode('First reader', { resource: 'patient', operation: 'getAll', limit: 300 }, PACED_CREDENTIAL_A)],
		[manualTrigger(), openDentalNode('Second reader', { resource: 'patient', operation: 'getAll', limit: 300 }, PACED_CREDENTIAL_B)],
	]),
	workflow('odContinueOnFail', 'Continue on fail', [
		[
			manualTrigger(),
			setNode('PatNums', { patNum: [3, MISSING_PATNUM, 'abc', 7] }),
			splitOutNode('One per item', 'patNum'),
			openDentalNode('Patient', { resource: 'patient', operation: 'get', patNum: '={{ $json.patNum }}' }, EXAMPLE_CREDENTIAL, {
				onError: 'continueRegularOutput',
			}),
		],
	]),
	workflow('odSearchPerItem', 'Search per input item', [
		[
			manualTrigger(),
			setNode('Phones', { phone: PHONES }),
			splitOutNode('One per item', 'phone'),
			openDentalNode('Search', { resource: 'patient', operation: 'search', limit: 5, filters: { phone: '={{ $json.phone }}' } }),
		],
	]),
];
