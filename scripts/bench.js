#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --out <file>]`: the Open Dental node against n8n's HTTP Request
// node, inside one real n8n 2.41.1 server, against the project's simulator. Installs what is
// missing, builds, runs the scenarios (bench/scenarios.js) and prints a markdown table; every
// run's numbers go to bench/results/latest.json unless --out says otherwise.
// Exit 0 when it measured (targets missed included), non-zero when a result was wrong or it crashed.
'use strict';
const path = require('node:path');
const { ensureDevDependencies, step, ROOT } = require('./lib/devDependencies');

const USAGE = 'usage: npm run bench [-- --quick] [-- --out <file>]';

function parseArgs(argv) {
	const options = { quick: false, out: path.join(ROOT, 'bench', 'results', 'latest.json') };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--quick') options.quick = true;
		else if (argv[i] === '--out' && argv[i + 1]) options.out = path.resolve(argv[++i]);
		else {
			console.error(`unknown option ${argv[i]}\n${USAGE}`);
			process.exit(2);
		}
	}
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	await ensureDevDependencies();
	step('build', 'npm', ['run', 'build']);
	// Loaded after the install step, so a fresh clone needs nothing beforehand.
	const { ensureInstalled } = require('../e2e/lib/install');
	const { getTarget } = require('../e2e/lib/targets');
	await ensureInstalled(getTarget('2.41.1'));
	const { runBench } = require('../bench/run');
	await runBench(options);
}

main().catch((error) => {
	console.error(`\n✖ bench failed: ${error.message}`);
	process.exit(1);
});
