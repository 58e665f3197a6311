'use strict';

// Runs of one scenario. Timing pass: on the one long-lived n8n, an unmeasured warm-up run per
// variant, then the reps in rotating order. Memory pass (API Service): each run in a fresh n8n
// after one small warm-up run of the same variant. Every run must have returned every patient
// exactly once, or the bench stops.

const { postWebhook, postWhenRegistered } = require('../../e2e/lib/publicApi');
const { summarizeLog, replayPlan } = require('./simLog');
const { rotation } = require('./stats');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function assertComplete(scenario, variant, measured) {
	const n = scenario.patients;
	const { items, distinct, min, max, missing } = measured;
	if (items === n && distinct === n && min === 1 && max === n && missing === 0) return;
	throw new Error(
		`${scenario.title} / ${variant.label}: incomplete result — items ${items}, distinct ${distinct}, ` +
			`PatNum ${min}–${max}, missing ${missing}; expected ${n} patients, PatNum 1–${n}`,
	);
}

/**
 * What a webhook answer without the probe's counts says, without quoting it: n8n's error message
 * if it sent one, else only its shape (an answer from a misconfigured workflow can be a record).
 */
function answerError(body) {
	if (typeof body?.message === 'string') return body.message.slice(0, 300);
	return `no counts in the answer (${body === null || typeof body !== 'object' ? typeof body : `fields: ${Object.keys(body).slice(0, 10).join(', ')}`})`;
}

/** The node's latest requests with the node's ramp; inside n8n without the key (the probe has a credential). */
function planFor(ctx, scenario, inside) {
	if (!ctx.plan) throw new Error('the raw baselines need a node run to replay first');
	const { headers, ...rest } = ctx.plan;
	const kept = inside ? Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization')) : headers;
	return { baseUrl: ctx.sim.baseUrl, ...rest, headers: kept, rampMax: scenario.window };
}

/** Runs one variant once; returns the probe's numbers and what the simulator saw. */
async function runVariant(ctx, scenario, variant, { pass, rep = null, label }) {
	const { sim } = ctx;
	sim.clearRequests();
	const started = Date.now();
	let measured;
	if (variant.kind === 'raw') {
		const plan = planFor(ctx, scenario, false);
		measured = await ctx.raw.run(plan);
		measured.replayed = { requests: plan.offsets.length, limit: plan.limit, rampMax: plan.rampMax };
	} else {
		const path = ctx.paths[variant.key];
		const body = variant.kind === 'fetch' ? { plan: planFor(ctx, scenario, true) } : {};
		const post = ctx.registered.has(path) ? postWebhook : postWhenRegistered;
		const answer = await post(ctx.server.url, path, body);
		ctx.registered.add(path);
		if (answer.status !== 200 || typeof answer.body !== 'object' || typeof answer.body?.items !== 'number') {
			throw new Error(`${scenario.title} / ${variant.label}: n8n answered HTTP ${answer.status}: ${answerError(answer.body)}\nn8n log (last lines):\n${ctx.logTail()}`);
		}
		measured = { ...answer.body, clientMs: answer.clientMs };
		if (body.plan) measured.replayed = { requests: body.plan.offsets.length, limit: body.plan.limit, rampMax: body.plan.rampMax };
	}
	const log = sim.requests();
	// The raw baselines replay the node's latest requests: same Offsets and headers.
	if (variant.kind === 'node' && scenario.group === 'service') ctx.plan = replayPlan(log);
	assertComplete(scenario, variant, measured);
	const run = { pass, variant: variant.key, rep, ...measured, sim: summarizeLog(log) };
	const rss = run.peakRssKb ? `, peak RSS ${Math.round(run.peakRssKb / 1024)} MB` : '';
	ctx.progress(
		`  ${scenario.title} · ${variant.label} · ${label}: ${(run.elapsedMs / 1000).toFixed(2)} s, ` +
			`${run.sim.requests} requests, ${run.sim.rejected429} × 429${rss} (${Math.round((Date.now() - started) / 1000)} s)`,
	);
	await sleep(scenario.pauseMs);
	return run;
}

async function runScenario(ctx, scenario) {
	ctx.progress(`${scenario.title}: seeding ${scenario.patients.toLocaleString('en-US')} patients`);
	ctx.sim.seed({ patients: scenario.patients });
	ctx.plan = null;
	await sleep(scenario.pauseMs);
	// Unmeasured: JIT, connection pools, and the webhook's registration.
	const warmups = [];
	for (const variant of scenario.variants) warmups.push(await runVariant(ctx, scenario, variant, { pass: 'timing', label: 'warm-up' }));
	const runs = [];
	for (let rep = 0; rep < scenario.reps; rep++) {
		for (const variant of rotation(scenario.variants, rep)) {
			runs.push(await runVariant(ctx, scenario, variant, { pass: 'timing', rep: rep + 1, label: `rep ${rep + 1}/${scenario.reps}` }));
		}
	}
	return { runs, warmups };
}

/**
 * Memory pass: for each entry of scenario.memory.order, a fresh n8n from `startN8n()` (same
 * setup as the timing pass), one warm-up run of that variant on a small data set, then one
 * measured run on the scenario's data set.
 */
async function runMemoryPass(ctx, scenario, startN8n) {
	const { order, reps, warmupPatients } = scenario.memory;
	const small = { ...scenario, patients: warmupPatients };
	const runs = [];
	const warmups = [];
	const done = {};
	for (const key of order) {
		const variant = scenario.variants.find((entry) => entry.key === key);
		const rep = (done[key] = (done[key] ?? 0) + 1);
		const instance = await startN8n();
		try {
			const runCtx = { ...ctx, server: instance.server, paths: instance.paths[scenario.group], logTail: instance.logTail, registered: new Set() };
			ctx.sim.seed({ patients: warmupPatients });
			warmups.push(await runVariant(runCtx, small, variant, { pass: 'memory', label: `memory warm-up (${warmupPatients} patients)` }));
			ctx.sim.seed({ patients: scenario.patients });
			runs.push(await runVariant(runCtx, scenario, variant, { pass: 'memory', rep, label: `memory rep ${rep}/${reps}, fresh n8n` }));
		} finally {
			await instance.stop();
		}
	}
	return { runs, warmups };
}

module.exports = { runScenario, runMemoryPass };
