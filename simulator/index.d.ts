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

/** The seeded schedule (see README): appointments each weekday around an anchor day. */
export interface AppointmentSeedConfig {
	/** Appointments per weekday (fewer when the chairs are full); 0–100, default 12. */
	perDay: number;
	/** Days before the anchor day; default 7. */
	daysBefore: number;
	/** Days after the anchor day; default 14. */
	daysAfter: number;
	/** 'yyyy-MM-dd', or null (default) for the office's today when seeding. */
	anchorDate: string | null;
	/** Saturdays and Sundays too (default false): a demo run on a Friday still has tomorrow's appointments. */
	openOnWeekends: boolean;
}

/** The confirmVal names PUT /appointments/{n}/Confirm maps through eServices' eConfirmation settings. */
export type EConfirmName = 'Sent' | 'Confirmed' | 'Not Accepted' | 'Failed';

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
	appointments: AppointmentSeedConfig;
	/**
	 * The Appt Confirmed (Category 2) DefNum each confirmVal sets, or null when the office has not
	 * set eConfirmations up (then a confirmVal other than "None" is a 400). "None" is always the
	 * first Category-2 definition. Default { Sent: 24, Confirmed: 25, 'Not Accepted': 26, Failed: 27 }.
	 */
	eConfirmMapping: Record<EConfirmName, number> | null;
	/** The office preference that makes PUT /appointments/{n}/Break write an ApptRelated commlog; default false. */
	breakCreatesCommlog: boolean;
	/**
	 * GET /commlogs filters on DateTStamp (default true). false plays an office before 25.1.13: the
	 * parameter is ignored (not even checked) and every commlog is answered.
	 */
	commlogStampFilter: boolean;
	/** The office's workstations, numbered by position in GET /computers (the default office: README, API Events). */
	computers: SimComputer[];
	events: EventsConfig;
}

export type SimulatorConfigPatch = Partial<Omit<SimulatorConfig, 'throttle' | 'appointments' | 'eConfirmMapping' | 'events'>> & {
	throttle?: Partial<ThrottleConfig>;
	appointments?: Partial<AppointmentSeedConfig>;
	eConfirmMapping?: Partial<Record<EConfirmName, number>> | null;
	events?: Partial<EventsConfig>;
};

/**
 * One of the office's machines and what runs there: OpenDental.exe ('openDental'), the API Service
 * ('apiService'), both (each processes subscriptions: duplicate events), or nothing (null: stopped).
 */
export interface SimComputer {
	CompName: string;
	runs: 'openDental' | 'apiService' | 'both' | null;
	/** A stopped machine's last heartbeat ('yyyy-MM-dd HH:mm:ss'; none: '0001-01-01 00:00:00'); a running one beats now. */
	lastHeartBeat?: string | null;
}

/** The API Events delivery engine. */
export interface EventsConfig {
	/** Rounds run on their own every tickMs (default true); sim.events.run() runs one whenever asked. */
	auto: boolean;
	/** Default 200. A tick while a round is still delivering is skipped. */
	tickMs: number;
	/** Rows per POST; default 1000, as Open Dental batches them. */
	batchSize: number;
	/** A POST not answered within this is a failed delivery; default 10000. */
	timeoutMs: number;
}

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
	/** Drops every pending sleep and repeating tick (the server is closing). */
	cancelAll(): void;
	/** Calls tick every ms in the background; returns what stops it. Without it, real timers are used. */
	every?(ms: number, tick: () => void): () => void;
}

/** Time that moves only when advance() is called; sleeps end once it has moved past them. */
export interface ManualTime extends SimTime {
	advance(ms: number): void;
	every(ms: number, tick: () => void): () => void;
	/** Sleeps not yet over. */
	pending(): number;
}

/** Manual time for tests, starting at `startEpochMs` (default 2026-01-05 15:00:00 UTC). A repeating tick fires once per advance() that reaches it. */
export function manualTime(startEpochMs?: number): ManualTime;

/**
 * Error faults answer instead of the route. reset drops the connection, hang holds the answer
 * delayMs, insertPatient adds a patient first, mutate applies the rule's `changes` first (then the
 * request is served as usual). The committed* faults let the request take effect
 * (a write is stored) and then spoil the answer: a 500, a dropped connection, or an answer held
 * delayMs (a 504 once the whole hold passes processingLimitMs). A request that fails is answered
 * as usual (nothing was committed).
 */
export type FaultType =
	| 'eConnectorDown' | 'officeTimeout' | 'validation' | 'unauthorized' | 'gone' | 'rateLimit'
	| 'serverError' | 'badGateway' | 'unavailable' | 'gatewayTimeout' | 'reset' | 'hang' | 'insertPatient'
	| 'committedServerError' | 'committedReset' | 'committedHang' | 'mutate';

/**
 * A change a mutate rule makes to the data, through insert/update/touch/remove (so it stamps
 * DateTStamp and writes appointment history). `key` is the record's primary key; a change whose
 * record is gone by then does nothing.
 */
export type SimChange =
	| { op: 'insert'; table: TableName; fields?: Record<string, unknown> }
	| { op: 'update'; table: TableName; key: number; fields?: Record<string, unknown> }
	| { op: 'touch' | 'remove'; table: TableName; key: number };

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
	/** For fault 'mutate' (required there, refused elsewhere): applied in order before the route runs. */
	changes?: SimChange[];
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
	/** The parsed JSON body of a PUT/POST once read; null for a GET, an empty body or one that is not JSON. */
	body: unknown;
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

/** An appointment as GET /appointments/{AptNum} returns it, without serverDateTime (docs §10.1 order). */
export interface Appointment {
	AptNum: number; PatNum: number;
	AptStatus: 'Scheduled' | 'Complete' | 'UnschedList' | 'ASAP' | 'Broken' | 'Planned' | 'PtNote' | 'PtNoteCompleted' | (string & {});
	Pattern: string; Confirmed: number; confirmed: string; TimeLocked: string; Op: number; Note: string; ProvNum: number;
	provAbbr: string; ProvHyg: number; AptDateTime: string; NextAptNum: number; UnschedStatus: number; unschedStatus: string;
	IsNewPatient: string; ProcDescript: string; ClinicNum: number; IsHygiene: string; DateTStamp: string;
	DateTimeArrived: string; DateTimeSeated: string; DateTimeDismissed: string; InsPlan1: number; InsPlan2: number;
	DateTimeAskedToArrive: string; colorOverride: string; AppointmentTypeNum: number; SecUserNumEntry: number;
	SecDateTEntry: string; Priority: 'Normal' | 'ASAP'; PatternSecondary: string; ItemOrderPlanned: number;
}

/** A commlog as GET /commlogs/{CommlogNum} returns it (docs §12 order); CommType is a quoted number, as the docs show. */
export interface Commlog {
	CommlogNum: number; PatNum: number; CommDateTime: string; CommType: string; commType: string; Note: string;
	Mode_: 'None' | 'Email' | 'Mail' | 'Phone' | 'In Person' | 'Text' | 'Email and Text' | 'Phone and Text';
	SentOrReceived: 'Neither' | 'Sent' | 'Received'; UserNum: number; DateTStamp: string; CommSource: string;
	ProgramNum: number; DateTEntry: string; ReferralNum: number;
}

/**
 * A stored recall: GET /recalls' fields (docs §11 order), then two the simulator keeps for the
 * Recall List and never serves: NumRemind (reminders since DatePrevious) and DateLastRemind ('yyyy-MM-dd').
 */
export interface Recall {
	RecallNum: number; PatNum: number; DateDue: string; DatePrevious: string; RecallInterval: string; RecallStatus: number;
	recallStatus: string; Note: string; IsDisabled: string; DateTStamp: string; RecallTypeNum: number;
	DisableUntilBalance: number; DisableUntilDate: string; DateScheduled: string; Priority: 'Normal' | 'ASAP';
	TimePatternOverride: string; NumRemind: number; DateLastRemind: string;
}

/** A row of GET /recalls/List: text as the Recall List shows it. */
export interface RecallListRow {
	/** 'M/d/yyyy', '' when never due. */
	DueDate: string; PatNum: number; Patient: string; Age: string; Type: string; Interval: string;
	/** '' when none. */
	NumRemind: string;
	/** 'M/d/yyyy' or ''. */
	LastRemind: string; Contact: string; Status: string; ClinicNum: number; Note: string;
}

/** Automated-messaging opt-outs of one patient (table commoptout, no REST route): bit flags, see OPT_OUT. */
export interface CommOptOut {
	CommOptOutNum: number; PatNum: number; OptOutSms: number; OptOutEmail: number;
}

/** Open Dental's HistAppointmentAction. */
export type HistApptAction = 'Created' | 'Changed' | 'Missed' | 'Cancelled' | 'Deleted';

/**
 * A row of the appointments' history (table histappointment), as GET /histappointments returns it
 * without serverDateTime: its own columns, then the appointment as it stood after the write (for
 * Deleted, as it last stood). HistUserNum is 1 for control-API changes (an office user) and 0 for
 * REST API writes; ApptSource is always "None" in the simulator.
 */
export interface HistAppointment extends Appointment {
	HistApptNum: number; HistUserNum: number;
	/** Office clock at the write, 'yyyy-MM-dd HH:mm:ss'. */
	HistDateTStamp: string;
	HistApptAction: HistApptAction;
	ApptSource: 'None' | 'EConnector' | (string & {});
}

/**
 * A procedure (table procedurelog; the simulator serves no REST route for it), stored as the
 * database has it, as ShortQuery answers it: ProcStatus as Open Dental's ProcStat number (TP = 1,
 * C (complete) = 2, EC = 3, EO = 4, R = 5, D = 6, Cn = 7, TPi = 8; an insert may name it, 'C'),
 * dates and DateTStamp as ISO 'yyyy-MM-ddTHH:mm:ss' (a date at midnight, '0001-01-01T00:00:00' for
 * none). AptNum 0: not on an appointment; CodeNum one of the procedurecode table's.
 */
export interface ProcedureLog {
	ProcNum: number; PatNum: number; AptNum: number; ProcDate: string; ProcFee: number; ProcStatus: number;
	ProvNum: number; ClinicNum: number; CodeNum: number; ToothNum: string; Surf: string; DateTStamp: string;
	/** ProcDate for a complete procedure, else as given (none by default). */
	DateComplete: string;
}

/** The office's tables, as the control API and insert/update/touch/remove/records name them. */
export type TableName = 'patient' | 'appointment' | 'recall' | 'commlog' | 'commoptout' | 'histappointment' | 'procedurelog';

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
	/** Holds the office clock at its current instant; only set() and advance() move it then. */
	freeze(): void;
	/** Lets the clock run on from where it stands (no jump). */
	unfreeze(): void;
	isFrozen(): boolean;
	/** Back to real time, unfrozen. */
	reset(): void;
}

/** The database tables a subscription can watch (apievents.html). */
export type WatchTable = 'Appointment' | 'AppointmentDeleted' | 'Operatory' | 'PatField' | 'Patient' | 'Provider' | 'Schedule' | 'ToothInitial';

/** A subscription as GET /subscriptions and POST /subscriptions answer it (apiguideevents.html order). */
export interface ApiSubscription {
	SubscriptionNum: number;
	EndPointUrl: string;
	/** '' = every running machine fires. */
	Workstation: string;
	/** The key that made it (each key sees only its own). */
	CustomerKey: string;
	/** '' for a UI event subscription. */
	WatchTable: WatchTable | '';
	PollingSeconds: number;
	/** 'PatientSelected', or '' for a database event subscription. */
	UiEventType: 'PatientSelected' | '';
	/** 'yyyy-MM-dd HH:mm:ss'; moves to each poll's time once that poll's deliveries succeed. */
	DateTimeStart: string;
	/** '0001-01-01 00:00:00' = never stops. */
	DateTimeStop: string;
	Note: string;
}

/** A row of GET /computers. */
export interface Computer {
	ComputerNum: number;
	CompName: string;
	/** 'yyyy-MM-dd HH:mm:ss': the current minute for a running machine. */
	LastHeartBeat: string;
}

/** One POST of an event batch (the customer key it carried is never logged). */
export interface EventDelivery {
	subscriptionNum: number;
	/** The machine that sent it (its Workstation header). */
	workstation: string;
	/** Which program on that machine sent it. */
	program: 'openDental' | 'apiService';
	url: string;
	watchTable: WatchTable;
	/** Rows in the batch. */
	rows: number;
	/** The rows' primary keys in batch order (HistApptNum for AppointmentDeleted). */
	keys: number[];
	/** The endpoint's HTTP status, or null when nothing answered. */
	status: number | null;
	/** Why nothing answered ('ECONNREFUSED', 'timeout', …), 'failNext' for a forced failure, else null. */
	error: string | null;
	/** Answered 2xx and not forced to fail. */
	ok: boolean;
	/** The round's poll time, office-local 'yyyy-MM-dd HH:mm:ss': what DateTimeStart becomes on success. */
	officeTime: string;
	/** Epoch ms of the simulator's time when sent. */
	sentAtMs: number;
	/** Epoch ms when the status arrived; null when nothing answered. */
	answeredAtMs: number | null;
}

/** The office machines that deliver API Events (see README "API Events"). */
export interface SimEvents {
	/** Runs one round now (after any round in progress) and resolves with its deliveries. */
	run(options?: { ignoreInterval?: boolean }): Promise<EventDelivery[]>;
	/** The next `count` (default 1) POSTs count as failed whatever the endpoint answers; returns how many are still to fail. */
	failNext(count?: number): number;
	/** Every delivery so far, oldest first. */
	deliveries(): EventDelivery[];
	clearDeliveries(): void;
	/** Copies of every key's subscriptions, in SubscriptionNum order. */
	subscriptions(): ApiSubscription[];
}

export interface Simulator {
	/** 'http://127.0.0.1:<port>/api/v1' */
	readonly baseUrl: string;
	/** 'http://127.0.0.1:<port>/__sim' */
	readonly controlUrl: string;
	readonly port: number;
	readonly clock: SimClock;
	/** API Events: subscriptions, delivery rounds, forced failures and the delivery log. */
	readonly events: SimEvents;
	/** Deep-merges into the live config (arrays replace); throws on unknown or invalid options. */
	configure(partial: SimulatorConfigPatch): SimulatorConfig;
	getConfig(): SimulatorConfig;
	addFault(rule: FaultRule): string;
	addFault(rules: FaultRule[]): string[];
	clearFaults(): void;
	faults(): FaultRuleState[];
	requests(): RequestLogEntry[];
	clearRequests(): void;
	/**
	 * Regenerates every table (and so every DateTStamp) from the config; the schedule is anchored on
	 * appointments.anchorDate or, when null, the office clock's today.
	 */
	seed(options?: { patients?: number; seed?: number }): { patients: number; seed: number };
	/**
	 * Adds a record with the next primary key (defaults for the fields not given, derived text
	 * recomputed; a removed record's key is never handed out again) and DateTStamp = office now where
	 * the table has one; returns a copy. An appointment gets a Created history row.
	 */
	insert(table: TableName, fields?: Record<string, unknown>): SimRecord;
	/**
	 * Changes fields of a record and sets DateTStamp (if the table has one) to office now; a copy, or
	 * null when there is none. An appointment gets a Changed history row.
	 */
	update(table: TableName, key: number, fields?: Record<string, unknown>): SimRecord | null;
	/** Sets a record's DateTStamp to office now, as an edit in Open Dental does (a Changed history row for an appointment); null when there is none. */
	touch(table: TableName, key: number): SimRecord | null;
	/** Deletes a record (nothing else goes with it); the removed record, or null. An appointment gets a Deleted history row. */
	remove(table: TableName, key: number): SimRecord | null;
	/** Copies of a table's records in primary-key order. */
	records(table: 'patient'): Patient[];
	records(table: 'appointment'): Appointment[];
	records(table: 'recall'): Recall[];
	records(table: 'commlog'): Commlog[];
	records(table: 'commoptout'): CommOptOut[];
	records(table: 'histappointment'): HistAppointment[];
	records(table: 'procedurelog'): ProcedureLog[];
	records(table: TableName): SimRecord[];
	insertPatient(fields?: Partial<Patient>): Patient;
	/** Copies of every patient in PatNum order. */
	patients(): Patient[];
	/** Sets DateTStamp to office now; null when the patient does not exist. */
	touchPatient(patNum: number): Patient | null;
	/**
	 * Startup config, fresh data, real-time clock, no faults, empty log, no throttle history, no
	 * subscriptions, deliveries or pending forced failures.
	 */
	reset(): void;
	close(): Promise<void>;
}

/**
 * The fake key pairs, in this order: public test pair (ReadAll), PaidCustKey00001 (ReadAll, Comm),
 * EntCustKey000001 (+ Enterprise), DisabledCustKey1, NoReadCustKey001 (Comm only),
 * QueryCustKey0001 (ReadAll, Queries), CommQueryKey0001 (ReadAll, Comm, Queries),
 * FullAccessKey001 (ReadAll, Comm, Queries, AllOthers).
 */
export const DEFAULT_KEYS: ReadonlyArray<Readonly<SimKey>>;

/** Bits of commoptout.OptOutSms / OptOutEmail (Open Dental's CommOptOutType). */
export const OPT_OUT: Readonly<{
	All: 1; eConfirm: 2; eReminder: 4; eThankYou: 8; WebSchedRecall: 16; WebSchedASAP: 32;
	PatientPortalInvites: 64; Verify: 128; Statements: 256; Arrivals: 512; Birthdays: 1024;
}>;

export function startSimulator(options?: StartOptions): Promise<Simulator>;

/** Throttle interval (ms) a key gets under a config; 0 = not throttled. */
export function intervalFor(key: SimKey, config: SimulatorConfig): number;

/** Most requests the server was answering at once (arrival to response): how many a client had in flight. */
export function maxInFlight(entries: ReadonlyArray<Pick<RequestLogEntry, 'at' | 'durationMs'>>): number;

/** Largest page a key gets under a config. */
export function pageCap(config: SimulatorConfig, key: SimKey | null): number;
