'use strict';

// `npm run bench`: this package's Open Dental node against n8n's HTTP Request node, both inside
// one real n8n 2.41.1 server, reading every patient from the project's simulator. Writes every
// run's numbers to a JSON file and prints a markdown table; progress goes to stderr.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSimulator, DEFAULT_KEYS } = require('../simulator');
const { ensureInstalled } = require('../e2e/lib/install');
const { N8n } = require('../e2e/lib/n8n');
const { startServer } = require('../e2e/lib/server');
const { run: runCommand, stopAll, track } = require('../e2e/lib/proc');
const { simulatorCredential } = require('../e2e/lib/fixtures');
const { getTarget, PROJECT_DIR } = require('../e2e/lib/targets');
const { scenarios: scenarioList, SIMULATORS } = require('./scenarios');
const { installProbe } = require('./lib/probe');
const { publicApi } = require('./lib/n8nApi');
const { measuredWorkflow, openDentalUnderTest, httpRequestUnderTest } = require('./lib/workflows');
const { startRawClient } = require('./lib/rawClient');
const { runScenario } = require('./lib/runs');
const { summarizeScenario, targets } = require('./lib/summary');
const { table } = require('./lib/table');

const PAID_KEY = DEFAULT_KEYS[1];
const N8N_LOG_LINES = 40;

function progressLogger() {
	const started = Date.now();
	return (line) => process.stderr.write(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}\n`);
}

/** Credentials per simulator group: the node's (with the group's pacing and page size) and the HTTP node's header. */
function credentialsFor(group, sim) {
	const paced = group === 'remote';
	return {
		node: simulatorCredential({
			id: `benchOd${group}`,
			name: `Open Dental (${group})`,
			baseUrl: sim.baseUrl,
			key: PAID_KEY,
			rateLimit: paced ? 'paid' : 'none',
			pageSize: paced ? 100 : 1000,
		}),
	};
}

const HEADER_CREDENTIAL = {
	id: 'benchOdHeader',
	name: 'Open Dental ODFHIR header',
	type: 'httpHeaderAuth',
	data: { name: 'Authorization', value: `ODFHIR ${PAID_KEY.developerKey}/${PAID_KEY.customerKey}` },
};

/** Creates and activates one workflow per variant of each group; returns webhook paths by group and variant. */
async function createWorkflows(api, list, sims, credentials) {
	const paths = {};
	for (const scenario of list) {
		const group = (paths[scenario.group] ??= {});
		for (const variant of scenario.variants) {
			if (variant.kind === 'raw' || group[variant.key]) continue;
			const webhookPath = `bench-${scenario.group}-${variant.key}`;
			const underTest =
				variant.kind === 'node'
					? openDentalUnderTest(credentials[scenario.group].node)
					: httpRequestUnderTest(HEADER_CREDENTIAL, { baseUrl: sims[scenario.group].baseUrl, pageSize: variant.pageSize, intervalMs: variant.intervalMs });
			await api.createActive(measuredWorkflow(`Bench: ${scenario.group} ${variant.key}`, webhookPath, underTest));
			group[variant.key] = webhookPath;
		}
	}
	return paths;
}

async function machineInfo(target) {
	const n8nNode = await runCommand(target.nodeBin, ['--version']);
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
		platform: `${os.platform()} ${os.release()}`,
		benchNode: process.version,
		n8nNode: n8nNode.stdout.trim(),
		n8nVersion: target.n8nVersion,
		packageVersion: require('../package.json').version,
	};
}

/** Only the settings that shape the numbers (never the keys). */
function simulatorSettings(group) {
	return { ...SIMULATORS[group], key: 'paid tier (1 request / s on Remote)' };
}

async function runBench({ quick = false, out = path.join(PROJECT_DIR, 'bench', 'results', 'latest.json') } = {}) {
	const started = Date.now();
	const progress = progressLogger();
	const target = getTarget('2.41.1');
	const list = scenarioList({ quick });
	const sims = {};
	let n8n;
	let server;
	let raw;
	const cleanUp = async () => {
		raw?.stop();
		await server?.stop();
		await stopAll();
		await Promise.all(Object.values(sims).map((sim) => sim.close()));
		n8n?.remove();
	};
	const interrupt = () => {
		progress('Stopping...');
		cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		await ensureInstalled(target, progress);
		for (const scenario of list) {
			sims[scenario.group] ??= await startSimulator({ port: 0, patients: scenario.patients, ...SIMULATORS[scenario.group] });
		}
		const credentials = Object.fromEntries(Object.entries(sims).map(([group, sim]) => [group, credentialsFor(group, sim)]));

		n8n = await N8n.create(target);
		installProbe(n8n.userFolder);
		await n8n.importCredentials([...Object.values(credentials).map((entry) => entry.node), HEADER_CREDENTIAL]);
		const logLines = [];
		progress(`Starting n8n ${target.n8nVersion} (one server for every run)...`);
		server = await startServer(n8n, {
			env: { NODE_OPTIONS: '--expose-gc' },
			onLine: (line) => {
				logLines.push(line);
				if (logLines.length > N8N_LOG_LINES) logLines.shift();
			},
		});
		const api = await publicApi(server);
		const paths = await createWorkflows(api, list, sims, credentials);
		raw = startRawClient(target.nodeBin, track);
		progress(`n8n ready at ${server.url}; ${Object.values(paths).reduce((sum, group) => sum + Object.keys(group).length, 0)} workflows active`);

		const results = [];
		const registered = new Set();
		for (const scenario of list) {
			const ctx = { sim: sims[scenario.group], paths: paths[scenario.group], server, raw, registered, progress, logTail: () => logLines.join('\n') };
			const { runs, warmups } = await runScenario(ctx, scenario);
			results.push({ scenario, summary: summarizeScenario(scenario, runs), runs, warmups });
		}

		const targetList = targets(results);
		const report = {
			benchmark: 'Open Dental node vs n8n HTTP Request node, inside one n8n server',
			date: new Date().toISOString(),
			quick,
			durationMs: Date.now() - started,
			machine: await machineInfo(target),
			simulators: Object.fromEntries(Object.keys(sims).map((group) => [group, simulatorSettings(group)])),
			scenarios: results.map(({ scenario, summary, runs, warmups }) => ({ ...scenario, summary, runs, warmups })),
			targets: targetList,
		};
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
		console.log(table(results, targetList));
		const shown = out.startsWith(`${PROJECT_DIR}${path.sep}`) ? path.relative(PROJECT_DIR, out) : out;
		console.log(`\nTotal: ${Math.round(report.durationMs / 1000)} s. Every run's numbers: ${shown}`);
		return report;
	} finally {
		process.removeListener('SIGINT', interrupt);
		process.removeListener('SIGTERM', interrupt);
		await cleanUp();
	}
}

module.exports = { runBench };
