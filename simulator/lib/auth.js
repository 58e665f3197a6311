'use strict';

const AUTH_RE = /^ODFHIR ([^/\s]+)\/([^/\s]+)$/;

const INVALID_CREDENTIALS = 'Invalid credentials.';
const NO_PERMISSION = 'This API key does not have permission to use this method.';

function hasPermission(key, permission) {
	return key.permissions.includes(permission);
}

// Returns { key } for a usable key pair that holds `permission` (none: any key), or { error } with
// the 401 message. The scheme is matched case-sensitively with exactly one space: Basic, Bearer and
// separate key headers all fail, as they do against Open Dental.
function authenticate(authorization, permission, keys) {
	const match = AUTH_RE.exec(authorization || '');
	if (!match) return { error: INVALID_CREDENTIALS };
	const [, developerKey, customerKey] = match;
	const key = keys.find((k) => k.developerKey === developerKey && k.customerKey === customerKey);
	if (!key || key.disabled) return { error: INVALID_CREDENTIALS };
	if (permission && !hasPermission(key, permission)) return { error: NO_PERMISSION, key };
	return { key };
}

function isJsonContentType(contentType) {
	return String(contentType || '').split(';')[0].trim().toLowerCase() === 'application/json';
}

module.exports = { authenticate, hasPermission, isJsonContentType, NO_PERMISSION };
