'use strict';

// A real n8n of one target, with a fresh user folder holding the packed package.
// Everything binds to 127.0.0.1, and the environment turns off every call n8n
// would otherwise make to the internet.

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, runChecked } = require('./proc');
const { freePort } = require('./ports');
const { installIntoUserFolder } = require('./packageInstall');
const { isInstalled } = require('./install');

const QUIET_ENV = {
	DB_TYPE: 'sqlite',
	N8N_LOG_LEVEL: 'info',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
};

// Settings from the caller's shell must not leak into the tested n8n (an exported
// N8N_CUSTOM_EXTENSIONS or DB_TYPE would change what is tested; jest sets NODE_ENV=test).
const INHERITED_BLOCKLIST = /^(N8N_|DB_|GENERIC_TIMEZONE$|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$|EXECUTIONS_|QUEUE_)/;

/**
 * The run document `n8n execute --rawOutput` prints: pretty-printed JSON from a line `{`
 * to a line `}`, after log lines and, on failure, before the error's text.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	const end = lines.indexOf('}', start);
	if (start < 0 || end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

class N8n {
	constructor(target, userFolder, { timezone }) {
		this.target = target;
		this.userFolder = userFolder;
		this.timezone = timezone;
		this.encryptionKey = crypto.randomBytes(24).toString('hex');
	}

	/** A fresh user folder with the package installed, for one target. */
	static async create(target, { timezone = 'America/Chicago' } = {}) {
		if (!isInstalled(target)) throw new Error(`n8n ${target.n8nVersion} is not installed: run \`node e2e/install.js ${target.name}\``);
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), `od-${target.name}-`));
		fs.mkdirSync(path.join(folder, 'tmp'), { recursive: true });
		await installIntoUserFolder(folder);
		return new N8n(target, folder, { timezone });
	}

	env(extra = {}) {
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_BLOCKLIST.test(name)));
		return {
			...inherited,
			PATH: [...this.target.binDirs, process.env.PATH].join(path.delimiter),
			// n8n 2.x writes upload scratch space under TMPDIR; keep it inside the user folder.
			TMPDIR: path.join(this.userFolder, 'tmp'),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			GENERIC_TIMEZONE: this.timezone,
			...QUIET_ENV,
			...this.target.env,
			...extra,
		};
	}

	/**
	 * Runs one n8n CLI command with its own task-broker port. With `checked`, a non-zero exit
	 * is an error carrying n8n's last output lines.
	 */
	async cli(args, { env = {}, timeoutMs = 180000, checked = false } = {}) {
		const brokerPort = await freePort();
		return (checked ? runChecked : run)(this.target.nodeBin, [this.target.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			timeoutMs,
		});
	}

	/** Imports documents (credentials or workflows) through n8n's own import command. */
	async importDocuments(kind, documents) {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'tmp', `import-${kind}-`));
		documents.forEach((document, index) => {
			fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.json`), JSON.stringify(document, null, 2));
		});
		try {
			await this.cli([`import:${kind}`, '--separate', `--input=${dir}`], { checked: true });
		} finally {
			// Credential files hold plain keys; n8n has stored them encrypted by now.
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}

	importCredentials(credentials) {
		return this.importDocuments('credentials', credentials);
	}

	importWorkflows(workflows) {
		return this.importDocuments('workflow', workflows);
	}

	/**
	 * Runs a workflow with `n8n execute --id --rawOutput`. Resolves with the exit code, the
	 * parsed run (undefined when n8n printed none) and the raw output for assertions on it.
	 */
	async execute(workflowId, options) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return { ...result, run: parseExecuteOutput(result.stdout), output: `${result.stdout}\n${result.stderr}` };
	}

	remove() {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * Items a node put on its first output in its first run.
 * @returns {Array<{ json: Record<string, any>, pairedItem?: any }>}
 */
function nodeItems(runData, nodeName) {
	const runs = runData?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return runs[0]?.data?.main?.[0] ?? [];
}

module.exports = { N8n, nodeItems, parseExecuteOutput };
