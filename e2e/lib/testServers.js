'use strict';

// Small HTTP servers for the end-to-end cases where Open Dental's address misbehaves: each answers
// every request with its handler and records what reached it (method, URL, Authorization).

const http = require('node:http');

/**
 * @param {string} host a loopback address (any 127.x is loopback on Linux: another host, as origins go)
 * @param {(request: http.IncomingMessage, response: http.ServerResponse) => void} handler
 */
async function startRecordingServer(host, handler) {
	const hits = [];
	const sockets = new Set();
	const server = http.createServer((request, response) => {
		hits.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
		handler(request, response);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, host, resolve));
	const { port } = server.address();
	return {
		origin: `http://${host}:${port}`,
		port,
		hits,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/** Writes `chunk` whenever the socket can take more, until the client goes away. */
function writeForever(response, chunk) {
	const pump = () => {
		while (!response.destroyed && response.write(chunk));
		if (!response.destroyed) response.once('drain', pump);
	};
	pump();
}

module.exports = { startRecordingServer, writeForever };
