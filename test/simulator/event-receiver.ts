// A webhook endpoint on 127.0.0.1 for the API Events tests: it records every POST the office
// machines make and answers with the status the test sets, or holds the answer until released.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
	path: string;
	headers: IncomingHttpHeaders;
	rows: Array<Record<string, unknown>>;
}

export interface Receiver {
	url: string;
	received: ReceivedPost[];
	/** The status the next POSTs get (default 200). */
	status: number;
	/** Holds answers until release() (a slow or stuck endpoint). */
	hold: boolean;
	release(): void;
	/** Resolves once `count` POSTs have arrived. */
	arrived(count: number): Promise<void>;
	close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
	const held: ServerResponse[] = [];
	const server = createServer((req, res) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (text += chunk));
		req.on('end', () => {
			receiver.received.push({ path: req.url ?? '', headers: req.headers, rows: JSON.parse(text) });
			if (receiver.hold) held.push(res);
			else res.writeHead(receiver.status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const receiver: Receiver = {
		url: `http://127.0.0.1:${port}/od-events`,
		received: [],
		status: 200,
		hold: false,
		release() {
			receiver.hold = false;
			for (const res of held.splice(0)) res.writeHead(receiver.status).end();
		},
		async arrived(count) {
			while (receiver.received.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
	return receiver;
}
