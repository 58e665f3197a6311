import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { addDays, officeDate } from '../OpenDental/helpers/dates';
import { type OpenDentalConnection, openDentalRequest, openDentalRequestAllItems } from '../OpenDental/transport';

/** What the trigger asks Open Dental to send, and where. */
export interface SubscriptionSpec {
	url: string;
	watchTable: string;
	workstation: string;
	pollingSeconds: number;
	note: string;
}

// A key has a handful of subscriptions; more than this is not one office's setup.
const MAX_SUBSCRIPTIONS = 1000;
const NOT_SET = /^0001-01-01/;

/** Whether a subscription still fires: no stop time, or one after today in the office. */
function isLive(row: IDataObject, today: string): boolean {
	const stop = String(row.DateTimeStop ?? '');
	return stop === '' || NOT_SET.test(stop) || stop.slice(0, 10) > today;
}

const officeToday = (connection: OpenDentalConnection, ctx: IHookFunctions) => officeDate(Date.now(), connection.officeTimeZone ?? ctx.getTimezone());

/** This trigger's live subscriptions: same URL and table, under this customer key. */
export async function findOwn(this: IHookFunctions, connection: OpenDentalConnection, spec: SubscriptionSpec): Promise<IDataObject[]> {
	const rows = await openDentalRequestAllItems.call(this, connection, { path: '/subscriptions', idField: 'SubscriptionNum', limit: MAX_SUBSCRIPTIONS });
	const today = officeToday(connection, this);
	return rows.filter((row) => row.EndPointUrl === spec.url && row.WatchTable === spec.watchTable && isLive(row, today));
}

export const matches = (row: IDataObject, spec: SubscriptionSpec) => String(row.Workstation ?? '') === spec.workstation && Number(row.PollingSeconds) === spec.pollingSeconds;

/** Creates the subscription: a write, never sent twice (a lost answer leaves it to the next activation's check). */
export async function create(this: IHookFunctions, connection: OpenDentalConnection, spec: SubscriptionSpec): Promise<number> {
	const body = { EndPointUrl: spec.url, Workstation: spec.workstation, PollingSeconds: spec.pollingSeconds, WatchTable: spec.watchTable, Note: spec.note };
	const created = (await openDentalRequest.call(this, connection, { method: 'POST', path: '/subscriptions', body, writes: 'the subscription' })) as IDataObject | null;
	const number = Number(created?.SubscriptionNum);
	if (!Number.isSafeInteger(number) || number < 1) {
		throw new NodeApiError(this.getNode(), { message: 'no SubscriptionNum' }, { message: 'Open Dental created the subscription but did not say its number', description: 'Request: POST /subscriptions. Check the subscriptions of this customer key before activating again.' });
	}
	return number;
}

/** Brings a found subscription to the chosen workstation and polling seconds. */
export async function update(this: IHookFunctions, connection: OpenDentalConnection, number: number, spec: SubscriptionSpec): Promise<void> {
	await openDentalRequest.call(this, connection, { method: 'PUT', path: `/subscriptions/${number}`, body: { Workstation: spec.workstation, PollingSeconds: spec.pollingSeconds }, idempotent: true, writes: 'the subscription' });
}

const httpCode = (error: unknown) => (error instanceof NodeApiError ? error.httpCode : undefined);

// Re-wrapping the transport's NodeApiError returns it unchanged (n8n keeps an error it already made).

/**
 * Ends a subscription: DELETE where the key may (AllOthers, a paid permission), else a stop time
 * in the past with PUT, which a free key may set. One already gone is ended.
 */
export async function end(this: IHookFunctions, connection: OpenDentalConnection, number: number, start?: unknown): Promise<'deleted' | 'stopped' | 'gone'> {
	try {
		await openDentalRequest.call(this, connection, { method: 'DELETE', path: `/subscriptions/${number}`, idempotent: true, writes: 'the subscription' });
		return 'deleted';
	} catch (error) {
		if (httpCode(error) === '404') return 'gone';
		if (httpCode(error) !== '401') throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	// The day before both n8n's today in the office and the subscription's start (Open Dental's clock,
	// moved on at each poll), so the stop is past for the office even when the two clocks disagree.
	const startDay = /^\d{4}-\d{2}-\d{2}/.exec(String(start ?? ''))?.[0];
	const today = officeToday(connection, this);
	const yesterday = `${addDays(startDay && startDay < today ? startDay : today, -1)} 00:00:00`;
	try {
		await openDentalRequest.call(this, connection, { method: 'PUT', path: `/subscriptions/${number}`, body: { DateTimeStop: yesterday, Note: 'Ended by n8n' }, idempotent: true, writes: 'the subscription' });
	} catch (error) {
		if (httpCode(error) === '404') return 'gone';
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	return 'stopped';
}
