'use strict';

const { HttpError } = require('../respond');
const { RESOURCES } = require('../resources');
const misc = require('./misc');

// Paths are matched case-sensitively, exactly as documented (/patients/Simple). Each resource
// registers its own; the office's fixed reference data is served beside them. Every route here
// is read-only, so anything but GET is "not found".
const ROUTES = [
	...RESOURCES.flatMap((resource) => resource.routes),
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
