'use strict';

const { hasPermission } = require('./auth');

// Minimum start-to-start interval for one customer key, per the documented
// tiers. Local API / API Service is never throttled.
function intervalFor(key, config) {
	if (config.mode === 'local' || config.throttle.mode === 'off') return 0;
	const t = config.throttle;
	let base = t.readAllMs;
	if (hasPermission(key, 'Enterprise')) base = t.enterpriseMs;
	else if (key.permissions.some((p) => p !== 'ReadAll')) base = t.paidMs;
	return base * t.timeScale;
}

// Per-customer-key slot bookkeeping. Times are performance.now() values taken
// at arrival, so processing time never shifts the next slot.
class Throttle {
	constructor() {
		this.lastStart = new Map();
	}

	reset() {
		this.lastStart.clear();
	}

	// Returns { slot, waitMs }: waitMs 0 = serve now; in reject mode a
	// positive waitMs means "reject" and no slot is taken.
	admit(customerKey, intervalMs, mode, arrivedMs) {
		const previous = this.lastStart.get(customerKey);
		if (intervalMs <= 0 || previous === undefined) return this.take(customerKey, previous, arrivedMs, 0);
		const slotStart = Math.max(arrivedMs, previous + intervalMs);
		const waitMs = slotStart - arrivedMs;
		if (waitMs > 0 && mode === 'reject') return { slot: null, waitMs };
		return this.take(customerKey, previous, slotStart, waitMs);
	}

	take(customerKey, previous, start, waitMs) {
		this.lastStart.set(customerKey, start);
		return { slot: { customerKey, previous, start }, waitMs };
	}

	// Gives a slot back (used when a fault answers 429 in the throttle's name),
	// unless a later request has already queued behind it.
	refund(slot) {
		if (!slot || this.lastStart.get(slot.customerKey) !== slot.start) return;
		if (slot.previous === undefined) this.lastStart.delete(slot.customerKey);
		else this.lastStart.set(slot.customerKey, slot.previous);
	}
}

module.exports = { Throttle, intervalFor };
