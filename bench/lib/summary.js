'use strict';

// Medians per variant, the throttled floor, speed ratios, overheads, the memory pass, and the targets.

const { median, ratio } = require('./stats');

const MB = 1024;
const mbOf = (runs, pick) => median(runs.map((run) => (pick(run) ?? NaN) / MB));

/** Memory numbers of some runs (the memory pass's, or the timing pass's, which stay in the JSON). */
function memorySummary(runs) {
	return {
		peakRssMb: mbOf(runs, (run) => run.peakRssKb),
		baseRssMb: mbOf(runs, (run) => run.baseRssKb),
		lifePeakRssMb: mbOf(runs, (run) => run.lifePeakRssKb),
		peakHeapMb: mbOf(runs, (run) => run.peakHeapKb),
		heapGrowthMb: mbOf(runs, (run) => run.peakHeapKb - run.baseHeapKb),
	};
}

function variantSummary(runs, memoryRuns) {
	const summary = {
		runs: runs.length,
		wallMs: median(runs.map((run) => run.elapsedMs)),
		clientMs: median(runs.map((run) => run.clientMs)),
		apiSpanMs: median(runs.map((run) => run.sim.apiSpanMs)),
		requests: median(runs.map((run) => run.sim.requests)),
		maxInFlight: runs.length ? Math.max(...runs.map((run) => run.sim.maxInFlight)) : null,
		rejected429: runs.reduce((sum, run) => sum + run.sim.rejected429, 0),
		rejected429PerRun: runs.map((run) => run.sim.rejected429),
		...memorySummary(runs),
	};
	if (memoryRuns.length) {
		summary.memory = { runs: memoryRuns.length, ...memorySummary(memoryRuns), peakRssMbPerRun: memoryRuns.map((run) => Math.round(run.peakRssKb / MB)) };
	}
	return summary;
}

/** The pages a perfect client needs: every full page plus the final short (or empty) one. */
function floorFor(scenario) {
	const pages = Math.floor(scenario.patients / scenario.pageSize) + 1;
	return { pages, floorMs: (pages - 1) * scenario.intervalMs };
}

function summarizeScenario(scenario, runs, memoryRuns = []) {
	const variants = {};
	for (const variant of scenario.variants) {
		const of = (list) => list.filter((run) => run.variant === variant.key);
		variants[variant.key] = variantSummary(of(runs), of(memoryRuns));
	}
	const summary = { variants };
	if (scenario.group === 'remote') {
		Object.assign(summary, floorFor(scenario));
		for (const entry of Object.values(variants)) entry.vsFloor = ratio(entry.wallMs, summary.floorMs);
	} else {
		const node = variants.node;
		// Speed-up of the node over each HTTP variant: HTTP wall ÷ node wall.
		for (const [key, entry] of Object.entries(variants)) if (key.startsWith('http')) entry.nodeSpeedUp = ratio(entry.wallMs, node.wallMs);
		// The target's overhead is over raw HTTP outside n8n; inside n8n shows n8n's own share.
		summary.overhead = ratio(node.wallMs, variants.raw.wallMs) - 1;
		summary.overheadInside = ratio(node.wallMs, variants.fetch.wallMs) - 1;
	}
	return summary;
}

const mb = (value) => `${Math.round(value)}`;
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
const times = (value, digits = 2) => `${value.toFixed(digits)}×`;

/** Each target with its measured number; a missed target is reported, never an error. */
function targets(results) {
	const list = [];
	for (const { scenario, summary } of results) {
		const { variants } = summary;
		const add = (target, pass, measured) => list.push({ scenario: scenario.title, target, pass, measured });
		if (scenario.group === 'remote') {
			const node = variants.node;
			add('node ≤ 1.03× floor with zero 429s', node.vsFloor <= 1.03 && node.rejected429 === 0, `${times(node.vsFloor, 3)} floor, ${node.rejected429} × 429`);
			continue;
		}
		const { node, http100, http1000 } = variants;
		add('node ≥ 5× faster than HTTP @100/page', http100.nodeSpeedUp >= 5, times(http100.nodeSpeedUp));
		add('node ≥ 1.5× faster than HTTP @1000/page', http1000.nodeSpeedUp >= 1.5, times(http1000.nodeSpeedUp));
		const rss = (entry) => entry.memory?.peakRssMb ?? null;
		add(
			"node's peak RSS ≤ the HTTP node's (fresh n8n)",
			rss(node) !== null && rss(node) <= rss(http100) && rss(node) <= rss(http1000),
			`${mb(rss(node))} vs ${mb(rss(http100))} (@100), ${mb(rss(http1000))} (@1000) MB`,
		);
		add('node overhead over raw HTTP < 5%', summary.overhead < 0.05, `${percent(summary.overhead)} (over raw inside n8n: ${percent(summary.overheadInside)})`);
	}
	return list;
}

module.exports = { summarizeScenario, targets, floorFor };
