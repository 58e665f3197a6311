'use strict';

const { EventEngine } = require('./engine');
const { DEFAULT_COMPUTERS, validateComputers, getComputers } = require('./computers');
const { getSubscriptions, postSubscription, putSubscription, deleteSubscription } = require('./subscriptions');

// API Events: the office's computers, the Subscriptions routes, and the engine that delivers.

// Rounds every tickMs while auto is on; batches of at most batchSize rows; a POST that has not
// answered within timeoutMs has failed.
const DEFAULT_EVENTS_CONFIG = Object.freeze({ auto: true, tickMs: 200, batchSize: 1000, timeoutMs: 10000 });

function validateEventsConfig({ auto, tickMs, batchSize, timeoutMs }) {
	if (typeof auto !== 'boolean') throw new Error('events.auto must be a boolean');
	if (typeof tickMs !== 'number' || !(tickMs >= 1)) throw new Error('events.tickMs must be a number >= 1');
	if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('events.batchSize must be an integer >= 1');
	if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw new Error('events.timeoutMs must be a number > 0');
}

const bySubscriptionNum = /^\/subscriptions\/([^/]+)$/;

/** @type {import('../store').Route[]} Subscriptions GET, POST and PUT are Read All; DELETE falls under AllOthers. */
const routes = [
	{ path: '/computers', handler: getComputers },
	{ path: '/subscriptions', handler: getSubscriptions },
	{ method: 'POST', path: '/subscriptions', permission: 'ReadAll', handler: postSubscription },
	{ method: 'PUT', pattern: bySubscriptionNum, idName: 'SubscriptionNum', permission: 'ReadAll', handler: putSubscription },
	{ method: 'DELETE', pattern: bySubscriptionNum, idName: 'SubscriptionNum', handler: deleteSubscription },
];

module.exports = { EventEngine, DEFAULT_COMPUTERS, DEFAULT_EVENTS_CONFIG, validateComputers, validateEventsConfig, routes };
