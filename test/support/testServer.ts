// Purpose-built HTTP servers on loopback for the transport's hostile cases: each records what
// reached it (requests, their Authorization header, bytes it managed to send).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
	method: string;
	url: string;
	authorization: string | undefined;
}

export interface TestServer {
	/** http://host:port */
	readonly origin: string;
	readonly host: string;
	readonly port: number;
	readonly requests: ReceivedRequest[];
	/** Body bytes the handler's writes got into the socket, over all requests. */
	bytesWritten(): number;
	close(): Promise<void>;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, server: TestServer) => void;

/** Starts a server on `host` (any 127.x address is loopback on Linux) with one handler for every request. */
export async function startTestServer(handler: Handler, host = '127.0.0.1'): Promise<TestServer> {
	const sockets = new Set<Socket>();
	const requests: ReceivedRequest[] = [];
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	const self: TestServer = {
		origin: `http://${host}:${port}`,
		host,
		port,
		requests,
		bytesWritten: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, closedBytes),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	let closedBytes = 0;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => {
			closedBytes += socket.bytesWritten;
			sockets.delete(socket);
		});
	});
	server.on('request', (request, response) => {
		requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
		handler(request, response, self);
	});
	return self;
}

/**
 * A server on another loopback address (another host, as origins go) that answers every request
 * with JSON `body`: whatever reaches it is what a redirect would have leaked.
 */
export async function startOtherHost(body = '[]'): Promise<TestServer> {
	return await startTestServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body), '127.0.0.2');
}

/** Writes `chunk` whenever the socket can take more, until the client goes away. */
export function writeForever(response: http.ServerResponse, chunk: string): void {
	const pump = () => {
		while (!response.destroyed && response.write(chunk));
		if (!response.destroyed) response.once('drain', pump);
	};
	response.on('close', () => response.removeAllListeners('drain'));
	pump();
}
