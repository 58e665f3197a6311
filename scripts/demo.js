#!/usr/bin/env node
// `npm run demo [-- --editor]`: the node's main job in real n8n, with no Open Dental keys needed.
// Installs what is missing, builds, starts the simulator with a seeded office, runs the example
// workflows in n8n 2.41.1 and prints what happened. With --editor, n8n keeps running on
// http://127.0.0.1:5678 with an owner account and the examples imported. Ctrl-C stops everything.
'use strict';
const { ensureDevDependencies, step } = require('./lib/devDependencies');

const EDITOR_PORT = 5678;
const PATIENTS = 2600;
const CHANGED_TODAY = 40;
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'OpenDental-demo-1' };

function parseArgs(argv) {
	const unknown = argv.filter((arg) => arg !== '--editor');
	if (unknown.length > 0) {
		console.error(`unknown option ${unknown[0]}\nusage: npm run demo [-- --editor]`);
		process.exit(2);
	}
	return { editor: argv.includes('--editor') };
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	await ensureDevDependencies();
	step('build', 'npm', ['run', 'build']);
	// Loaded after the install step, so a fresh clone needs nothing beforehand.
	const { runDemo } = require('../e2e/demo');
	await runDemo({ ...options, editorPort: EDITOR_PORT, patients: PATIENTS, changedToday: CHANGED_TODAY, owner: OWNER });
}

main().catch((error) => {
	console.error(`\n✖ demo failed: ${error.message}`);
	process.exit(1);
});
