'use strict';

const { patients } = require('./patients');
const { appointments } = require('./appointments');
const { recalls } = require('./recalls');
const { commlogs } = require('./commlogs');
const { commOptOuts } = require('./commoptouts');
const { histAppointments } = require('./histappointments');
const { procedureLogs } = require('./procedurelogs');

// Every table of the simulated office: one line each. A resource brings its schema, seed and
// routes (see store.js for the shape). Seeding runs in this order, and a table may build on those
// before it: appointments draw patients, recalls see appointments, commlogs log reminders.
// The appointments' history is filled by writes, not by the seed; procedures chart the schedule.
const RESOURCES = [patients, appointments, recalls, commlogs, commOptOuts, histAppointments, procedureLogs];

module.exports = { RESOURCES };
