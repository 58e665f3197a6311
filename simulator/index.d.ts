// Type declarations for the Open Dental REST API simulator (simulator/index.js).

export type Permission = 'ReadAll' | 'Comm' | 'Enterprise' | 'Appointments' | 'Patients' | 'Queries' | 'AllOthers' | 'Setup' | (string & {});

export interface SimKey {
	developerKey: string;
	customerKey: string;
	permissions: Permission[];
	disabled?: boolean;
}

export interface ThrottleConfig {
	mode: 'reject' | 'delay' | 'off';
	readAllMs: number;
	paidMs: number;
	enterpriseMs: number;
	timeScale: number;
	retryAfter: 'seconds' | 'date' | 'none';
}

export interface SimulatorConfig {
	mode: 'remote' | 'local';
	pageCap: number | null;
	keys: SimKey[];
	throttle: ThrottleConfig;
	latencyMs: number | [number, number];
	errorBodyStyle: 'json-string' | 'text' | 'aspnet';
	strictContentTypeOnGet: boolean;
	ignoreOffset: boolean;
	shuffleOrder: boolean;
	officeTimeZone: string;
	patients: number;
	seed: number;
	processingLimitMs: number;
}

export type SimulatorConfigPatch = Partial<Omit<SimulatorConfig, 'throttle'>> & { throttle?: Partial<ThrottleConfig> };

export interface StartOptions extends SimulatorConfigPatch {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Defaults to 127.0.0.1 (loopback only). */
	host?: string;
	/** When requests arrive and how long holds last; real time unless a test passes manualTime(). */
	time?: SimTime;
}

/** The simulator's sense of time: request arrival (throttle, log), holds (latency, delay, faults), the office clock. */
export interface SimTime {
	/** Monotonic milliseconds. */
	now(): number;
	/** Wall-clock milliseconds since 1970 at now(). */
	epochNow(): number;
	sleep(ms: number): Promise<void>;
	cancelAll(): void;
}

/** Time that moves only when advance() is called; sleeps end once it has moved past them. */
export interface ManualTime extends SimTime {
	advance(ms: number): void;
	/** Sleeps not yet over. */
	pending(): number;
}

/** Manual time for tests, starting at `startEpochMs` (default 2026-01-05 15:00:00 UTC). */
export function manualTime(startEpochMs?: number): ManualTime;

export type FaultType =
	| 'eConnectorDown' | 'officeTimeout' | 'validation' | 'unauthorized' | 'gone' | 'rateLimit'
	| 'serverError' | 'badGateway' | 'unavailable' | 'gatewayTimeout' | 'reset' | 'hang' | 'insertPatient';

export interface FaultRule {
	method?: string;
	/** Exact path after /api/v1, e.g. '/patients/Simple'. */
	path?: string;
	pathPrefix?: string;
	/** 1-based numbers among the requests matching method/path. */
	nth?: number[];
	every?: number;
	probability?: number;
	/** Seed of the rule's own PRNG for `probability` (default 1). */
	seed?: number;
	times?: number;
	fault: FaultType;
	message?: string;
	retryAfter?: 'seconds' | 'date' | 'none';
	retryAfterSeconds?: number;
	delayMs?: number;
	patient?: Partial<Patient>;
}

export interface FaultRuleState extends FaultRule {
	id: string;
	/** Requests that matched method/path and reached the fault step. */
	matched: number;
	fired: number;
}

export interface RequestLogEntry {
	seq: number;
	/** Arrival time, epoch milliseconds with sub-millisecond precision. */
	at: number;
	method: string;
	/** Path after /api/v1 without the query (the raw path when not under /api/v1). */
	path: string;
	rawQuery: string;
	query: Record<string, string>;
	headers: { authorization: string | null; contentType: string | null; accept: string | null };
	customerKey: string | null;
	/** null while in flight, or when the connection was reset without a response. */
	status: number | null;
	rows: number | null;
	fault: FaultType | null;
	throttled: boolean;
	durationMs: number | null;
}

export interface Patient {
	PatNum: number; LName: string; FName: string; MiddleI: string; Preferred: string; PatStatus: string;
	Gender: string; Position: string; Birthdate: string; SSN: string; Address: string; Address2: string;
	City: string; State: string; Zip: string; HmPhone: string; WkPhone: string; WirelessPhone: string;
	Guarantor: number; Email: string; EstBalance: number; PriProv: number; priProvAbbr: string;
	SecProv: number; secProvAbbr: string; FeeSched: number; BillingType: string; ImageFolder: string;
	FamFinUrgNote: string; ChartNumber: string; MedicaidID: string; BalTotal: number; EmployerNum: number;
	DateFirstVisit: string; ClinicNum: number; clinicAbbr: string; Premed: string; Ward: string;
	PreferConfirmMethod: string; PreferContactMethod: string; PreferRecallMethod: string; Language: string;
	AdmitDate: string; siteDesc: string; DateTStamp: string; SuperFamily: number; TxtMsgOk: string;
	SecDateEntry: string;
}

export interface SimplePatient extends Patient {
	serverDateTime: string;
}

export type SearchPatient = Pick<Patient,
	'PatNum' | 'LName' | 'FName' | 'MiddleI' | 'Preferred' | 'PatStatus' | 'Birthdate' | 'SSN' | 'Address'
	| 'Address2' | 'City' | 'State' | 'Zip' | 'HmPhone' | 'WkPhone' | 'WirelessPhone' | 'Email' | 'priProvAbbr'
	| 'secProvAbbr' | 'BillingType' | 'ChartNumber' | 'ClinicNum' | 'clinicAbbr' | 'siteDesc' | 'TxtMsgOk'>;

/** The office's tables, as the control API and insert/update/touch/records name them. */
export type TableName = 'patient';

/** A record of any table: Open Dental's fields, by name. */
export type SimRecord = Record<string, unknown>;

export interface SimClock {
	/** Pins office-local now to 'yyyy-MM-dd HH:mm:ss'; time flows on from there. */
	set(officeLocal: string): void;
	advance(ms: number): void;
	/** Office-local 'yyyy-MM-dd HH:mm:ss'. */
	now(): string;
	/** Office-local 'yyyy-MM-dd'. */
	today(): string;
	/** Back to real time. */
	reset(): void;
}

export interface Simulator {
	/** 'http://127.0.0.1:<port>/api/v1' */
	readonly baseUrl: string;
	/** 'http://127.0.0.1:<port>/__sim' */
	readonly controlUrl: string;
	readonly port: number;
	readonly clock: SimClock;
	/** Deep-merges into the live config (arrays replace); throws on unknown or invalid options. */
	configure(partial: SimulatorConfigPatch): SimulatorConfig;
	getConfig(): SimulatorConfig;
	addFault(rule: FaultRule): string;
	addFault(rules: FaultRule[]): string[];
	clearFaults(): void;
	faults(): FaultRuleState[];
	requests(): RequestLogEntry[];
	clearRequests(): void;
	/** Regenerates the data (and so every DateTStamp); defaults to the current config values. */
	seed(options?: { patients?: number; seed?: number }): { patients: number; seed: number };
	/** Adds a record with the next primary key and DateTStamp = office now; returns a copy. */
	insert(table: TableName, fields?: Record<string, unknown>): SimRecord;
	/** Changes fields of a record and sets DateTStamp to office now; a copy, or null when there is none. */
	update(table: TableName, key: number, fields?: Record<string, unknown>): SimRecord | null;
	/** Sets a record's DateTStamp to office now, as an edit in Open Dental does; null when there is none. */
	touch(table: TableName, key: number): SimRecord | null;
	/** Copies of a table's records in primary-key order. */
	records(table: TableName): SimRecord[];
	insertPatient(fields?: Partial<Patient>): Patient;
	/** Copies of every patient in PatNum order. */
	patients(): Patient[];
	/** Sets DateTStamp to office now; null when the patient does not exist. */
	touchPatient(patNum: number): Patient | null;
	/** Startup config, fresh data, real-time clock, no faults, empty log, no throttle history. */
	reset(): void;
	close(): Promise<void>;
}

export const DEFAULT_KEYS: ReadonlyArray<Readonly<SimKey>>;

export function startSimulator(options?: StartOptions): Promise<Simulator>;

/** Throttle interval (ms) a key gets under a config; 0 = not throttled. */
export function intervalFor(key: SimKey, config: SimulatorConfig): number;

/** Most requests the server was answering at once (arrival to response): how many a client had in flight. */
export function maxInFlight(entries: ReadonlyArray<Pick<RequestLogEntry, 'at' | 'durationMs'>>): number;

/** Largest page a key gets under a config. */
export function pageCap(config: SimulatorConfig, key: SimKey | null): number;
