// Runs the node's execute() in the fake context (unit tests of node logic, no HTTP).
import type { INodeExecutionData } from 'n8n-workflow';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { fakeContext, type FakeContextOptions, type Responder } from './fakeContext';

type Parameters = Record<string, unknown> | ((itemIndex: number) => Record<string, unknown>);
type Extra = Omit<FakeContextOptions, 'responder' | 'parameters'>;

export async function run(parameters: Parameters, responder: Responder, extra: Extra = {}): Promise<{ items: INodeExecutionData[]; calls: ReturnType<typeof fakeContext>['calls'] }> {
	const { ctx, calls } = fakeContext({ parameters, responder, ...extra });
	const result = await new OpenDental().execute.call(ctx);
	return { items: result[0], calls };
}

export async function runError(parameters: Parameters, responder: Responder, extra: Extra = {}) {
	const { ctx, calls } = fakeContext({ parameters, responder, ...extra });
	const error = await new OpenDental().execute.call(ctx).then(
		() => undefined,
		(e: unknown) => e as Error,
	);
	return { error, calls };
}

export const ok = (body: unknown): Responder => () => ({ statusCode: 200, body });
