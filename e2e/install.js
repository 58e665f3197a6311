#!/usr/bin/env node
'use strict';

// node e2e/install.js [target ...]: installs the n8n targets (all by default) on first use.

const { TARGETS, getTarget } = require('./lib/targets');
const { ensureInstalled } = require('./lib/install');

async function main() {
	const names = process.argv.slice(2);
	const targets = names.length > 0 ? names.map(getTarget) : TARGETS;
	for (const target of targets) {
		const installed = await ensureInstalled(target);
		if (!installed) console.log(`n8n ${target.n8nVersion}: already installed in e2e/runtime/${target.name}`);
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
