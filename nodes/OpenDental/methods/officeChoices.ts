import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { getConnection, openDentalRequestAllItems } from '../transport';

// A dropdown reads at most this many rows: an office has a few dozen clinics or statuses, and a
// list longer than this is better typed as an ID.
const MAX_CHOICES = 1000;

const hidden = (row: IDataObject) => String(row.IsHidden ?? row.isHidden ?? 'false').toLowerCase() === 'true';
export const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** One of the office's lists as dropdown choices, read through the paced transport; hidden entries are left out. */
export async function officeChoices(
	ctx: ILoadOptionsFunctions,
	path: string,
	idField: string,
	toOption: (row: IDataObject) => INodePropertyOptions,
	qs?: IDataObject,
): Promise<INodePropertyOptions[]> {
	const connection = await getConnection.call(ctx);
	const rows = await openDentalRequestAllItems.call(ctx, connection, { path, qs, idField, limit: MAX_CHOICES });
	return rows.filter((row) => !hidden(row)).map(toOption);
}
