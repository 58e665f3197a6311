'use strict';

// Builtins are captured once: inside Jest's vm sandbox every global lookup
// (Math, String...) is several times slower, and these run millions of times.
const { imul, floor } = Math;

// mulberry32: tiny, fast and good enough for synthetic data. Being seeded
// means the same seed always yields the same data, on any machine and date.
function mulberry32(seed) {
	let state = seed >>> 0;
	return function next() {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomInt(rng, min, max) {
	return min + floor(rng() * (max - min + 1));
}

function pick(rng, list) {
	return list[floor(rng() * list.length)];
}

// weighted: [[value, weight], ...]; weights need not sum to 1.
function pickWeighted(rng, weighted) {
	let total = 0;
	for (const [, weight] of weighted) total += weight;
	let roll = rng() * total;
	for (const [value, weight] of weighted) {
		roll -= weight;
		if (roll < 0) return value;
	}
	return weighted[weighted.length - 1][0];
}

module.exports = { mulberry32, randomInt, pick, pickWeighted };
