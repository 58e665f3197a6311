import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { LatestStates } from '../OpenDental/helpers/latestState';
import { openDentalApiTest } from '../OpenDental/methods/credentialTest';
import { getConnection, resolveConnection } from '../OpenDental/transport';
import { carriesKey, isForTable, readBatch, toItems } from './delivery';
import { EVENT_TRIGGER_PROPERTIES, MAX_POLLING_SECONDS, MIN_POLLING_SECONDS } from './description';
import { endpointProblem } from './endpoint';
import { type EventState, freshState, loadState, newRows, STATE_KEY } from './memory';
import { create, end, findOwn, matches, type SubscriptionSpec, update } from './subscriptions';
import { type WatchTable, watchTableNamed } from './tables';
import { getWorkstations } from './workstations';

const latest = new LatestStates<EventState>();

function tableOf(ctx: IHookFunctions | IWebhookFunctions): WatchTable {
	const value = ctx.getNodeParameter('watchTable') as string;
	const table = watchTableNamed(value);
	if (!table) throw new NodeOperationError(ctx.getNode(), `"Watch Table" must be one of the listed tables, not "${String(value).slice(0, 40)}"`);
	return table;
}

/**
 * The subscription this node asks for, checked before anything is sent. Ending one checks no
 * address: a subscription made before n8n's URL changed must still be ended.
 */
function specOf(ctx: IHookFunctions, { forCreate = true } = {}): SubscriptionSpec {
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	const problem = forCreate ? endpointProblem(url) : undefined;
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `The webhook URL ${url} ${problem}`, {
			description: "Set n8n's WEBHOOK_URL to an https address the office's machine can reach, or run n8n on the office's network.",
		});
	}
	const pollingSeconds = Number(ctx.getNodeParameter('pollingSeconds', 30));
	if (forCreate && (!Number.isInteger(pollingSeconds) || pollingSeconds < MIN_POLLING_SECONDS || pollingSeconds > MAX_POLLING_SECONDS)) {
		throw new NodeOperationError(ctx.getNode(), `"Polling Seconds" must be a whole number from ${MIN_POLLING_SECONDS} to ${MAX_POLLING_SECONDS}`);
	}
	const workstation = String(ctx.getNodeParameter('workstation', '') ?? '').trim();
	const note = `n8n workflow ${ctx.getWorkflow().id ?? ''}, node ${ctx.getNode().name}`.slice(0, 255);
	return { url, watchTable: tableOf(ctx).value, workstation, pollingSeconds, note };
}

const nodeKey = (ctx: IHookFunctions | IWebhookFunctions) => `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().name}`;

function storeState(ctx: IHookFunctions | IWebhookFunctions, state: EventState): void {
	ctx.getWorkflowStaticData('node')[STATE_KEY] = state as unknown as IDataObject;
	latest.remember(nodeKey(ctx), state);
}

export class OpenDentalEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Open Dental Events Trigger',
		name: 'openDentalEventTrigger',
		icon: { light: 'file:openDental.svg', dark: 'file:openDental.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watchTable"]}}',
		description: "Starts the workflow within seconds of a change in Open Dental, through Open Dental's API Events, each change once",
		defaults: { name: 'Open Dental Events Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openDentalApi', required: true, testedBy: 'openDentalApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'events' }],
		properties: EVENT_TRIGGER_PROPERTIES,
	};

	methods = { credentialTest: { openDentalApiTest }, loadOptions: { getWorkstations } };

	webhookMethods = {
		default: {
			/** Finds this node's subscription, brings it to the chosen settings, and ends any copies. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const spec = specOf(this);
				const connection = await getConnection.call(this);
				const [own, ...copies] = await findOwn.call(this, connection, spec);
				if (!own) return false;
				for (const copy of copies) await end.call(this, connection, Number(copy.SubscriptionNum), copy.DateTimeStart);
				const number = Number(own.SubscriptionNum);
				if (!matches(own, spec)) await update.call(this, connection, number, spec);
				const stored = loadState(this.getWorkflowStaticData('node')[STATE_KEY], spec.watchTable);
				if (stored.subscription !== number) storeState(this, freshState(spec.watchTable, number));
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const spec = specOf(this);
				const connection = await getConnection.call(this);
				storeState(this, freshState(spec.watchTable, await create.call(this, connection, spec)));
				return true;
			},
			/** Ends this node's subscription, and any other it finds for the same URL and table. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const spec = specOf(this, { forCreate: false });
				const connection = await getConnection.call(this);
				const stored = loadState(this.getWorkflowStaticData('node')[STATE_KEY], spec.watchTable);
				const starts = new Map((await findOwn.call(this, connection, spec)).map((row) => [Number(row.SubscriptionNum), row.DateTimeStart]));
				if (stored.subscription !== undefined && !starts.has(stored.subscription)) starts.set(stored.subscription, undefined);
				for (const [number, start] of starts) await end.call(this, connection, number, start);
				storeState(this, { ...stored, subscription: undefined });
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const refuse = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ message });
			return { noWebhookResponse: true };
		};
		const credentials = await this.getCredentials('openDentalApi');
		if (!carriesKey(request.headers.authorization, String(credentials.customerKey ?? '').trim())) return refuse(401, 'Unauthorized');
		const table = tableOf(this);
		if (!isForTable(request.headers['event-type'], table)) return refuse(400, `This URL receives WatchTable: ${table.value} events`);
		const batch = readBatch(this.getBodyData());
		if ('problem' in batch) return refuse(400, batch.problem);
		const timeZone = resolveConnection(credentials).officeTimeZone ?? this.getTimezone();

		// From here to storeState nothing awaits: two deliveries at once are read one after the other.
		const stored = loadState(this.getWorkflowStaticData('node')[STATE_KEY], table.value);
		const { fresh, next } = newRows(batch.rows, table, latest.furthest(nodeKey(this), stored));
		storeState(this, next);
		if (fresh.length === 0) return { webhookResponse: { received: batch.rows.length, new: 0 } };
		const workstation = String(request.headers.workstation ?? '').slice(0, 100);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		return { workflowData: [toItems(fresh, table, simplify, timeZone, workstation)] };
	}
}
