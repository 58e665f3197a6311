'use strict';

const { generatePatients } = require('./seed');
const { completePatient } = require('./patient-schema');

// Holds the patients in PatNum order (the array index is PatNum - 1 right
// after seeding; inserts append, so the array stays sorted). The other orders
// are computed lazily and cached until the data changes, so paging through a
// large table does not re-sort it on every request.
class PatientStore {
	constructor() {
		this.reseed(0, 1);
	}

	reseed(count, seed) {
		this.rows = generatePatients(count, seed);
		this.byPatNum = new Map(this.rows.map((row) => [row.PatNum, row]));
		this.invalidateOrders();
	}

	invalidateOrders() {
		this.nameOrder = null;
		this.shuffledOrder = null;
	}

	get count() {
		return this.rows.length;
	}

	get(patNum) {
		return this.byPatNum.get(patNum) || null;
	}

	inPatNumOrder() {
		return this.rows;
	}

	// Patient Select order: LName, FName (case-insensitive), then PatNum.
	inNameOrder() {
		if (!this.nameOrder) {
			const keyed = this.rows.map((row) => ({ row, key: `${row.LName.toLowerCase()}\u0000${row.FName.toLowerCase()}` }));
			keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.PatNum - b.row.PatNum));
			this.nameOrder = keyed.map((entry) => entry.row);
		}
		return this.nameOrder;
	}

	// Stable but deliberately not PatNum order, for clients that must not
	// depend on ordering. Sorted by a multiplicative hash of the PatNum.
	inShuffledOrder() {
		if (!this.shuffledOrder) {
			const hash = (patNum) => Math.imul(patNum, 2654435761) >>> 0;
			this.shuffledOrder = this.rows.slice().sort((a, b) => hash(a.PatNum) - hash(b.PatNum) || a.PatNum - b.PatNum);
		}
		return this.shuffledOrder;
	}

	insert(fields, now, today) {
		const last = this.rows[this.rows.length - 1];
		const PatNum = (last ? last.PatNum : 0) + 1;
		const patient = completePatient({
			LName: 'Inserted',
			FName: 'Patient',
			Guarantor: PatNum,
			SecDateEntry: today,
			...fields,
			PatNum,
			DateTStamp: now,
		});
		this.rows.push(patient);
		this.byPatNum.set(PatNum, patient);
		this.invalidateOrders();
		return patient;
	}

	touch(patNum, now) {
		const patient = this.get(patNum);
		if (patient) patient.DateTStamp = now;
		return patient;
	}
}

module.exports = { PatientStore };
