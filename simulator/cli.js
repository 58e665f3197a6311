#!/usr/bin/env node
'use strict';

// Runs the simulator for demos and manual testing:
//   node simulator/cli.js [--port 8787] [--host 127.0.0.1] [--patients 2500] [--seed 1]
//     [--mode remote|local] [--throttle reject|delay|off] [--time-scale 1] [--latency 0 | --latency 100-800]

const { startSimulator, intervalFor, pageCap } = require('./index');

const USAGE = 'usage: node simulator/cli.js [--port 8787] [--host 127.0.0.1] [--patients 2500] [--seed 1]\n'
	+ '  [--mode remote|local] [--throttle reject|delay|off] [--time-scale 1] [--latency 0 | --latency 100-800]';

function parseNumber(name, text) {
	const value = Number(text);
	if (text === undefined || text === '' || !Number.isFinite(value)) throw new Error(`${name} needs a number`);
	return value;
}

function parseLatency(text) {
	const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text || '');
	return range ? [Number(range[1]), Number(range[2])] : parseNumber('--latency', text);
}

function parseArgs(argv) {
	const options = { port: 8787, host: '127.0.0.1', patients: 2500, throttle: {} };
	for (let i = 0; i < argv.length; i += 1) {
		const flag = argv[i];
		const value = argv[i + 1];
		i += 1;
		switch (flag) {
			case '--port': options.port = parseNumber(flag, value); break;
			case '--host': options.host = value; break;
			case '--patients': options.patients = parseNumber(flag, value); break;
			case '--seed': options.seed = parseNumber(flag, value); break;
			case '--mode': options.mode = value; break;
			case '--throttle': options.throttle.mode = value; break;
			case '--time-scale': options.throttle.timeScale = parseNumber(flag, value); break;
			case '--latency': options.latencyMs = parseLatency(value); break;
			case '--help': case '-h': console.log(USAGE); process.exit(0); break;
			default: throw new Error(`unknown option ${flag}`);
		}
	}
	return options;
}

function describeKeys(sim) {
	const config = sim.getConfig();
	return config.keys.map((key) => {
		const tier = key.disabled ? 'disabled'
			: !key.permissions.includes('ReadAll') ? 'no ReadAll (GETs are 401)'
				: key.permissions.includes('Enterprise') ? 'enterprise'
					: key.permissions.length > 1 ? 'paid' : 'free (ReadAll only)';
		const interval = intervalFor(key, config);
		const pacing = interval > 0 ? `1 request / ${interval} ms` : 'not throttled';
		return `  ODFHIR ${key.developerKey}/${key.customerKey}  ${tier}; ${pacing}; page cap ${pageCap(config, key)}`;
	}).join('\n');
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error.message}\n${USAGE}`);
		process.exit(2);
	}
	const sim = await startSimulator(options);
	const config = sim.getConfig();
	const [firstKey] = config.keys;
	console.log(`Open Dental API simulator (${config.mode} mode, ${config.patients} patients, seed ${config.seed}, throttle ${config.throttle.mode})`);
	console.log(`Base URL:    ${sim.baseUrl}`);
	console.log(`Control API: ${sim.controlUrl}`);
	console.log(`Keys (Authorization header, tier, pacing):\n${describeKeys(sim)}`);
	console.log('Example:');
	console.log(`  curl -H "Authorization: ODFHIR ${firstKey.developerKey}/${firstKey.customerKey}" `
		+ `-H "Content-Type: application/json" "${sim.baseUrl}/patients/Simple?Limit=5"`);
	console.log('Press Ctrl-C to stop.');

	let closing = false;
	const shutdown = async (signal) => {
		if (closing) return;
		closing = true;
		console.log(`\n${signal} received, closing simulator.`);
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
