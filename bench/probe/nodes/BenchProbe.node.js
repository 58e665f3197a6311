'use strict';

// Benchmark probe, never shipped. "Mark" stands right before the node under test and
// "Measure" right after it, in the same n8n process, so time and memory are taken in-process
// and exactly, and n8n never has to save or serialize the items in between. "Fetch" stands
// where the node under test would: the raw-HTTP baseline inside n8n (bench/probe/replay.js).

const fs = require('node:fs');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const v8 = require('node:v8');
const { replay } = require('../replay');

// How often the V8 heap is sampled between Mark and Measure. RSS alone cannot show what a run
// allocates: pages V8 committed for earlier runs stay resident after GC and are reused, so
// the RSS high-water mark mostly shows history. Live heap (JS objects + external buffers)
// does not.
const HEAP_SAMPLE_MS = 5;

// Mark → Measure hand-over, per execution (several workflows may run in one process).
const marks = new Map();

// Fetch's connections stay open between runs, as the raw client's outside n8n do.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** VmRSS or VmHWM from /proc/self/status, in kB. */
function statusKb(field) {
	const match = fs.readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
	return match ? Number(match[1]) : null;
}

/** Live V8 heap plus memory held outside it by buffers and strings, in kB. */
function heapKb() {
	const stats = v8.getHeapStatistics();
	return Math.round((stats.used_heap_size + (stats.external_memory ?? 0)) / 1024);
}

function mark(executionId) {
	// A clean heap first, so the node under test does not pay for garbage left by earlier runs.
	if (typeof global.gc === 'function') {
		global.gc();
		global.gc();
	}
	// The process's whole-life peak so far (VmHWM only rises until it is reset).
	const lifeHwmKb = statusKb('VmHWM');
	// "5" resets the kernel's peak-RSS high-water mark (VmHWM) to the current RSS.
	let hwmReset = true;
	try {
		fs.writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		hwmReset = false;
	}
	const entry = { baseRssKb: statusKb('VmRSS'), baseHeapKb: heapKb(), lifeHwmKb, hwmReset, gc: typeof global.gc === 'function' };
	entry.peakHeapKb = entry.baseHeapKb;
	// Samples only when the event loop is free, so a peak inside one synchronous step is missed.
	entry.sampler = setInterval(() => {
		entry.peakHeapKb = Math.max(entry.peakHeapKb, heapKb());
	}, HEAP_SAMPLE_MS);
	entry.sampler.unref();
	entry.t0 = performance.now();
	marks.set(executionId, entry);
}

function measure(executionId, items) {
	const entry = marks.get(executionId);
	const elapsedMs = performance.now() - entry.t0;
	const peakRssKb = statusKb('VmHWM');
	clearInterval(entry.sampler);
	const peakHeapKb = Math.max(entry.peakHeapKb, heapKb());
	const { baseRssKb, baseHeapKb, lifeHwmKb, hwmReset, gc } = entry;
	marks.delete(executionId);
	// Only counts leave this node: never a patient record.
	const seen = new Set();
	let min = Infinity;
	let max = -Infinity;
	let missing = 0;
	for (const item of items) {
		const patNum = item.json && item.json.PatNum;
		if (typeof patNum !== 'number' || !Number.isFinite(patNum)) {
			missing += 1;
			continue;
		}
		seen.add(patNum);
		if (patNum < min) min = patNum;
		if (patNum > max) max = patNum;
	}
	return {
		elapsedMs,
		peakRssKb,
		baseRssKb,
		// Peak RSS over the process's whole life: start-up, earlier runs and this one.
		lifePeakRssKb: Math.max(lifeHwmKb ?? 0, peakRssKb ?? 0) || null,
		peakHeapKb,
		baseHeapKb,
		hwmReset,
		gc,
		items: items.length,
		distinct: seen.size,
		min: seen.size ? min : null,
		max: seen.size ? max : null,
		missing,
	};
}

/** The plan comes in the webhook's body (no key in it); the ODFHIR header from a credential. */
async function fetchPages(context, items) {
	const plan = items[0] && items[0].json.body && items[0].json.body.plan;
	if (!plan) throw new Error('Fetch needs a plan in the webhook body');
	const { name, value } = await context.getCredentials('httpHeaderAuth');
	const { pages } = await replay(agent, { ...plan, headers: { ...plan.headers, [name]: value } });
	// One item per row, as the node under test hands them over.
	const output = [];
	for (const page of pages) for (const json of page) output.push({ json, pairedItem: { item: 0 } });
	return output;
}

class BenchProbe {
	constructor() {
		this.description = {
			displayName: 'Bench Probe',
			name: 'benchProbe',
			group: ['transform'],
			version: 1,
			description: 'Benchmark probe: Mark starts the clock, Measure stops it and counts the items, Fetch replays page requests',
			defaults: { name: 'Bench Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'httpHeaderAuth', required: true, displayOptions: { show: { mode: ['fetch'] } } }],
			properties: [
				{
					displayName: 'Mode',
					name: 'mode',
					type: 'options',
					options: [
						{ name: 'Mark', value: 'mark' },
						{ name: 'Measure', value: 'measure' },
						{ name: 'Fetch', value: 'fetch' },
					],
					default: 'mark',
				},
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const executionId = this.getExecutionId();
		const mode = this.getNodeParameter('mode', 0);
		if (mode === 'mark') {
			mark(executionId);
			return [items];
		}
		if (mode === 'fetch') return [await fetchPages(this, items)];
		if (!marks.has(executionId)) throw new Error('Measure ran without a Mark in the same execution');
		return [[{ json: measure(executionId, items) }]];
	}
}

module.exports = { BenchProbe };
