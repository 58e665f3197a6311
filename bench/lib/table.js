'use strict';

// The markdown printed at the end (and pasted into the README): one row per variant, a note on
// the memory columns, and one short line per target with ✔/✘.

const seconds = (ms) => (ms === null ? '—' : ms < 10000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const mb = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)} MB`);
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

function comparison(scenario, summary, key, entry) {
	if (scenario.group === 'remote') return `${entry.vsFloor.toFixed(3)}× floor (${seconds(summary.floorMs)})`;
	if (key === 'node') return '—';
	if (key === 'raw') return `node overhead ${percent(summary.overhead)}`;
	if (key === 'fetch') return `node overhead ${percent(summary.overheadInside)}`;
	return `node ${entry.nodeSpeedUp.toFixed(2)}× faster`;
}

function rejections(entry) {
	return entry.rejected429 === 0 ? '0' : `${entry.rejected429} (${entry.rejected429PerRun.join(', ')} per run)`;
}

function memoryCells({ memory }) {
	if (!memory) return ['—', '—', '—'];
	return [`${mb(memory.peakRssMb)} (${mb(memory.baseRssMb)})`, mb(memory.lifePeakRssMb), `+${mb(memory.heapGrowthMb)}`];
}

function table(results) {
	const lines = [
		'| Scenario | Variant | Requests | In flight | Wall (median) | vs floor / speed-up / overhead | 429s | Peak RSS (base)* | Life peak* | Heap growth* |',
		'|---|---|---:|---:|---:|---|---:|---:|---:|---:|',
	];
	for (const { scenario, summary } of results) {
		for (const variant of scenario.variants) {
			const entry = summary.variants[variant.key];
			const cells = [
				`${scenario.title} (×${entry.runs})`,
				variant.label,
				entry.requests,
				entry.maxInFlight,
				seconds(entry.wallMs),
				comparison(scenario, summary, variant.key, entry),
				rejections(entry),
				...memoryCells(entry),
			];
			lines.push(`| ${cells.join(' | ')} |`);
		}
	}
	const memory = results.filter(({ scenario }) => scenario.memory).map(({ scenario }) => scenario);
	if (memory.length) {
		const reps = memory.map((scenario) => `${scenario.memory.reps} at ${scenario.patients.toLocaleString('en-US')}`).join(', ');
		lines.push(
			'',
			`\\* Memory pass: each run in a fresh n8n after one warm-up run of the same variant on ${memory[0].memory.warmupPatients.toLocaleString('en-US')} patients ` +
				`(runs per variant: ${reps}; median shown). Peak RSS: the kernel's high-water mark (VmHWM), reset at Mark after gc and read at Measure; ` +
				'base: RSS at Mark; life peak: VmHWM over the whole process (start-up, warm-up, run); heap growth: live V8 heap + external, peak − Mark. ' +
				'Wall times come from the timing pass (one warm n8n, variants in rotating order); its memory numbers are in the JSON.',
		);
	}
	return lines.join('\n');
}

/** One short line per target, for the very end of the output. */
function targetLines(targetList) {
	return targetList.map((target) => `${target.pass ? '✔' : '✘'} ${target.scenario} · ${target.target}: ${target.measured}`).join('\n');
}

module.exports = { table, targetLines };
