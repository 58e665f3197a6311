'use strict';

const { HttpError } = require('./respond');

// Fields of a write's JSON body, checked as Open Dental checks them: a missing required field or a
// value of the wrong kind is a 400 with an explanation naming the field.

/** The body as an object; an empty body reads as {}. @param {unknown} body @returns {Record<string, any>} */
function bodyObject(body) {
	if (body === null) return {};
	if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The request body must be a JSON object.');
	return /** @type {Record<string, any>} */ (body);
}

const has = (body, name) => body[name] !== undefined && body[name] !== null;

/** A non-blank string, or 400 "<name> is required." */
function requiredText(body, name) {
	const value = body[name];
	if (!has(body, name) || (typeof value === 'string' && value.trim() === '')) throw new HttpError(400, `${name} is required.`);
	if (typeof value !== 'string') throw new HttpError(400, `${name} is invalid.`);
	return value;
}

/** A string, or the fallback when absent. */
function optionalText(body, name, fallback) {
	if (!has(body, name)) return fallback;
	if (typeof body[name] !== 'string') throw new HttpError(400, `${name} is invalid.`);
	return body[name];
}

/** A JSON integer (the docs' examples send keys as numbers), or the fallback when absent. */
function optionalInteger(body, name, fallback) {
	if (!has(body, name)) return fallback;
	if (!Number.isInteger(body[name])) throw new HttpError(400, `${name} is invalid.`);
	return body[name];
}

function requiredInteger(body, name) {
	if (!has(body, name)) throw new HttpError(400, `${name} is required.`);
	return optionalInteger(body, name, null);
}

/** One of the allowed strings (case-sensitive, as documented), or the fallback when absent. */
function optionalEnum(body, name, allowed, fallback) {
	if (!has(body, name)) return fallback;
	if (!allowed.includes(body[name])) throw new HttpError(400, `${name} must be one of: ${allowed.join(', ')}.`);
	return body[name];
}

module.exports = { bodyObject, has, requiredText, optionalText, optionalInteger, requiredInteger, optionalEnum };
