'use strict';

// Puts the package into an n8n user folder the way n8n's community-package
// installer does: the `npm pack` tarball, unpacked into
// <user folder>/.n8n/nodes/node_modules/<package name>.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runChecked } = require('./proc');
const { PROJECT_DIR } = require('./targets');

const PACKAGE_NAME = 'n8n-nodes-open-dental';
let unpacked;

/** Packs the built project once per process and returns the unpacked folder. */
async function packProject() {
	if (unpacked) return unpacked;
	if (!fs.existsSync(path.join(PROJECT_DIR, 'dist', 'nodes', 'OpenDental', 'OpenDental.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-pack-'));
	process.once('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
	const { stdout } = await runChecked('npm', ['pack', '--json', '--pack-destination', workDir, '--loglevel=error'], {
		cwd: PROJECT_DIR,
	});
	const [{ filename }] = JSON.parse(stdout);
	await runChecked('tar', ['-xzf', path.join(workDir, path.basename(filename)), '-C', workDir]);
	unpacked = path.join(workDir, 'package');
	return unpacked;
}

/** Installs the packed package into the user folder; returns its path there. */
async function installIntoUserFolder(userFolder) {
	const source = await packProject();
	const destination = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.dirname(destination), { recursive: true });
	fs.cpSync(source, destination, { recursive: true });
	return destination;
}

module.exports = { packProject, installIntoUserFolder, PACKAGE_NAME, NODE_TYPE: `${PACKAGE_NAME}.openDental` };
