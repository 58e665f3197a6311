'use strict';

const { patients } = require('./patients');

// Every table of the simulated office: one line each. A resource brings its schema, seed and
// routes (see store.js for the shape).
const RESOURCES = [patients];

module.exports = { RESOURCES };
