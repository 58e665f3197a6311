'use strict';

const { apiJsonText } = require('../respond');
const { dateTimeOfSecond, secondOfDateTime, NO_DATETIME, DAY_SECONDS } = require('../calendar');
const { SubscriptionStore } = require('./subscriptions');
const { firingPrograms } = require('./computers');
const { watchedRows } = require('./watched-rows');
const { postBatch } = require('./delivery');
const { DeliveryLog, copyDelivery } = require('./delivery-log');

/** @typedef {import('../../index').EventDelivery} EventDelivery */

// The office machines processing API subscriptions (apiguideevents.html): each round, every
// running program that a subscription names (or every one, for a blank Workstation) polls the
// watched table and POSTs what changed since the subscription's DateTimeStart. A delivery that
// fully succeeds moves DateTimeStart to the poll time; a failed one leaves it, so the next round
// sends it all again, as far back as the three-day catch-up limit.

// How far back a machine catches up after deliveries failed or it was off.
const CATCH_UP_SECONDS = 3 * DAY_SECONDS;

const addSeconds = (dateTime, seconds) => dateTimeOfSecond(secondOfDateTime(dateTime) + seconds);
const expired = (subscription, now) => subscription.DateTimeStop !== NO_DATETIME && subscription.DateTimeStop <= now;

/** A repeating background tick on the simulator's time; real timers never keep the process alive. */
function every(time, ms, tick) {
	if (time.every) return time.every(ms, tick);
	const interval = setInterval(tick, ms);
	interval.unref();
	return () => clearInterval(interval);
}

class EventEngine {
	/** @param {import('../simulator').Simulator} sim */
	constructor(sim) {
		this.sim = sim;
		/** @type {Set<import('node:http').ClientRequest>} */
		this.inFlight = new Set();
		this.closed = false;
		/** @type {(() => void) | null} */
		this.cancelTimer = null;
		this.timerMs = null;
		// Rounds run one after another: `busy` counts those queued or running, `queue` is the last.
		this.busy = 0;
		/** @type {Promise<unknown>} */
		this.queue = Promise.resolve();
		this.reset();
	}

	/** The subscriptions of every key (the API routes read and change them here). */
	get store() {
		return this.state.store;
	}

	// A round in flight keeps the state it started with and sends nothing more, so a reset in the
	// middle of it changes nothing the next test sees.
	reset() {
		for (const request of this.inFlight) request.destroy();
		this.state = { store: new SubscriptionStore(), log: new DeliveryLog(), failNext: 0 };
		this.sync();
	}

	/** Starts, restarts or stops the automatic rounds to match config events.auto and tickMs. */
	sync() {
		const { auto, tickMs } = this.sim.config.events;
		const wanted = !this.closed && auto ? tickMs : null;
		if (wanted === this.timerMs) return;
		this.stopTimer();
		if (wanted === null) return;
		this.timerMs = wanted;
		this.cancelTimer = every(this.sim.time, wanted, () => this.tick());
	}

	stopTimer() {
		if (this.cancelTimer) this.cancelTimer();
		this.cancelTimer = null;
		this.timerMs = null;
	}

	/** The server is closing: no more rounds, and deliveries in flight are dropped. */
	stop() {
		this.closed = true;
		this.stopTimer();
		for (const request of this.inFlight) request.destroy();
	}

	// A tick while a round is still delivering is skipped: rounds never overlap.
	tick() {
		if (this.busy > 0 || this.closed) return;
		this.run().catch((error) => console.error('[simulator] event round failed:', error));
	}

	/**
	 * Runs one round after any round in progress; resolves with its deliveries. ignoreInterval polls
	 * every subscription now, whether or not its PollingSeconds have passed.
	 * @param {{ ignoreInterval?: boolean }} [options]
	 * @returns {Promise<EventDelivery[]>}
	 */
	run({ ignoreInterval = false } = {}) {
		if (typeof ignoreInterval !== 'boolean') return Promise.reject(new Error('ignoreInterval must be true or false'));
		this.busy += 1;
		const round = this.queue.then(() => this.round(this.state, ignoreInterval));
		this.queue = round.catch(() => undefined).then(() => {
			this.busy -= 1;
		});
		return round;
	}

	/** Makes the next `count` POSTs count as failed whatever the endpoint answers; the number still to fail. */
	failNext(count = 1) {
		if (!Number.isInteger(count) || count < 0) throw new Error('count must be an integer >= 0');
		this.state.failNext += count;
		return this.state.failNext;
	}

	/** @returns {EventDelivery[]} */
	deliveries() {
		return this.state.log.list();
	}

	clearDeliveries() {
		this.state.log = new DeliveryLog();
	}

	/** Copies of every key's subscriptions, in SubscriptionNum order. */
	subscriptions() {
		return this.state.store.all().map((row) => ({ ...row }));
	}

	// Every firing program reads the subscription's DateTimeStart before any delivery moves it, so a
	// blank Workstation or a machine that runs both programs sends the same rows more than once.
	async round(state, ignoreInterval) {
		const { sim } = this;
		if (this.closed) return [];
		const pollTime = sim.clock.now();
		const oldest = addSeconds(pollTime, -CATCH_UP_SECONDS);
		const polls = [];
		for (const subscription of state.store.all()) {
			if (!subscription.WatchTable || expired(subscription, pollTime)) continue;
			const programs = firingPrograms(subscription.Workstation, sim.config.computers);
			if (programs.length === 0) continue;
			if (!ignoreInterval && pollTime < addSeconds(subscription.DateTimeStart, subscription.PollingSeconds)) continue;
			const from = subscription.DateTimeStart > oldest ? subscription.DateTimeStart : oldest;
			polls.push({ subscription: { ...subscription }, programs, ...watchedRows(sim, subscription.WatchTable, from, pollTime) });
		}
		const deliveries = [];
		for (const poll of polls) {
			let delivered = false;
			for (const program of poll.programs) {
				if (await this.deliver(state, poll, program, pollTime, deliveries)) delivered = true;
			}
			// Nothing to send is no failure: the poll moves on all the same.
			if (delivered) state.store.update(poll.subscription.SubscriptionNum, { DateTimeStart: pollTime });
		}
		return deliveries.map(copyDelivery);
	}

	/** One program's delivery of a poll, batch by batch; false once a batch fails (the rest wait). */
	async deliver(state, poll, program, pollTime, deliveries) {
		const { batchSize } = this.sim.config.events;
		for (let at = 0; at < poll.rows.length; at += batchSize) {
			if (this.closed || state !== this.state) return false;
			const entry = await this.post(state, poll, program, poll.rows.slice(at, at + batchSize), pollTime);
			state.log.add(entry);
			deliveries.push(entry);
			if (!entry.ok) return false;
		}
		return true;
	}

	/** @returns {Promise<EventDelivery>} */
	async post(state, { subscription, key }, { CompName, program }, batch, pollTime) {
		const { time } = this.sim;
		const forced = state.failNext > 0;
		if (forced) state.failNext -= 1;
		const sentAtMs = time.epochNow();
		const answer = await postBatch({
			url: subscription.EndPointUrl,
			headers: {
				Authorization: subscription.CustomerKey,
				Workstation: CompName,
				'Event-Type': `WatchTable: ${subscription.WatchTable}`,
				'Content-Type': 'application/json',
			},
			body: apiJsonText(batch),
			time,
			timeoutMs: this.sim.config.events.timeoutMs,
			inFlight: this.inFlight,
		});
		const answered2xx = answer.status !== null && answer.status >= 200 && answer.status < 300;
		return {
			subscriptionNum: subscription.SubscriptionNum, workstation: CompName, program, url: subscription.EndPointUrl,
			watchTable: subscription.WatchTable, rows: batch.length, keys: batch.map((row) => row[key]),
			status: answer.status, error: forced && answered2xx ? 'failNext' : answer.error, ok: answered2xx && !forced,
			officeTime: pollTime, sentAtMs, answeredAtMs: answer.answeredAtMs,
		};
	}
}

module.exports = { EventEngine };
