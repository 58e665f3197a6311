'use strict';

// Every POST the office machines made, newest last. It never holds the Authorization header (the
// customer key), and it is separate from the request log, which holds only the API's requests.
const MAX_ENTRIES = 10000;

class DeliveryLog {
	constructor() {
		/** @type {import('../../index').EventDelivery[]} */
		this.entries = [];
	}

	/** @param {import('../../index').EventDelivery} entry */
	add(entry) {
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	/** @returns {import('../../index').EventDelivery[]} */
	list() {
		return this.entries.map(copyDelivery);
	}
}

/** @param {import('../../index').EventDelivery} entry */
const copyDelivery = (entry) => ({ ...entry, keys: [...entry.keys] });

module.exports = { DeliveryLog, copyDelivery };
