'use strict';

// Credentials and workflows for n8n's import commands: the examples users import
// by hand, and small workflows built the same way for the test cases.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { PROJECT_DIR } = require('./targets');
const { NODE_TYPE } = require('./packageInstall');
const { EVERY_TWO_SECONDS } = require('./activeTrigger');

const EXAMPLES_DIR = path.join(PROJECT_DIR, 'examples');
/** The credential the examples name; importing one with this id makes them run as they are. */
const EXAMPLE_CREDENTIAL = { id: 'odSimulatorCred', name: 'Open Dental simulator' };
/** The credential of the examples that write (reminders, replies, recalls): a key with the Comm permission. */
const COMM_CREDENTIAL = { id: 'odSimulatorCommCred', name: 'Open Dental simulator (Comm)' };
/** The credential of the report examples: a key with the Queries permission. */
const QUERY_CREDENTIAL = { id: 'odSimulatorQueryCred', name: 'Open Dental simulator (Queries)' };

/** Every example workflow, keyed by file name without .json. */
function loadExamples() {
	const examples = {};
	for (const file of fs.readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')).sort()) {
		examples[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	}
	return examples;
}

/**
 * An Open Dental credential for the simulator, in the plain form `n8n import:credentials` reads.
 * @param {{ id: string, name: string, baseUrl: string, key: { developerKey: string, customerKey: string },
 *   rateLimit?: string, requestIntervalMs?: number, pageSize?: number }} options
 */
function simulatorCredential({ id, name, baseUrl, key, rateLimit = 'none', requestIntervalMs, pageSize = 100 }) {
	const data = {
		server: 'custom',
		baseUrl,
		developerKey: key.developerKey,
		customerKey: key.customerKey,
		rateLimit,
		...(requestIntervalMs === undefined ? {} : { requestIntervalMs }),
		pageSize,
	};
	return { id, name, type: 'openDentalApi', data };
}

const nodeId = (seed) => {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

function manualTrigger(name = 'Run') {
	return { name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}

/**
 * An Open Dental node. `parameters` names its resource and operation, as a workflow stores them.
 * @param {string} name
 * @param {{ resource: string, operation: string } & Record<string, unknown>} parameters
 */
function openDentalNode(name, parameters, credential = EXAMPLE_CREDENTIAL, settings = {}) {
	if (!parameters.resource || !parameters.operation) throw new Error(`node "${name}": parameters must name its resource and operation`);
	return {
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { openDentalApi: { id: credential.id, name: credential.name } },
		...settings,
	};
}

/** An Open Dental Trigger node polling every 2 s (see activeTrigger.js). */
function openDentalTriggerNode(name, parameters, credential = EXAMPLE_CREDENTIAL) {
	return {
		name,
		type: `${NODE_TYPE}Trigger`,
		typeVersion: 1,
		parameters: { ...parameters, pollTimes: EVERY_TWO_SECONDS },
		credentials: { openDentalApi: { id: credential.id, name: credential.name } },
	};
}

/** A node that passes its items on: the place where a user's own node would go. */
function noOpNode(name) {
	return { name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
}

/** Edit Fields (Set) node that outputs one item holding `values`. */
function setNode(name, values) {
	const assignments = Object.entries(values).map(([field, value]) => ({
		id: nodeId(`${name}/${field}`),
		name: field,
		value: Array.isArray(value) ? JSON.stringify(value) : value,
		type: Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : 'string',
	}));
	return { name, type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { assignments: { assignments }, options: {} } };
}

/** Split Out node: one output item per element of `field`. */
function splitOutNode(name, field) {
	return { name, type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: field, options: {} } };
}

/**
 * A workflow in n8n's export format. `branches` lists node chains; each chain
 * starts at the first node and connects node to node.
 */
function workflow(id, name, branches) {
	const nodes = new Map();
	const connections = {};
	for (const chain of branches) {
		chain.forEach((node, index) => {
			if (!nodes.has(node.name)) {
				nodes.set(node.name, { id: nodeId(`${id}/${node.name}`), position: [index * 240, nodes.size * 40], ...node });
			}
			const next = chain[index + 1];
			if (!next) return;
			const outputs = (connections[node.name] ??= { main: [[]] });
			outputs.main[0].push({ node: next.name, type: 'main', index: 0 });
		});
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: [...nodes.values()], connections, pinData: {} };
}

module.exports = {
	EXAMPLE_CREDENTIAL,
	COMM_CREDENTIAL,
	QUERY_CREDENTIAL,
	loadExamples,
	simulatorCredential,
	manualTrigger,
	openDentalNode,
	openDentalTriggerNode,
	noOpNode,
	setNode,
	splitOutNode,
	workflow,
};
