import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { officeChoices, text } from './officeChoices';

const definitions = (ctx: ILoadOptionsFunctions, category: number, valueField: 'DefNum' | 'ItemName' = 'DefNum') =>
	officeChoices(ctx, '/definitions', 'DefNum', (row) => ({ name: text(row.ItemName) || `Definition ${row.DefNum}`, value: row[valueField] as number | string }), {
		Category: category,
	});

export async function getClinics(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const clinics = await officeChoices(this, '/clinics', 'ClinicNum', (row) => ({
		name: [text(row.Description) || `Clinic ${row.ClinicNum}`, text(row.Abbr) && `(${text(row.Abbr)})`].filter(Boolean).join(' '),
		value: row.ClinicNum as number,
	}));
	return [{ name: 'No Clinic', value: 0, description: 'Records not assigned to a clinic' }, ...clinics];
}

export async function getProviders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await officeChoices(this, '/providers', 'ProvNum', (row) => ({
		name: [text(row.Abbr), [text(row.FName), text(row.LName)].filter(Boolean).join(' ')].filter(Boolean).join(' – ') || `Provider ${row.ProvNum}`,
		value: row.ProvNum as number,
	}));
}

export async function getOperatories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await officeChoices(this, '/operatories', 'OperatoryNum', (row) => ({
		name: text(row.OpName) || text(row.Abbrev) || `Operatory ${row.OperatoryNum}`,
		value: row.OperatoryNum as number,
	}));
}

export async function getAppointmentTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await officeChoices(this, '/appointmenttypes', 'AppointmentTypeNum', (row) => ({
		name: text(row.AppointmentTypeName) || `Appointment type ${row.AppointmentTypeNum}`,
		value: row.AppointmentTypeNum as number,
	}));
}

/** Definitions category 2: the office's appointment confirmation statuses. */
export async function getConfirmationStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await definitions(this, 2);
}

/** Definitions category 13: recall and unscheduled statuses. */
export async function getRecallStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'None', value: 0 }, ...(await definitions(this, 13))];
}

/** Definitions category 27: commlog types, by name (what POST /commlogs takes as commType). */
export async function getCommlogTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await definitions(this, 27, 'ItemName');
}

export async function getRecallTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await officeChoices(this, '/recalltypes', 'RecallTypeNum', (row) => ({
		name: text(row.Description) || `Recall type ${row.RecallTypeNum}`,
		value: text(row.Description),
	}));
}
