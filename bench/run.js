'use strict';

// `npm run bench`: this package's Open Dental node against n8n's HTTP Request node inside a real
// n8n 2.41.1, reading every patient from the project's simulator. Timing pass: one long-lived
// n8n, variants A/B alternated. Memory pass (API Service): one fresh n8n per run, since in a
// long-lived process RSS mostly shows earlier runs (V8 keeps reserved heap resident). Writes
// every run's numbers to a JSON file and prints a markdown table; progress goes to stderr.

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
const { publicApi } = require('../e2e/lib/publicApi');
const { measuredWorkflow, openDentalUnderTest, httpRequestUnderTest, fetchUnderTest } = require('./lib/workflows');
const { startRawClient } = require('./lib/rawClient');
const { runScenario, runMemoryPass } = require('./lib/runs');
const { summarizeScenario, targets } = require('./lib/summary');
const { table, targetLines } = require('./lib/table');
const { runReminderBench, reminderTable } = require('./reminders');

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
					: variant.kind === 'fetch'
						? fetchUnderTest(HEADER_CREDENTIAL)
						: httpRequestUnderTest(HEADER_CREDENTIAL, { baseUrl: sims[scenario.group].baseUrl, pageSize: variant.pageSize, intervalMs: variant.intervalMs });
			await api.createActive(measuredWorkflow(`Bench: ${scenario.group} ${variant.key}`, webhookPath, underTest));
			group[variant.key] = webhookPath;
		}
	}
	return paths;
}

/**
 * A fresh n8n: new user folder with the package and the probe, credentials imported, owner and
 * API key, every workflow created and activated. Resolves with what runs need and `stop()`.
 */
async function startN8n({ target, list, sims, credentials, progress, live }, what) {
	const n8n = await N8n.create(target);
	const logLines = [];
	let server;
	const instance = {
		async stop() {
			live.delete(instance);
			await server?.stop();
			n8n.remove();
		},
	};
	live.add(instance);
	try {
		installProbe(n8n.userFolder);
		await n8n.importCredentials([...Object.values(credentials).map((entry) => entry.node), HEADER_CREDENTIAL]);
		progress(`Starting n8n ${target.n8nVersion} (${what})...`);
		server = await startServer(n8n, {
			env: { NODE_OPTIONS: '--expose-gc' },
			onLine: (line) => {
				logLines.push(line);
				if (logLines.length > N8N_LOG_LINES) logLines.shift();
			},
		});
		const paths = await createWorkflows(await publicApi(server), list, sims, credentials);
		const count = Object.values(paths).reduce((sum, group) => sum + Object.keys(group).length, 0);
		progress(`n8n ready at ${server.url}; ${count} workflows active`);
		return Object.assign(instance, { server, paths, logTail: () => logLines.join('\n') });
	} catch (error) {
		await instance.stop();
		throw error;
	}
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
	const live = new Set();
	let raw;
	const cleanUp = async () => {
		raw?.stop();
		await Promise.all([...live].map((instance) => instance.stop()));
		await stopAll();
		await Promise.all(Object.values(sims).map((sim) => sim.close()));
	};
	const interrupt = () => {
		progress('Stopping...');
		cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		await ensureInstalled(target, progress);
		// The reminder example first, in its own n8n: writes and lookups at the paid key's pace.
		const reminders = await runReminderBench({ target, progress, appointments: quick ? 60 : 200 });
		for (const scenario of list) {
			sims[scenario.group] ??= await startSimulator({ port: 0, patients: scenario.patients, ...SIMULATORS[scenario.group] });
		}
		const credentials = Object.fromEntries(Object.entries(sims).map(([group, sim]) => [group, credentialsFor(group, sim)]));
		const setup = { target, list, sims, credentials, progress, live };

		// Timing pass: one warm server for every run.
		const main = await startN8n(setup, 'one server for every timing run');
		raw = startRawClient(target.nodeBin, track);
		const results = [];
		const registered = new Set();
		for (const scenario of list) {
			const ctx = { sim: sims[scenario.group], server: main.server, paths: main.paths[scenario.group], logTail: main.logTail, raw, registered, progress };
			const { runs, warmups } = await runScenario(ctx, scenario);
			results.push({ scenario, runs, warmups });
		}
		raw.stop();
		await main.stop();
		const timingMs = Date.now() - started;

		// Memory pass: a fresh server per run.
		for (const result of results) {
			const { scenario } = result;
			if (!scenario.memory) continue;
			progress(`${scenario.title}: memory pass, ${scenario.memory.order.length} fresh n8n processes`);
			const memory = await runMemoryPass({ sim: sims[scenario.group], progress }, scenario, () => startN8n(setup, 'fresh, for one memory run'));
			Object.assign(result, { memoryRuns: memory.runs, memoryWarmups: memory.warmups });
		}
		for (const result of results) result.summary = summarizeScenario(result.scenario, result.runs, result.memoryRuns);


		const targetList = targets(results);
		const report = {
			benchmark: 'Open Dental node vs n8n HTTP Request node inside n8n: timing in one warm server, memory in fresh servers',
			date: new Date().toISOString(),
			quick,
			durationMs: Date.now() - started,
			passMs: { timing: timingMs, memory: Date.now() - started - timingMs },
			machine: await machineInfo(target),
			config: { n8nNodeOptions: '--expose-gc', scenarios: list.map((scenario) => scenario.key) },
			simulators: Object.fromEntries(Object.keys(sims).map((group) => [group, simulatorSettings(group)])),
			scenarios: results.map(({ scenario, summary, runs, warmups, memoryRuns = [], memoryWarmups = [] }) => ({
				...scenario,
				summary,
				runs,
				warmups,
				memoryRuns,
				memoryWarmups,
			})),
			targets: targetList,
			reminders,
		};
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
		console.log(table(results));
		console.log(`\n${reminderTable(reminders)}`);
		const shown = out.startsWith(`${PROJECT_DIR}${path.sep}`) ? path.relative(PROJECT_DIR, out) : out;
		console.log(`\nTotal: ${Math.round(report.durationMs / 1000)} s. Every run's numbers: ${shown}\n`);
		console.log(targetLines(targetList));
		return report;
	} finally {
		process.removeListener('SIGINT', interrupt);
		process.removeListener('SIGTERM', interrupt);
		await cleanUp();
	}
}

module.exports = { runBench };
