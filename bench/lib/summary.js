'use strict';

// Medians per variant, the throttled floor, speed ratios, overhead, and the targets.

const { median, ratio } = require('./stats');

const MB = 1024;

function variantSummary(runs) {
	return {
		runs: runs.length,
		wallMs: median(runs.map((run) => run.elapsedMs)),
		clientMs: median(runs.map((run) => run.clientMs)),
		apiSpanMs: median(runs.map((run) => run.sim.apiSpanMs)),
		requests: median(runs.map((run) => run.sim.requests)),
		rejected429: runs.reduce((sum, run) => sum + run.sim.rejected429, 0),
		rejected429PerRun: runs.map((run) => run.sim.rejected429),
		peakRssMb: median(runs.map((run) => (run.peakRssKb ?? NaN) / MB)),
		baseRssMb: median(runs.map((run) => (run.baseRssKb ?? NaN) / MB)),
		peakHeapMb: median(runs.map((run) => (run.peakHeapKb ?? NaN) / MB)),
		heapGrowthMb: median(runs.map((run) => (run.peakHeapKb - run.baseHeapKb) / MB)),
	};
}

/** The pages a perfect client needs: every full page plus the final short (or empty) one. */
function floorFor(scenario) {
	const pages = Math.floor(scenario.patients / scenario.pageSize) + 1;
	return { pages, floorMs: (pages - 1) * scenario.intervalMs };
}

function summarizeScenario(scenario, runs) {
	const variants = {};
	for (const variant of scenario.variants) {
		variants[variant.key] = variantSummary(runs.filter((run) => run.variant === variant.key));
	}
	const summary = { variants };
	if (scenario.group === 'remote') {
		Object.assign(summary, floorFor(scenario));
		for (const entry of Object.values(variants)) entry.vsFloor = ratio(entry.wallMs, summary.floorMs);
	} else {
		const node = variants.node;
		// Speed-up of the node over each HTTP variant: HTTP wall ÷ node wall.
		for (const [key, entry] of Object.entries(variants)) if (key.startsWith('http')) entry.nodeSpeedUp = ratio(entry.wallMs, node.wallMs);
		summary.overhead = ratio(node.wallMs, variants.raw.wallMs) - 1;
	}
	return summary;
}

const mb = (value) => `${Math.round(value)} MB`;
const percent = (value) => `${(value * 100).toFixed(1)}%`;
const times = (value, digits = 2) => `${value.toFixed(digits)}×`;

/** Each target with its measured number; a missed target is reported, never an error. */
function targets(results) {
	const list = [];
	for (const { scenario, summary } of results) {
		const { variants } = summary;
		if (scenario.group === 'remote') {
			const node = variants.node;
			list.push({
				scenario: scenario.title,
				target: 'node ≤ 1.03× floor with zero 429s',
				pass: node.vsFloor <= 1.03 && node.rejected429 === 0,
				measured: `${times(node.vsFloor, 3)} floor, ${node.rejected429} × 429`,
			});
			continue;
		}
		const { node, http100, http1000 } = variants;
		list.push(
			{
				scenario: scenario.title,
				target: 'node ≥ 5× faster than HTTP @100/page',
				pass: http100.nodeSpeedUp >= 5,
				measured: times(http100.nodeSpeedUp),
			},
			{
				scenario: scenario.title,
				target: 'node ≥ 1.5× faster than HTTP @1000/page',
				pass: http1000.nodeSpeedUp >= 1.5,
				measured: times(http1000.nodeSpeedUp),
			},
			{
				scenario: scenario.title,
				target: "node's peak RSS ≤ the HTTP node's",
				pass: node.peakRssMb <= http100.peakRssMb && node.peakRssMb <= http1000.peakRssMb,
				measured:
					`${mb(node.peakRssMb)} vs ${mb(http100.peakRssMb)} (@100), ${mb(http1000.peakRssMb)} (@1000); ` +
					`heap growth ${mb(node.heapGrowthMb)} vs ${mb(http100.heapGrowthMb)}, ${mb(http1000.heapGrowthMb)}`,
			},
			{
				scenario: scenario.title,
				target: 'node overhead over raw HTTP < 5%',
				pass: summary.overhead < 0.05,
				measured: percent(summary.overhead),
			},
		);
	}
	return list;
}

module.exports = { summarizeScenario, targets, floorFor };
