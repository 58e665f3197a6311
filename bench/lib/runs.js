'use strict';

// One scenario: an unmeasured warm-up run per variant, then the reps in rotating order.
// Every measured run must have returned every patient exactly once, or the bench stops.

const { postWebhook, postWhenRegistered } = require('./n8nApi');
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

/** Runs one variant once; returns the probe's numbers and what the simulator saw. */
async function runVariant(ctx, scenario, variant, rep) {
	const { sim } = ctx;
	const label = rep === null ? 'warm-up' : `rep ${rep}/${scenario.reps}`;
	sim.clearRequests();
	const started = Date.now();
	let measured;
	if (variant.kind === 'raw') {
		if (!ctx.plan) throw new Error('the raw client needs a node run to replay first');
		measured = await ctx.raw.run({ baseUrl: sim.baseUrl, ...ctx.plan });
		measured.replayed = { requests: ctx.plan.offsets.length, limit: ctx.plan.limit, concurrency: ctx.plan.concurrency };
	} else {
		const path = ctx.paths[variant.key];
		const post = ctx.registered.has(path) ? postWebhook : postWhenRegistered;
		const answer = await post(ctx.server.url, path);
		ctx.registered.add(path);
		if (answer.status !== 200 || typeof answer.body !== 'object' || typeof answer.body.items !== 'number') {
			const message = typeof answer.body === 'object' ? JSON.stringify(answer.body).slice(0, 500) : String(answer.body).slice(0, 500);
			throw new Error(`${scenario.title} / ${variant.label}: n8n answered HTTP ${answer.status}: ${message}\nn8n log (last lines):\n${ctx.logTail()}`);
		}
		measured = { ...answer.body, clientMs: answer.clientMs };
	}
	const log = sim.requests();
	// The raw client replays the node's latest requests: same Offsets, headers and overlap.
	if (variant.kind === 'node' && scenario.group === 'service') ctx.plan = replayPlan(log);
	assertComplete(scenario, variant, measured);
	const run = { variant: variant.key, rep, ...measured, sim: summarizeLog(log) };
	ctx.progress(
		`  ${scenario.title} · ${variant.label} · ${label}: ${(run.elapsedMs / 1000).toFixed(2)} s, ` +
			`${run.sim.requests} requests, ${run.sim.rejected429} × 429 (${Math.round((Date.now() - started) / 1000)} s)`,
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
	for (const variant of scenario.variants) warmups.push(await runVariant(ctx, scenario, variant, null));
	const runs = [];
	for (let rep = 0; rep < scenario.reps; rep++) {
		for (const variant of rotation(scenario.variants, rep)) {
			runs.push(await runVariant(ctx, scenario, variant, rep + 1));
		}
	}
	return { runs, warmups };
}

module.exports = { runScenario };
