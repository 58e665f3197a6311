'use strict';

// Installs the probe package (bench/probe) into an n8n user folder, next to the product,
// the way community packages live there.

const fs = require('node:fs');
const path = require('node:path');

const PROBE_DIR = path.resolve(__dirname, '..', 'probe');
const PROBE_PACKAGE = require('../probe/package.json').name;
const PROBE_TYPE = `${PROBE_PACKAGE}.benchProbe`;

function installProbe(userFolder) {
	const destination = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PROBE_PACKAGE);
	fs.mkdirSync(path.dirname(destination), { recursive: true });
	fs.cpSync(PROBE_DIR, destination, { recursive: true });
	return destination;
}

module.exports = { installProbe, PROBE_TYPE };
