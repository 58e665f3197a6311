'use strict';

// What `npm ci` has done so far, measured instead of guessed. Two signs of real work:
// - packages in place: the lockfile's packages for this machine whose package.json is already
//   extracted into node_modules (npm unpacks each package straight into its final folder);
// - registry fetches that npm logs at --loglevel=http. On a cold cache npm first fetches package
//   metadata (these lockfiles carry no tarball URLs, so npm looks each package up), which can take
//   minutes on a loaded machine before the first package lands; then the tarballs. Cache hits
//   are not counted.

const fs = require('node:fs');
const path = require('node:path');

/** 'glibc' or 'musl' on Linux, as npm names them; null elsewhere. Asked only when installing. */
function libc() {
	if (process.platform !== 'linux') return null;
	return process.report.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl';
}

/** npm's rule for a lockfile's os / cpu / libc field: listed values allow, "!value" excludes. */
function allows(field, value) {
	if (!field) return true;
	const values = [].concat(field);
	if (values.includes(`!${value}`)) return false;
	const allowed = values.filter((entry) => !entry.startsWith('!'));
	return allowed.length === 0 || allowed.includes(value);
}

/** The lockfile's package folders (`node_modules/...`) that `npm ci` creates on this machine. */
function installPaths(lockfilePath) {
	const lock = JSON.parse(fs.readFileSync(lockfilePath, 'utf8'));
	const machineLibc = libc();
	return Object.entries(lock.packages ?? {})
		.filter(([key, entry]) => key.startsWith('node_modules/') && !entry.link && !entry.extraneous)
		.filter(([, entry]) => allows(entry.os, process.platform) && allows(entry.cpu, process.arch) && (!machineLibc || allows(entry.libc, machineLibc)))
		.map(([key]) => key);
}

/** Progress of `npm ci --loglevel=http` in `dir`, against `dir`/package-lock.json. */
function npmCiProgress(dir) {
	const paths = installPaths(path.join(dir, 'package-lock.json'));
	let metadata = 0;
	let tarballs = 0;
	const inPlace = () => paths.filter((key) => fs.existsSync(path.join(dir, key, 'package.json'))).length;
	return {
		total: paths.length,
		inPlace,
		onLine(line) {
			const fetched = /http fetch GET \d+ (\S+)/.exec(line);
			if (!fetched || line.includes('(cache hit)')) return;
			if (fetched[1].endsWith('.tgz')) tarballs += 1;
			else metadata += 1;
		},
		describe() {
			const registry = metadata + tarballs > 0 ? `; fetched ${metadata} package metadata, ${tarballs} tarballs` : '';
			return `${inPlace()} of ${paths.length} packages in place${registry}`;
		},
	};
}

module.exports = { npmCiProgress, installPaths };
