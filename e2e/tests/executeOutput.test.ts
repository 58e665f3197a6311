// The harness's reading of `n8n execute --rawOutput` output (no n8n needed): where the run is,
// and the one-line verdict that never quotes records.
import { describeExecution, logLines, splitExecuteOutput } from '../lib/executeOutput';

const record = { PatNum: 7, LName: 'Doe', FName: 'Jane', HmPhone: '555-0142' };
const run = (status: string, extra: Record<string, unknown> = {}) => ({
	data: { resultData: { runData: { Patients: [{ data: { main: [[{ json: record }]] } }] }, ...extra } },
	mode: 'cli',
	startedAt: '2026-11-30T14:01:06.310Z',
	status,
	finished: status === 'success',
});
const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const split = (text: string) => splitExecuteOutput(Buffer.from(text, 'utf8'));
const NODE_ERROR = { name: 'NodeApiError', message: 'Patient 99999 not found', description: 'Open Dental said:\n"Patient not found."' };

describe('splitExecuteOutput', () => {
	test('finds the run between log lines, including lines n8n logs after it', () => {
		const text = `n8n Task Broker ready on 127.0.0.1, port 5679\n${pretty(run('success'))}\nRegistered runner "JS Task Runner" (abc)\n`;

		const { run: found, log } = split(text);

		expect(found).toEqual(run('success'));
		expect(log).toBe('n8n Task Broker ready on 127.0.0.1, port 5679\n\nRegistered runner "JS Task Runner" (abc)\n');
	});

	test('skips a logged `{` … `}` block that is not a run', () => {
		const text = `{\n  "level": "info"\n}\n${pretty(run('error', { error: NODE_ERROR }))}\nPatient 99999 not found\n`;

		const { run: found, log } = split(text);

		expect(found).toEqual(run('error', { error: NODE_ERROR }));
		expect(log).toBe('{\n  "level": "info"\n}\n\nPatient 99999 not found\n');
	});

	test('a value holding braces and newlines does not end the run early', () => {
		const tricky = { ...run('success'), note: '\n}\n{\n' };

		expect(split(`log\n${pretty(tricky)}\n`).run).toEqual(tricky);
	});

	test('a run cut short is no run, and its fragment never reaches the shown log lines', () => {
		const text = `n8n Task Broker ready\n${pretty(run('success')).slice(0, 300)}`;

		const { run: found, log } = split(text);

		expect(found).toBeUndefined();
		expect(log).toBe(text);
		expect(logLines(log)).toEqual(['n8n Task Broker ready']);
	});

	test('reads a run of 20,000 records', () => {
		const big = run('success');
		big.data.resultData.runData.Patients[0].data.main[0] = Array.from({ length: 20000 }, (_, i) => ({ json: { ...record, PatNum: i + 1 } }));

		const { run: found } = split(`log\n${pretty(big)}\nafter\n`);

		expect(found.data.resultData.runData.Patients[0].data.main[0].map((item: { json: { PatNum: number } }) => item.json.PatNum)).toEqual(
			Array.from({ length: 20000 }, (_, i) => i + 1),
		);
	});
});

describe('describeExecution', () => {
	test('exit code 0 with a successful run succeeded', () => {
		expect(describeExecution('All patients', { code: 0, signal: null, run: run('success'), log: '' })).toEqual({
			ok: true,
			crashedAfterSuccess: false,
			message: '"All patients" succeeded',
		});
	});

	test('a signal after a complete successful run counts, and says so', () => {
		expect(describeExecution('All patients', { code: null, signal: 'SIGSEGV', run: run('success'), log: '' })).toEqual({
			ok: true,
			crashedAfterSuccess: true,
			message: '"All patients": n8n exited with SIGSEGV after the run finished successfully; its output was complete',
		});
	});

	test('a failed run: exit code and the node error on one line', () => {
		const outcome = describeExecution('Get', { code: 1, signal: null, run: run('error', { error: NODE_ERROR }), log: '' });

		expect(outcome).toEqual({
			ok: false,
			crashedAfterSuccess: false,
			message: '"Get" failed: n8n exited with code 1 after the run ended with status "error": NodeApiError: Patient 99999 not found: Open Dental said: "Patient not found."',
		});
	});

	test('no complete run: the signal and the last log line, never the cut-off records', () => {
		const text = `n8n Task Broker ready\nRegistered runner\n${pretty(run('success')).slice(0, 300)}`;
		const { run: found, log } = split(text);

		const outcome = describeExecution('All patients', { code: null, signal: 'SIGSEGV', run: found, log });

		expect(outcome.message).toBe('"All patients" failed: n8n exited with SIGSEGV without printing a complete run (last log line: Registered runner)');
	});

	test('exit code 0 without a run is a failure', () => {
		expect(describeExecution('All patients', { code: 0, signal: null, run: undefined, log: '' }).message).toBe(
			'"All patients" failed: n8n exited with code 0 without printing a complete run (last log line: none)',
		);
	});

	test('a non-zero exit despite a successful run is a failure', () => {
		expect(describeExecution('All patients', { code: 1, signal: null, run: run('success'), log: '' }).message).toBe(
			'"All patients" failed: n8n exited with code 1 although the run finished successfully',
		);
	});
});
