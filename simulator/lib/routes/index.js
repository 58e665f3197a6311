'use strict';

const { HttpError } = require('../respond');
const patients = require('./patients');
const misc = require('./misc');

// Paths are matched case-sensitively, exactly as documented (/patients/Simple).
// Every resource here is read-only, so anything but GET is "not found".
const ROUTES = [
	{ path: '/patients', handler: patients.searchPatients },
	{ path: '/patients/Simple', handler: patients.getSimple },
	{ pattern: /^\/patients\/([^/]+)$/, idName: 'PatNum', handler: patients.getPatient },
	{ path: '/preferences', handler: misc.getPreferences },
	{ path: '/clinics', handler: misc.getClinics },
	{ path: '/providers', handler: misc.getProviders },
	{ pattern: /^\/providers\/([^/]+)$/, idName: 'ProvNum', handler: misc.getProvider },
];

const NOT_FOUND = 'Resource not found.';

// Returns { handler, params } or throws the 404/400 HttpError.
function resolveRoute(method, path) {
	for (const route of ROUTES) {
		const match = route.path ? path === route.path && [path] : route.pattern.exec(path);
		if (!match) continue;
		if (method !== 'GET') throw new HttpError(404, NOT_FOUND);
		if (!route.idName) return { handler: route.handler, params: {} };
		if (!/^-?\d+$/.test(match[1])) throw new HttpError(400, `${route.idName} is invalid.`);
		return { handler: route.handler, params: { id: Number(match[1]) } };
	}
	throw new HttpError(404, NOT_FOUND);
}

module.exports = { resolveRoute, NOT_FOUND };
