'use strict';

// The measured workflows: Webhook → Mark → node under test → Measure. The webhook answers
// with Measure's one item, so a run is one POST, and n8n is told to save nothing.

const crypto = require('node:crypto');
const { openDentalNode, workflow } = require('../../e2e/lib/fixtures');
const { PROBE_TYPE } = require('./probe');

/** Keep n8n from saving or serializing the items: only the probe's numbers leave the run. */
const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'none',
	saveManualExecutions: false,
	saveExecutionProgress: false,
};

const UNDER_TEST = 'Under test';

function webhookNode(path) {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
	};
}

function probeNode(name, mode) {
	return { name, type: PROBE_TYPE, typeVersion: 1, parameters: { mode } };
}

/** The raw-HTTP baseline inside n8n: the probe replays the plan POSTed to the webhook. */
function fetchUnderTest(credential) {
	return { ...probeNode(UNDER_TEST, 'fetch'), credentials: { httpHeaderAuth: { id: credential.id, name: credential.name } } };
}

/** This package's node: every patient, full records (the HTTP node returns full records too). */
function openDentalUnderTest(credential) {
	return openDentalNode(UNDER_TEST, { resource: 'patient', operation: 'getAll', returnAll: true, filters: {}, simplify: false }, credential);
}

/**
 * n8n's HTTP Request node set up the way Open Dental's docs lead a capable user: the ODFHIR
 * header through a Header Auth credential, Content-Type on the GET, Limit/Offset paging in
 * Open Dental's casing, done on a short page, and the key's interval between requests.
 */
function httpRequestUnderTest(credential, { baseUrl, pageSize, intervalMs }) {
	return {
		name: UNDER_TEST,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'GET',
			url: `${baseUrl}/patients/Simple`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: { parameters: [{ name: 'Limit', value: String(pageSize) }] },
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: { parameters: [{ name: 'Content-Type', value: 'application/json' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'Offset', value: `={{ $pageCount * ${pageSize} }}` }] },
						paginationCompleteWhen: 'other',
						completeExpression: `={{ $response.body.length < ${pageSize} }}`,
						// Off: no page cap, so nothing is ever cut short.
						limitPagesFetched: false,
						requestInterval: intervalMs,
					},
				},
				response: { response: { responseFormat: 'json' } },
			},
		},
		credentials: { httpHeaderAuth: { id: credential.id, name: credential.name } },
	};
}

/** The public API's create-workflow body: name, nodes, connections, settings. */
function measuredWorkflow(name, path, nodeUnderTest) {
	const chain = [webhookNode(path), probeNode('Mark', 'mark'), nodeUnderTest, probeNode('Measure', 'measure')];
	const { nodes, connections } = workflow(path, name, [chain]);
	return { name, nodes, connections, settings: SETTINGS };
}

module.exports = { measuredWorkflow, openDentalUnderTest, httpRequestUnderTest, fetchUnderTest };
