import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toOfficeDateTime } from '../OpenDental/helpers/dates';
import { KINDS, kindOfEvents, type KindSpec, type TriggerEvent } from './events';
import { WATCH_FIELDS, type WatchField } from './poll/watch';

/** The trigger's parameters, checked. */
export interface TriggerParams {
	spec: KindSpec;
	events: Set<TriggerEvent>;
	watch: WatchField[];
	/** Query filters Open Dental applies, for the changes list and the deletions list alike. */
	filters: IDataObject;
	simplify: boolean;
	/** Office wall time to start from, when chosen. */
	startFrom?: string;
	emitExisting: boolean;
	/** 0 = from the key's pace. */
	pagesPerPoll: number;
	/** Identifies the setup: when it differs from the stored one the trigger starts afresh. */
	setup: string;
}

export function readParams(this: IPollFunctions, timeZone: string): TriggerParams {
	const fail = (message: string, description?: string) => new NodeOperationError(this.getNode(), message, { description });
	const events = this.getNodeParameter('events', []) as TriggerEvent[];
	const kind = kindOfEvents(events);
	if (!(kind in KINDS)) throw fail(kind);
	const spec = KINDS[kind as keyof typeof KINDS];
	const watch = events.includes('appointmentChanged') ? (this.getNodeParameter('watchFields', []) as WatchField[]) : [];
	if (events.includes('appointmentChanged') && watch.length === 0) throw fail('Choose at least one Watch Field for Appointment Changed');
	const unknown = watch.find((field) => !(field in WATCH_FIELDS));
	if (unknown) throw fail(`Unknown Watch Field: ${String(unknown).slice(0, 40)}`);

	const filters: IDataObject = {};
	if (kind !== 'commlog') {
		const chosen = this.getNodeParameter('filters', {}) as IDataObject;
		const clinic = chosen.clinicNum;
		if (clinic !== '' && clinic !== null && clinic !== undefined) {
			if (!/^\d+$/.test(String(clinic))) throw fail('"Clinic" must be a clinic ID (a whole number, 0 = no clinic)');
			filters.ClinicNum = Number(clinic);
		}
		// Each status filter belongs to its kind; one left over from other events is not sent.
		const status = kind === 'appointment' ? chosen.aptStatus : chosen.patStatus;
		if (typeof status === 'string' && status) filters[kind === 'appointment' ? 'AptStatus' : 'PatStatus'] = status;
	}

	const options = this.getNodeParameter('options', {}) as IDataObject;
	let startFrom: string | undefined;
	if (options.startFrom !== undefined && options.startFrom !== '') {
		startFrom = toOfficeDateTime(options.startFrom, timeZone);
		if (!startFrom) throw fail('"Start From" is not a date-time', 'Use a date and time, e.g. 2026-12-01 08:00:00 (office time)');
	}
	const pagesPerPoll = Number(options.pagesPerPoll ?? 0);
	if (!Number.isInteger(pagesPerPoll) || pagesPerPoll < 0 || pagesPerPoll > 1000) throw fail('"Pages Per Poll" must be a whole number from 0 to 1000');
	const emitExisting = options.emitExisting === true;
	const sortedEvents = [...new Set(events)].sort();
	const setup = JSON.stringify([sortedEvents, [...watch].sort(), filters, startFrom ?? null, emitExisting]);
	return { spec, events: new Set(sortedEvents), watch, filters, simplify: this.getNodeParameter('simplify', true) as boolean, startFrom, emitExisting, pagesPerPoll, setup };
}
