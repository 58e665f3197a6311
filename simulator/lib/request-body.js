'use strict';

// Request bodies, bounded: the real API takes up to 16.8M characters; the simulator keeps 1 MB,
// plenty for any JSON a client sends, and drains the rest without holding it.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The whole body as text, or tooLarge once it passed the bound (the rest is read and dropped).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ text: string, tooLarge: boolean }>}
 */
function readBody(req, maxBytes = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > maxBytes }));
		req.on('error', reject);
	});
}

/** The parsed JSON of a body; an empty body is null. Throws SyntaxError on anything else. @param {string} text */
function parseJsonBody(text) {
	return text.trim() === '' ? null : JSON.parse(text);
}

module.exports = { readBody, parseJsonBody, MAX_BODY_BYTES };
