import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { officeIso } from '../OpenDental/helpers/dates';
import { officeChoices, text } from '../OpenDental/methods/officeChoices';
import { getConnection } from '../OpenDental/transport';

// Open Dental and its API Service beat every few minutes; a machine silent for longer is off or
// not running them, and fires no events until it is back.
export const STALE_AFTER_MS = 15 * 60_000;


function ago(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 120) return `${minutes} min ago`;
	const hours = Math.round(minutes / 60);
	return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** How recent a machine's last heartbeat is, read in the office's zone against n8n's clock. */
export function heartbeatNote(lastHeartBeat: unknown, timeZone: string, now: number): { stale: boolean; note: string } {
	const iso = officeIso(lastHeartBeat, timeZone);
	if (!iso) return { stale: true, note: 'never seen running' };
	const age = Math.max(0, now - Date.parse(iso));
	return age > STALE_AFTER_MS ? { stale: true, note: `last seen ${ago(age)}: not running Open Dental or its API Service?` } : { stale: false, note: `running (last seen ${ago(age)})` };
}

/** The office's workstations (GET /computers), each with how recently it was seen running. */
export async function getWorkstations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const timeZone = (await getConnection.call(this)).officeTimeZone ?? this.getTimezone();
	const now = Date.now();
	const machines = await officeChoices(this, '/computers', 'ComputerNum', (row: IDataObject) => {
		const { stale, note } = heartbeatNote(row.LastHeartBeat, timeZone, now);
		return { name: `${text(row.CompName)}${stale ? ' (not seen lately)' : ''}`, value: text(row.CompName), description: `${note}. Last heartbeat ${text(row.LastHeartBeat) || 'none'} office time.` };
	});
	return [
		// A machine without a name cannot be chosen: a blank Workstation means every machine.
		...machines.filter((option) => option.value !== ''),
		{ name: 'Every Workstation (Duplicates)', value: '', description: 'Every machine running Open Dental or its API Service sends its own copy; the trigger drops the copies, but the office does the work several times' },
	];
}
