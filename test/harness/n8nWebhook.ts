import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, IWebhookData, IWorkflowExecuteAdditionalData, WebhookSetupMethodNames, Workflow, WorkflowActivateMode } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import { withLoopbackOnly } from './networkGuard';
import { harnessWorkflow, type HarnessNodeOptions } from './n8nWorkflow';

/** What one delivery got back, and what the node emitted from it. */
export interface WebhookCall {
	status: number;
	body: unknown;
	items: INodeExecutionData[];
}

// A body larger than this is refused before the node sees it, as n8n's body parser does (16 MB).
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * A webhook node as an active n8n workflow holds it: its webhook methods (checkExists, create,
 * delete) run in n8n-core's HookContext, and its webhook() in n8n-core's WebhookContext for every
 * POST that reaches a real HTTP server on 127.0.0.1, answered as n8n answers an `onReceived`
 * webhook: what the node answered itself, or 200 once it handed items to the workflow. The
 * workflow's static data lives on between calls, as n8n saves it after each.
 */
export class WebhookUnderTest {
	readonly calls: WebhookCall[] = [];
	private readonly workflow: Workflow;
	private readonly node: INode;
	private readonly additionalData: IWorkflowExecuteAdditionalData;
	private readonly server = http.createServer((request, response) => void this.serve(request, response));
	origin = '';

	constructor(private readonly options: HarnessNodeOptions & { webhookBaseUrl?: string }) {
		({ workflow: this.workflow, node: this.node, additionalData: this.additionalData } = harnessWorkflow(options));
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		this.additionalData.webhookBaseUrl = this.options.webhookBaseUrl ?? `${this.origin}/webhook`;
		return this;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/** One of the node's webhook methods, as n8n calls it on activation or deactivation. */
	async hook(method: WebhookSetupMethodNames, activation: WorkflowActivateMode = 'activate'): Promise<boolean | undefined> {
		const run = this.options.nodeType.webhookMethods?.default?.[method];
		if (!run) throw new UnexpectedError(`The node has no webhook method "${method}"`);
		const context = new HookContext(this.workflow, this.node, this.additionalData, 'trigger', activation, this.webhookData());
		return await withLoopbackOnly(async () => await run.call(context));
	}

	/** The production URL n8n gives Open Dental. */
	url(): string {
		const context = new HookContext(this.workflow, this.node, this.additionalData, 'trigger', 'activate', this.webhookData());
		return context.getNodeWebhookUrl('default') ?? '';
	}

	staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/** Every item emitted so far, in order. */
	items(): IDataObject[] {
		return this.calls.flatMap((call) => call.items.map((item) => item.json));
	}

	private webhookData(): IWebhookData {
		const description = this.options.nodeType.description.webhooks?.[0];
		if (!description) throw new UnexpectedError('The node has no webhook');
		return { httpMethod: 'POST', node: this.node.name, path: String(description.path), webhookDescription: description, workflowId: String(this.workflow.id), workflowExecuteAdditionalData: this.additionalData };
	}

	private async serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of request) {
			size += (chunk as Buffer).length;
			if (size > MAX_BODY_BYTES) return void response.writeHead(413).end();
			chunks.push(chunk as Buffer);
		}
		let body: unknown;
		try {
			body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
		} catch {
			return void response.writeHead(400).end();
		}
		let answered: { status: number; body: unknown } | undefined;
		const expressResponse = {
			statusCode: 200,
			status(code: number) {
				this.statusCode = code;
				return this;
			},
			json(value: unknown) {
				answered = { status: this.statusCode, body: value };
				response.writeHead(this.statusCode, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
				return this;
			},
		};
		const expressRequest = { headers: request.headers, body, params: {}, query: {}, method: request.method, url: request.url };
		const additionalData = { ...this.additionalData, httpRequest: expressRequest, httpResponse: expressResponse } as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', this.webhookData(), [], null);
		try {
			const result = await this.options.nodeType.webhook!.call(context);
			const items = result.workflowData?.[0] ?? [];
			if (!answered) {
				const reply = result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' });
				answered = { status: 200, body: reply };
				response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
			}
			this.calls.push({ ...answered, items });
		} catch (error) {
			this.calls.push({ status: 500, body: (error as Error).message, items: [] });
			if (!response.headersSent) response.writeHead(500).end();
		}
	}
}
