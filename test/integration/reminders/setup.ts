// Shared by the reminder tests: an office whose schedule is pinned around 2026-12-01 (a Tuesday),
// and the node's wall clock pinned to 09:00 that morning in Chicago.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { DEFAULT_KEYS, type Simulator, type StartOptions, startSimulator } from '../../../simulator';
import { resetPacing } from '../../../nodes/OpenDental/transport/pacer';
import { overrideTransportSettings, restoreTransportSettings } from '../../../nodes/OpenDental/transport/settings';
import { simulatorCredential } from '../setup';

export const ANCHOR = '2026-12-01';
export const OFFICE_ZONE = 'America/Chicago';
/** 2026-12-01 09:00 in Chicago (15:00 UTC). */
export const NINE_AM = Date.UTC(2026, 11, 1, 15, 0, 0);

export const keyNamed = (customerKey: string) => {
	const key = DEFAULT_KEYS.find((entry) => entry.customerKey === customerKey);
	if (!key) throw new Error(`the simulator has no key ${customerKey}`);
	return key;
};
export const READ_ALL = keyNamed('VzkmZEaUWOjnQX2z');
export const COMM = keyNamed('PaidCustKey00001');
export const QUERIES = keyNamed('QueryCustKey0001');

export const SIMULATOR_OPTIONS = {
	patients: 300,
	seed: 11,
	throttle: { mode: 'off' as const },
	appointments: { perDay: 12, daysBefore: 7, daysAfter: 40, anchorDate: ANCHOR },
};

/** The node's clock at `epochMs` (default 09:00 office time on the anchor day). */
export const pinWallClock = (epochMs = NINE_AM) => overrideTransportSettings({ wallClock: () => epochMs });

/**
 * A credential for the simulator with one of its keys and the office's time zone. Paced like a
 * Remote API key (one request at a time: no pages asked for ahead), 1 ms apart so tests do not wait.
 */
export function officeCredential(sim: Pick<Simulator, 'baseUrl'>, key = READ_ALL, extra: IDataObject = {}): IDataObject {
	return simulatorCredential(sim, { customerKey: key.customerKey, officeTimeZone: OFFICE_ZONE, rateLimit: 'custom', requestIntervalMs: 1, ...extra });
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const aptNums = (items: INodeExecutionData[]) => items.map((item) => item.json.AptNum as number);

/** What the simulator saw: "METHOD path" with the query as an object, in arrival order. */
export const seen = (sim: Simulator) => sim.requests().map((entry) => ({ request: `${entry.method} ${entry.path}`, query: entry.query }));

/** In December Chicago is six hours behind UTC. */
export const decemberIso = (officeLocal: string) => `${officeLocal.replace(' ', 'T')}-06:00`;

const digits = (text: string) => text.replace(/\D/g, '');

/** canText as the tests read the rules: consent Yes, a whole wireless number, a patient the office still sees. */
export function expectedCanText(patient: { TxtMsgOk: string; WirelessPhone: string; PatStatus: string }, optedOut = false): boolean {
	return !optedOut && patient.TxtMsgOk === 'Yes' && digits(patient.WirelessPhone).length >= 10 && !['Inactive', 'Archived', 'Deleted', 'Deceased'].includes(patient.PatStatus);
}

/** canEmail likewise: an address that looks like one, a patient the office still sees. */
export function expectedCanEmail(patient: { Email: string; PatStatus: string }, optedOut = false): boolean {
	return !optedOut && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patient.Email) && !['Inactive', 'Archived', 'Deleted', 'Deceased'].includes(patient.PatStatus);
}

/**
 * One simulated office for a test file, handed to `use` once it listens: reset before each test,
 * with fresh pacing and the transport settings `settle` makes (by default the node's clock at
 * 09:00 office time), restored after it.
 */
export function useOffice(use: (sim: Simulator) => void, { options = SIMULATOR_OPTIONS, settle = () => pinWallClock() }: { options?: StartOptions; settle?: () => void } = {}): void {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator(options);
		use(sim);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.reset();
		resetPacing();
		settle();
	});
	afterEach(() => restoreTransportSettings());
}
