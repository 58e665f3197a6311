'use strict';

// The markdown printed at the end (and pasted into the README): one row per variant, then
// the targets with ✔/✘.

const seconds = (ms) => (ms === null ? '—' : ms < 10000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const mb = (value) => (value === null ? '—' : `${Math.round(value)} MB`);

function comparison(scenario, summary, key, entry) {
	if (scenario.group === 'remote') return `${entry.vsFloor.toFixed(3)}× floor (${seconds(summary.floorMs)})`;
	if (key === 'node') return '—';
	if (key === 'raw') return `node overhead ${summary.overhead >= 0 ? '+' : ''}${(summary.overhead * 100).toFixed(1)}%`;
	return `node ${entry.nodeSpeedUp.toFixed(2)}× faster`;
}

function rejections(entry) {
	return entry.rejected429 === 0 ? '0' : `${entry.rejected429} (${entry.rejected429PerRun.join(', ')} per run)`;
}

function table(results, targetList) {
	const lines = [
		'| Scenario | Variant | Requests | Wall (median) | vs floor / speed-up | 429s | Peak RSS (base) | Heap growth |',
		'|---|---|---:|---:|---|---:|---:|---:|',
	];
	for (const { scenario, summary } of results) {
		for (const variant of scenario.variants) {
			const entry = summary.variants[variant.key];
			const raw = variant.kind === 'raw';
			const rss = raw ? '—' : `${mb(entry.peakRssMb)} (${mb(entry.baseRssMb)})`;
			const heap = raw ? '—' : `+${mb(entry.heapGrowthMb)}`;
			lines.push(
				`| ${scenario.title} (×${entry.runs}) | ${variant.label} | ${entry.requests} | ${seconds(entry.wallMs)} | ${comparison(scenario, summary, variant.key, entry)} | ${rejections(entry)} | ${rss} | ${heap} |`,
			);
		}
	}
	lines.push('', 'Targets:', '');
	for (const target of targetList) {
		lines.push(`- ${target.pass ? '✔' : '✘'} ${target.scenario}: ${target.target} — measured ${target.measured}`);
	}
	return lines.join('\n');
}

module.exports = { table };
