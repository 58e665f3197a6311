'use strict';

// An activated workflow with an Open Dental Trigger or Events Trigger, as `n8n start` runs it: fast
// polls, and what reached a node in each production execution.

/**
 * n8n refuses a poll cron with more than one second in it ("polling interval is too short"), but
 * each pollTimes item is its own cron: thirty of them, one fixed second each, poll every 2 s.
 */
const EVERY_TWO_SECONDS = { item: Array.from({ length: 30 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 2} * * * * *` })) };

/** A copy of the workflow whose trigger polls every 2 s (and with its other parameters changed, if given). */
function withFastPolls(document, triggerName, parameters = {}) {
	const copy = JSON.parse(JSON.stringify(document));
	const trigger = copy.nodes.find((node) => node.name === triggerName);
	if (!trigger) throw new Error(`workflow ${document.id} has no node "${triggerName}"`);
	trigger.parameters = { ...trigger.parameters, ...parameters, pollTimes: EVERY_TWO_SECONDS };
	return copy;
}

/** A copy of an Events Trigger workflow whose office machine looks for changes every second. */
function withFastEvents(document, triggerName) {
	const copy = JSON.parse(JSON.stringify(document));
	const trigger = copy.nodes.find((node) => node.name === triggerName);
	if (!trigger) throw new Error(`workflow ${document.id} has no node "${triggerName}"`);
	trigger.parameters = { ...trigger.parameters, pollingSeconds: 1 };
	return copy;
}

/**
 * The items that reached `nodeName` in the workflow's successful executions, oldest first.
 * @returns {Promise<Array<Record<string, any>>>}
 */
async function arrivals(api, workflowId, nodeName) {
	const executions = (await api.finishedExecutions(workflowId)).filter((execution) => execution.status === 'success');
	executions.sort((a, b) => Number(a.id) - Number(b.id));
	return executions.flatMap((execution) => execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** Waits until `check()` returns something truthy (and returns it), polling every 250 ms. */
async function waitFor(check, what, timeoutMs = 60_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const result = await check();
		if (result) return result;
		if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

module.exports = { EVERY_TWO_SECONDS, withFastPolls, withFastEvents, arrivals, waitFor };
