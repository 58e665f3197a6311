import { manualTime, type Simulator, startSimulator } from '../../simulator';

export const DEV = 'NFF6i0KrXrxDkZHt';
export const FREE = `ODFHIR ${DEV}/VzkmZEaUWOjnQX2z`;
export const PAID = `ODFHIR ${DEV}/PaidCustKey00001`;
export const ENTERPRISE = `ODFHIR ${DEV}/EntCustKey000001`;
export const DISABLED = `ODFHIR ${DEV}/DisabledCustKey1`;
export const NO_READ = `ODFHIR ${DEV}/NoReadCustKey001`;
export const QUERIES = `ODFHIR ${DEV}/QueryCustKey0001`;
export const COMM_QUERIES = `ODFHIR ${DEV}/CommQueryKey0001`;
export const FULL_ACCESS = `ODFHIR ${DEV}/FullAccessKey001`;

export interface ApiResponse {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed body (whatever JSON.parse gives), undefined when the body is not JSON. */
	json: ReturnType<typeof JSON.parse>;
}

export interface CallOptions {
	auth?: string | null;
	contentType?: string | null;
	method?: string;
	headers?: Record<string, string>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as is (wins over body). */
	rawBody?: string;
}

// GET (by default) against the simulated API with a valid key and JSON content type.
export async function call(sim: Simulator, pathAndQuery: string, options: CallOptions = {}): Promise<ApiResponse> {
	const headers: Record<string, string> = { ...options.headers };
	const auth = options.auth === undefined ? FREE : options.auth;
	const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
	if (auth !== null) headers.Authorization = auth;
	if (contentType !== null) headers['Content-Type'] = contentType;
	const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const response = await fetch(`${sim.baseUrl}${pathAndQuery}`, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	let json: ReturnType<typeof JSON.parse> = undefined;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

// Control API call (no auth).
export async function control(
	sim: Simulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; json: ReturnType<typeof JSON.parse> }> {
	const response = await fetch(`${sim.controlUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once the simulator has logged `count` requests (they travel over real HTTP). */
export async function arrived(sim: Simulator, count: number): Promise<void> {
	while (sim.requests().length < count) await nextTurn();
}

/** Resolves once `count` requests have been answered. */
export async function answered(sim: Simulator, count: number): Promise<void> {
	while (sim.requests().filter((entry) => entry.durationMs !== null).length < count) await nextTurn();
}

/** A write (PUT by default) with a JSON body, by a key with Comm and Queries unless told otherwise. */
export function send(sim: Simulator, path: string, body: unknown, options: CallOptions = {}): Promise<ApiResponse> {
	return call(sim, path, { method: 'PUT', auth: COMM_QUERIES, body, ...options });
}

/**
 * A simulator for one describe block, with the schedule anchored on 2026-01-05, reset before each
 * test with the office clock at `now` (held there with `frozen`). Returns a getter for it.
 */
export function useOfficeAt(now: string, { frozen = false } = {}): () => Simulator {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time: manualTime(), appointments: { anchorDate: '2026-01-05' } });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.clock.set(now);
		if (frozen) sim.clock.freeze();
	});
	return () => sim;
}
