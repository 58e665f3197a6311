'use strict';

const { HttpError } = require('../respond');
const { RESOURCES } = require('../resources');
const misc = require('./misc');
const setup = require('./setup');
const { shortQuery } = require('./queries');
const events = require('../events');

/** @typedef {import('../store').Route} Route */

// Paths are matched case-sensitively, exactly as documented (/patients/Simple). Each resource
// registers its own; the office's fixed reference data is served beside them. A route answers one
// method (GET unless it says otherwise) and needs one ApiPermission (ReadAll for GET; writes name
// theirs, and anything unnamed falls under AllOthers, as apipermissions.html defines it).
/** @type {Route[]} */
const ROUTES = [
	...RESOURCES.flatMap((resource) => resource.routes),
	{ path: '/preferences', handler: misc.getPreferences },
	{ path: '/clinics', handler: misc.getClinics },
	{ path: '/providers', handler: misc.getProviders },
	{ pattern: /^\/providers\/([^/]+)$/, idName: 'ProvNum', handler: misc.getProvider },
	...setup.routes,
	{ method: 'PUT', path: '/queries/ShortQuery', permission: 'Queries', handler: shortQuery },
	...events.routes,
];

const NOT_FOUND = 'Resource not found.';

const methodOf = (route) => route.method || 'GET';

/** The permission a route needs. @param {Route} route */
const permissionOf = (route) => route.permission || (methodOf(route) === 'GET' ? 'ReadAll' : 'AllOthers');

/** The route answering method + path and its path match, or null (nothing, or only other methods). */
function findRoute(method, path) {
	for (const route of ROUTES) {
		if (methodOf(route) !== method) continue;
		const match = route.path ? path === route.path && [path] : route.pattern.exec(path);
		if (match) return { route, match };
	}
	return null;
}

// Returns { handler, params } or throws the 404/400 HttpError. An unknown method on a known path
// is "not found" too, as the real server answers.
function resolveRoute(method, path) {
	const found = findRoute(method, path);
	if (!found) throw new HttpError(404, NOT_FOUND);
	const { route, match } = found;
	if (!route.idName) return { handler: route.handler, params: {} };
	if (!/^-?\d+$/.test(match[1])) throw new HttpError(400, `${route.idName} is invalid.`);
	return { handler: route.handler, params: { id: Number(match[1]) } };
}

/**
 * The permission a request needs before anything else is looked at: the route's, or ReadAll for a
 * GET of an unknown path (a key without it was always refused first), or none (the answer is 404).
 */
function requiredPermission(method, path) {
	const found = findRoute(method, path);
	if (found) return permissionOf(found.route);
	return method === 'GET' ? 'ReadAll' : null;
}

module.exports = { resolveRoute, requiredPermission, NOT_FOUND };
