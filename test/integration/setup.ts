// Runs the real node (n8n-core's execution context, real HTTP) against the simulator on 127.0.0.1.
import type { IDataObject, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';
import { OpenDentalApi } from '../../credentials/OpenDentalApi.credentials';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { DEFAULT_KEYS, maxInFlight, type Simulator } from '../../simulator';
import { runNode } from '../harness/n8nExecute';
import { range } from '../support/numbers';

export { range };

export const FREE_KEY = DEFAULT_KEYS[0];
export const PAID_KEY = DEFAULT_KEYS[1];

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	timezone?: string;
	signal?: AbortSignal;
	allowedHosts?: string[];
	hints?: NodeExecutionHint[];
}

/** A credential for the simulator: custom URL, the public test keys, no client-side throttle. */
export function simulatorCredential(sim: Pick<Simulator, 'baseUrl'>, overrides: IDataObject = {}): IDataObject {
	return {
		server: 'custom',
		baseUrl: `${sim.baseUrl}/`,
		developerKey: FREE_KEY.developerKey,
		customerKey: FREE_KEY.customerKey,
		rateLimit: 'none',
		pageSize: 100,
		...overrides,
	};
}

export async function runOpenDental(sim: Pick<Simulator, 'baseUrl'>, parameters: IDataObject, options: RunOptions = {}): Promise<INodeExecutionData[]> {
	const output = await runNode({
		nodeType: new OpenDental(),
		credentialType: new OpenDentalApi(),
		credentials: options.credentials ?? simulatorCredential(sim),
		parameters: { resource: 'patient', ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
		signal: options.signal,
		allowedHosts: options.allowedHosts,
		hints: options.hints,
	});
	return output[0];
}

export async function runOpenDentalError(sim: Pick<Simulator, 'baseUrl'>, parameters: IDataObject, options: RunOptions = {}): Promise<Error> {
	return await runOpenDental(sim, parameters, options).then(
		() => {
			throw new Error('expected the node to fail');
		},
		(error: unknown) => error as Error,
	);
}

export const patNums = (items: INodeExecutionData[]) => items.map((item) => item.json.PatNum as number);

/** Limit/Offset of each list request the simulator saw, in arrival order. */
export function pageRequests(sim: Simulator, path = '/patients/Simple') {
	return sim
		.requests()
		.filter((entry) => entry.path === path)
		.map((entry) => ({ limit: Number(entry.query.Limit), offset: Number(entry.query.Offset), status: entry.status, fault: entry.fault }));
}

/** The most requests the simulator was answering at the same moment, on one path. */
export const maxConcurrent = (sim: Simulator, path = '/patients/Simple'): number => maxInFlight(sim.requests().filter((entry) => entry.path === path));

/** Offsets in ascending order, for comparing sets of requests that were in flight together. */
export const sortedOffsets = (pages: Array<{ offset: number }>) => pages.map((page) => page.offset).sort((a, b) => a - b);

/**
 * Offsets an unthrottled read asks for when the data fills `pages` pages: those pages, plus the ones
 * the window (1, 2, then 4 in flight) had already asked for when the last, short page came back.
 */
export function windowedOffsets(pages: number, pageSize = 100, maxWindow = 4): number[] {
	const surplus = Math.min(maxWindow, 2 ** (pages - 1)) - 1;
	return range(0, pages + surplus - 1).map((page) => page * pageSize);
}
