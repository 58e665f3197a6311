import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { toOfficeDateTime } from '../../OpenDental/helpers/dates';
import { type OpenDentalConnection, type OpenDentalContext, openDentalRequestAllItems } from '../../OpenDental/transport';
import { transportSettings } from '../../OpenDental/transport/settings';
import type { TriggerEvent } from '../events';
import type { TriggerParams } from '../params';
import type { Emission } from './classify';
import { deletionsList } from './deletions';
import { BEGINNING, shiftSeconds } from './officeTime';
import { toItems } from './output';

const SAMPLE_SIZE = 5;
const SAMPLE_DAYS = 30;

/**
 * "Fetch Test Event": up to five real records changed in the 30 days before the watermark (or, for
 * a trigger not yet active, before now in the office's time zone), in one request, shaped as the
 * trigger emits them; deleted appointments: the first five deletions. The stored state is not changed.
 */
export async function sampleItems(
	this: OpenDentalContext,
	connection: OpenDentalConnection,
	params: TriggerParams,
	timeZone: string,
	watermark: string | undefined,
): Promise<INodeExecutionData[]> {
	const { spec, events, filters } = params;
	const deletionsOnly = events.size === 1 && events.has('appointmentDeleted');
	const officeNow = watermark && watermark !== BEGINNING ? watermark : toOfficeDateTime(new Date(transportSettings().wallClock()), timeZone)!;
	const since = shiftSeconds(officeNow, -SAMPLE_DAYS * 86_400);
	const rows = deletionsOnly
		? await openDentalRequestAllItems.call(this, connection, { ...deletionsList(filters), limit: SAMPLE_SIZE })
		: await openDentalRequestAllItems.call(this, connection, { path: spec.path, qs: { ...filters, DateTStamp: since }, idField: spec.primaryKey, limit: SAMPLE_SIZE });
	const newFrom = spec.newFrom(since);
	const eventOf = (row: IDataObject): TriggerEvent => {
		if (deletionsOnly) return 'appointmentDeleted';
		const entered = spec.enteredAt(row);
		if (spec.createdEvent && events.has(spec.createdEvent) && entered !== undefined && entered >= newFrom) return spec.createdEvent;
		if (spec.updatedEvent && events.has(spec.updatedEvent)) return spec.updatedEvent;
		return events.has('appointmentChanged') ? 'appointmentChanged' : [...events][0];
	};
	const emissions: Emission[] = rows.map((row) => {
		const event = eventOf(row);
		return event === 'appointmentChanged' ? { row, event, changedFields: [], previous: {} } : { row, event };
	});
	return toItems(emissions, params.simplify, timeZone);
}
