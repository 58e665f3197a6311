import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';
import type { OpenDentalContext } from './context';

/** One HTTP request as the transport sends it, whatever n8n helper carries it. */
export interface ExchangeRequest {
	method: IHttpRequestMethods;
	baseUrl: string;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers: Record<string, string>;
	timeoutMs: number;
	signal?: AbortSignal;
}

/** The answer with its body unread (a stream where the helper allows it), so its size can be bounded. */
export interface ExchangeResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export type HttpExchange = (request: ExchangeRequest) => Promise<ExchangeResponse>;

/**
 * n8n's HTTP helper as every node context has it. Redirects are never followed (n8n would carry the
 * Authorization header to wherever they point), statuses are the transport's to judge, and the
 * body stays a stream.
 */
export function helperExchange(helpers: OpenDentalContext['helpers']): HttpExchange {
	return async (request) => {
		const response = (await helpers.httpRequest({
			method: request.method,
			baseURL: request.baseUrl,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: request.headers,
			timeout: request.timeoutMs,
			abortSignal: request.signal,
			disableFollowRedirect: true,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}

type LegacyRequest = (options: object) => Promise<unknown>;

/**
 * The older request helper, the only one n8n gives a credential test: the same request with the
 * same rules (no redirects, any status, the body as a stream).
 */
export function legacyExchange(request: LegacyRequest): HttpExchange {
	return async (exchange) => {
		const response = (await request({
			method: exchange.method,
			uri: `${exchange.baseUrl}${exchange.path}`,
			qs: exchange.qs,
			body: exchange.body,
			json: exchange.body !== undefined,
			headers: exchange.headers,
			timeout: exchange.timeoutMs,
			followRedirect: false,
			followAllRedirects: false,
			simple: false,
			resolveWithFullResponse: true,
			useStream: true,
		})) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}
