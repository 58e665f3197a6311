'use strict';

// What `n8n execute --rawOutput` wrote, and what it means. n8n prints its log lines and the run
// to stdout: the run as pretty-printed JSON from a line `{` to the next line `}` (no line inside
// it is either: JSON.stringify indents every nested line and escapes newlines in strings). Log
// lines come before it and can come after it (a task runner that registers late, the error's
// text on failure), and a log line might itself be a `{`, so a candidate counts as the run only
// when it parses and has the run's shape.

const fs = require('node:fs');

const NEWLINE = 0x0a;

/** The fields every run n8n prints has (n8n 1.x and 2.x). */
function isRun(document) {
	return (
		document !== null &&
		typeof document === 'object' &&
		typeof document.status === 'string' &&
		typeof document.mode === 'string' &&
		typeof document.data?.resultData === 'object' &&
		document.data.resultData !== null
	);
}

/** Where the next line that is exactly `text` starts, at or after `from`; -1 if none. */
function lineIndex(buffer, text, from) {
	for (let at = buffer.indexOf(text, from); at >= 0; at = buffer.indexOf(text, at + 1)) {
		const startsLine = at === 0 || buffer[at - 1] === NEWLINE;
		const end = at + text.length;
		if (startsLine && (end === buffer.length || buffer[end] === NEWLINE)) return at;
	}
	return -1;
}

/**
 * Splits the output into the run and the log (everything else). The output is read as bytes and
 * only the run's bytes are decoded for JSON.parse, so a run of tens of MB is not copied around.
 * @param {Buffer} buffer
 * @returns {{ run: any, log: string }} run is undefined when no complete run is in the output
 */
function splitExecuteOutput(buffer) {
	for (let start = lineIndex(buffer, '{', 0); start >= 0; start = lineIndex(buffer, '{', start + 1)) {
		const close = lineIndex(buffer, '}', start + 1);
		if (close < 0) break;
		let document;
		try {
			document = JSON.parse(buffer.toString('utf8', start, close + 1));
		} catch {
			continue;
		}
		if (!isRun(document)) continue;
		const log = buffer.toString('utf8', 0, start) + buffer.toString('utf8', close + 1);
		return { run: document, log };
	}
	return { run: undefined, log: buffer.toString('utf8') };
}

function readExecuteOutput(file) {
	return splitExecuteOutput(fs.readFileSync(file));
}

/**
 * n8n's log lines, without any line shaped like JSON: when the run was cut short, the log holds
 * its fragment, which can hold patient records. Stack frames (`    at ...`) are kept.
 */
function logLines(log) {
	return log.split('\n').filter((line) => line.trim() !== '' && !/^\s*[{}[\]"]/.test(line) && (!/^\s/.test(line) || /^\s+at /.test(line)));
}

/**
 * How a finished `n8n execute` ended, in one line that names the workflow and never quotes the
 * run's data. ok: the run succeeded. crashedAfterSuccess: n8n died from a signal after printing
 * a complete run with status "success": n8n writes the run before it closes its database and
 * exits, so the result is whole, but the crash is reported, never hidden.
 * @param {string} name the workflow's name (or id)
 * @param {{ code: number | null, signal: string | null, run: any, log: string }} result
 */
function describeExecution(name, { code, signal, run, log }) {
	const exit = signal ? `n8n exited with ${signal}` : `n8n exited with code ${code}`;
	const succeeded = run?.status === 'success' && run.finished !== false;
	if (succeeded && signal) {
		return { ok: true, crashedAfterSuccess: true, message: `"${name}": ${exit} after the run finished successfully; its output was complete` };
	}
	if (succeeded && code === 0) return { ok: true, crashedAfterSuccess: false, message: `"${name}" succeeded` };
	let reason;
	if (!run) {
		reason = `without printing a complete run (last log line: ${logLines(log).slice(-1)[0] ?? 'none'})`;
	} else if (succeeded) {
		reason = 'although the run finished successfully';
	} else {
		const error = run.data.resultData.error;
		const text = error ? [error.name, error.message, error.description].filter(Boolean).join(': ') : '';
		reason = `after the run ended with status "${run.status}"${text ? `: ${text}` : ''}`;
	}
	return { ok: false, crashedAfterSuccess: false, message: `"${name}" failed: ${exit} ${reason}`.replace(/\s*\n\s*/g, ' ') };
}

module.exports = { splitExecuteOutput, readExecuteOutput, logLines, describeExecution };
