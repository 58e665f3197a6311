// A stand-in for n8n's execution context, for unit tests of pure transport and node logic.
// HTTP-level proof lives in test/integration (real n8n-core context, real HTTP, the simulator).
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData } from 'n8n-workflow';
import type { OpenDentalContext } from '../../nodes/OpenDental/transport';
import type { Clock } from '../../nodes/OpenDental/transport/pacer';
import type { SimTime } from '../../simulator';

export interface RecordedCall {
	options: IHttpRequestOptions;
	qs: IDataObject;
}

export interface FakeResponse {
	statusCode: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Answers one request: a response, or a thrown error standing for a network failure. */
export type Responder = (call: RecordedCall, index: number) => FakeResponse | Promise<FakeResponse>;

export interface FakeContextOptions {
	responder: Responder;
	parameters?: Record<string, unknown> | ((itemIndex: number) => Record<string, unknown>);
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	timezone?: string;
	/** The execution's cancel signal (n8n aborts it when the user stops the workflow). */
	signal?: AbortSignal;
}

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'Open Dental',
	type: 'n8n-nodes-open-dental.openDental',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const DEFAULT_CREDENTIALS: IDataObject = { server: 'custom', baseUrl: 'http://127.0.0.1:1/api/v1', developerKey: 'devKey1', customerKey: 'custKey1', rateLimit: 'none' };

/**
 * The part of a context every n8n node context has (a poll, a load-options method, a webhook):
 * the node, its credential and the HTTP helper. No items, no parameters, no Stop.
 */
export function fakeTransportContext(responder: Responder, credentials: IDataObject = DEFAULT_CREDENTIALS): { ctx: OpenDentalContext; calls: RecordedCall[] } {
	const calls: RecordedCall[] = [];
	const ctx: OpenDentalContext = {
		getNode: () => TEST_NODE,
		getCredentials: async <T extends object>() => credentials as T,
		helpers: {
			async httpRequest(requestOptions: IHttpRequestOptions) {
				const call = { options: requestOptions, qs: { ...(requestOptions.qs ?? {}) } };
				calls.push(call);
				return await responder(call, calls.length - 1);
			},
		},
	};
	return { ctx, calls };
}

/** An action node's execute context: the transport's part, plus items, parameters, continueOnFail and Stop. */
export function fakeContext(options: FakeContextOptions): { ctx: IExecuteFunctions; calls: RecordedCall[] } {
	const { ctx: transport, calls } = fakeTransportContext(options.responder, options.credentials);
	const parametersFor = (itemIndex: number) =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : (options.parameters ?? {});
	const ctx = {
		...transport,
		getInputData: () => options.items ?? [{ json: {} }],
		continueOnFail: () => options.continueOnFail ?? false,
		getTimezone: () => options.timezone ?? 'America/Chicago',
		getExecutionCancelSignal: () => options.signal,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = parametersFor(itemIndex)[name];
			if (value === undefined && fallback === undefined) throw new Error(`Test did not set parameter ${name}`);
			return value === undefined ? fallback : value;
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, calls };
}

/**
 * Virtual time: sleep() advances the clock at once and records how long it was asked to wait;
 * a deadline aborts only when virtual time reaches it (by a sleep or by advance()).
 */
export interface VirtualClock {
	sleeps: number[];
	clock: Clock;
	advance(ms: number): void;
	/** Deadlines still waiting, as ms from now. */
	pendingDeadlines(): number[];
	/** The same timeline for the simulator: the server sees requests arrive when the node sends them. */
	simulatorTime(): SimTime;
	readonly now: number;
}

export function virtualClock(start = 1_000_000): VirtualClock {
	let now = start;
	const sleeps: number[] = [];
	const deadlines: Array<{ at: number; controller: AbortController }> = [];
	const moveTo = (time: number) => {
		now = time;
		for (const due of deadlines.filter((deadline) => deadline.at <= now)) {
			deadlines.splice(deadlines.indexOf(due), 1);
			due.controller.abort(new Error('virtual deadline'));
		}
	};
	return {
		sleeps,
		clock: {
			now: () => now,
			sleep: async (ms: number) => {
				sleeps.push(ms);
				moveTo(now + ms);
			},
			deadline: (ms: number) => {
				const controller = new AbortController();
				deadlines.push({ at: now + ms, controller });
				return controller.signal;
			},
		},
		advance: (ms: number) => moveTo(now + ms),
		simulatorTime: () => ({
			now: () => now,
			epochNow: () => now,
			sleep: async (ms: number) => {
				if (ms > 0) throw new Error('the simulator cannot hold a request on the node\'s virtual time: nothing would move it');
			},
			cancelAll: () => undefined,
		}),
		pendingDeadlines: () => deadlines.map((deadline) => deadline.at - now),
		get now() {
			return now;
		},
	};
}

/** Rows with PatNum 1..count, served like Open Dental pages with a per-request cap. */
export function patientRows(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ PatNum: index + 1, LName: `Last${index + 1}`, FName: 'Test' }));
}

export function pageResponder(rows: IDataObject[], cap = 100): Responder {
	return (call) => {
		const offset = Number(call.qs.Offset ?? 0);
		const limit = Math.min(Number(call.qs.Limit ?? cap), cap);
		return { statusCode: 200, body: rows.slice(offset, offset + limit) };
	};
}
