'use strict';

// The demo's report runs: "Patients not seen in 18 months" and "Daily production by provider" in
// n8n against the simulated office, what they returned and what they cost in requests.

const { nodeItems, describeExecution } = require('./n8n');

const LAPSED_LIST = 'Reactivation list (replace with your mailing tool)';
const PRODUCTION_ROWS = 'Report row (replace with your sheet or email node)';
const number = (value) => value.toLocaleString('en-US');
const money = (value) => `$${Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function execute(n8n, sim, workflow) {
	sim.clearRequests();
	const started = Date.now();
	const result = await n8n.execute(workflow.id);
	const outcome = describeExecution(workflow.name, result);
	if (!outcome.ok) throw new Error(outcome.message);
	return { run: result.run, log: sim.requests(), durationMs: Date.now() - started };
}

/** Runs both report examples and returns the lines the demo prints about them. */
async function runReports(n8n, sim, lapsedWorkflow, productionWorkflow) {
	const lapsed = await execute(n8n, sim, lapsedWorkflow);
	const patients = nodeItems(lapsed.run, LAPSED_LIST).map((item) => item.json);
	const offsets = lapsed.log.map((entry) => entry.query.Offset).join(', ');
	const production = await execute(n8n, sim, productionWorkflow);
	const rows = nodeItems(production.run, PRODUCTION_ROWS).map((item) => item.json);
	const total = rows.reduce((sum, row) => sum + Math.round(Number(row.production) * 100), 0) / 100;
	const lines = [
		`"${lapsedWorkflow.name}": ${number(patients.length)} patients, read in ${number(lapsed.log.length)} read-only queries (Offset ${offsets}; 100 rows each), one item per patient`,
		...patients.slice(0, 3).map((row) => `  e.g. ${row.name}, last visit ${row.lastVisit}`),
		`"${productionWorkflow.name}": ${number(rows.length)} providers, ${money(total)} in all, ${number(production.log.length)} query`,
		...rows.map((row) => `  ${row.provider}: ${number(row.procedures)} procedures, ${money(row.production)}`),
		`every request a PUT /queries/ShortQuery: ${[...lapsed.log, ...production.log].every((entry) => entry.method === 'PUT' && entry.path === '/queries/ShortQuery') ? 'yes' : 'NO'}; ${[...lapsed.log, ...production.log].filter((entry) => entry.status === 429).length} rejected by the throttle`,
	];
	return { name: 'Read-only reports (Queries permission)', lines, durationMs: lapsed.durationMs + production.durationMs, ok: patients.length > 100 };
}

module.exports = { runReports };
