'use strict';

const params = require('../query-params');
const { HttpError } = require('../respond');
const { parsePaging, pageOf } = require('../paging');
const { CLINICS, PROVIDERS, PROVIDER_CLINICS, PREFERENCES } = require('../reference-data');

// GET /preferences (optional exact PrefName).
function getPreferences({ query, sim, key }) {
	const name = params.text(query, 'PrefName');
	const keep = name === null ? null : (pref) => pref.PrefName === name;
	return pageOf(PREFERENCES, keep, parsePaging(query, sim.config, key));
}

// GET /clinics: all non-hidden clinics.
function getClinics({ query, sim, key }) {
	return pageOf(CLINICS, null, parsePaging(query, sim.config, key));
}

// GET /providers: serverDateTime first; it is "" when ClinicNum is given,
// as documented.
function getProviders({ query, sim, key }) {
	const clinicNum = params.integer(query, 'ClinicNum');
	const changedSince = params.dateTime(query, 'DateTStamp');
	if (clinicNum !== null && clinicNum !== 0 && !CLINICS.some((c) => c.ClinicNum === clinicNum)) {
		throw new HttpError(404, 'Clinic not found');
	}
	const keep = (provider) => {
		const clinics = PROVIDER_CLINICS[provider.ProvNum];
		if (clinicNum !== null && clinics.length > 0 && !clinics.includes(clinicNum)) return false;
		return changedSince === null || provider.DateTStamp >= changedSince;
	};
	const serverDateTime = clinicNum === null ? sim.clock.now() : '';
	return pageOf(PROVIDERS, keep, parsePaging(query, sim.config, key)).map((p) => ({ serverDateTime, ...p }));
}

// GET /providers/{ProvNum}
function getProvider({ params: pathParams }) {
	const provider = PROVIDERS.find((p) => p.ProvNum === pathParams.id);
	if (!provider) throw new HttpError(404, 'Provider not found');
	return provider;
}

module.exports = { getPreferences, getClinics, getProviders, getProvider };
