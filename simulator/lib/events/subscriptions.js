'use strict';

const { HttpError, Reply } = require('../respond');
const { bodyObject } = require('../body-fields');
const { parsePaging, pageOf } = require('../paging');
const { NO_DATETIME } = require('../calendar');
const { newSubscriptionFields, changedSubscriptionFields } = require('./subscription-fields');

// The office's apisubscription table and the Subscriptions routes. A customer key sees and changes
// only its own subscriptions: another key's is "not found", as an unknown one is.

/** A whole subscription in the field order of the docs' example. */
function completeSubscription(f) {
	return {
		SubscriptionNum: f.SubscriptionNum, EndPointUrl: f.EndPointUrl ?? '', Workstation: f.Workstation ?? '',
		CustomerKey: f.CustomerKey ?? '', WatchTable: f.WatchTable ?? '', PollingSeconds: f.PollingSeconds ?? 0,
		UiEventType: f.UiEventType ?? '', DateTimeStart: f.DateTimeStart ?? NO_DATETIME,
		DateTimeStop: f.DateTimeStop ?? NO_DATETIME, Note: f.Note ?? '',
	};
}

class SubscriptionStore {
	constructor() {
		/** @type {Array<ReturnType<typeof completeSubscription>>} in SubscriptionNum order */
		this.rows = [];
		// As with MySQL's auto-increment, a deleted subscription's number is not handed out again.
		this.lastNum = 0;
	}

	all() {
		return this.rows;
	}

	/** The subscription with this number, if it belongs to the key. */
	ofKey(customerKey, subscriptionNum) {
		return this.rows.find((row) => row.SubscriptionNum === subscriptionNum && row.CustomerKey === customerKey) || null;
	}

	insert(fields) {
		this.lastNum += 1;
		const row = completeSubscription({ ...fields, SubscriptionNum: this.lastNum });
		this.rows.push(row);
		return row;
	}

	/** Changes fields in place (a round in flight sees the change); null when it is gone. */
	update(subscriptionNum, fields) {
		const row = this.rows.find((candidate) => candidate.SubscriptionNum === subscriptionNum);
		if (!row) return null;
		Object.assign(row, fields);
		return row;
	}

	remove(subscriptionNum) {
		this.rows = this.rows.filter((row) => row.SubscriptionNum !== subscriptionNum);
	}
}

const NOT_FOUND = 'Subscription not found.';

function ownSubscription(sim, key, subscriptionNum) {
	const row = sim.events.store.ofKey(key.customerKey, subscriptionNum);
	if (!row) throw new HttpError(404, NOT_FOUND);
	return row;
}

// GET /subscriptions: the key's subscriptions, in SubscriptionNum order, paged as every list is.
function getSubscriptions({ query, sim, key }) {
	const own = (row) => row.CustomerKey === key.customerKey;
	return pageOf(sim.events.store.all(), own, parsePaging(query, sim.config, key)).map((row) => ({ ...row }));
}

// POST /subscriptions: 201 with the subscription, CustomerKey taken from the Authorization header.
function postSubscription({ body, sim, key }) {
	const fields = newSubscriptionFields(bodyObject(body), sim.clock.now());
	const row = sim.events.store.insert({ ...fields, CustomerKey: key.customerKey });
	return new Reply(201, { ...row }, { Location: `${sim.baseUrl}/subscriptions/${row.SubscriptionNum}` });
}

// PUT /subscriptions/{SubscriptionNum}: changes the fields given; 200 with no body.
function putSubscription({ params, body, sim, key }) {
	const row = ownSubscription(sim, key, params.id);
	sim.events.store.update(row.SubscriptionNum, changedSubscriptionFields(bodyObject(body)));
	return new Reply(200);
}

// DELETE /subscriptions/{SubscriptionNum} (AllOthers): 200 with no body.
function deleteSubscription({ params, sim, key }) {
	sim.events.store.remove(ownSubscription(sim, key, params.id).SubscriptionNum);
	return new Reply(200);
}

module.exports = { SubscriptionStore, getSubscriptions, postSubscription, putSubscription, deleteSubscription };
