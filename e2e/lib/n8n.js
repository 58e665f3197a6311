'use strict';

// A real n8n of one target, with a fresh user folder holding the packed package.
// Everything binds to 127.0.0.1, and the environment turns off every call n8n
// would otherwise make to the internet.

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, runChecked } = require('./proc');
const { readExecuteOutput, describeExecution } = require('./executeOutput');
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

// Node options for `n8n execute`: works around n8n 2.x's SIGSEGV at exit (see exitGuard.js).
const EXECUTE_NODE_ARGS = ['--require', path.join(__dirname, 'exitGuard.js')];

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
	 * is an error carrying n8n's last output lines. `stdoutFile` and `nodeArgs` go to run().
	 */
	async cli(args, { env = {}, timeoutMs = 180000, checked = false, stdoutFile, nodeArgs = [] } = {}) {
		const brokerPort = await freePort();
		return (checked ? runChecked : run)(this.target.nodeBin, [...nodeArgs, this.target.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			timeoutMs,
			stdoutFile,
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
	 * Runs a workflow with `n8n execute --id --rawOutput`, its stdout going to a file that is read
	 * after n8n exits (see run()). Resolves with the exit code or signal, the run (undefined when
	 * the output holds no complete run) and the log: all other output, n8n's log lines and
	 * stderr. The log is for assertions; to show it, use logLines() (see executeOutput.js).
	 */
	async execute(workflowId, options = {}) {
		const file = path.join(this.userFolder, 'tmp', `execute-${crypto.randomUUID()}.out`);
		try {
			const { code, signal, stderr, durationMs } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
				...options,
				stdoutFile: file,
				nodeArgs: EXECUTE_NODE_ARGS,
			});
			const { run: document, log } = readExecuteOutput(file);
			return { code, signal, durationMs, run: document, log: stderr ? `${log}\n${stderr}` : log };
		} finally {
			// The run holds patient records; nothing of it stays behind.
			fs.rmSync(file, { force: true });
		}
	}

	/**
	 * execute(), failing with one line (the workflow, the exit code or signal) unless n8n printed a
	 * complete run and exited normally: a crash even after a successful run counts, since the
	 * exit guard is meant to prevent it.
	 */
	async executeComplete(workflowId, options = {}) {
		const result = await this.execute(workflowId, options);
		if (!result.run || result.signal !== null) throw new Error(describeExecution(workflowId, result).message);
		return result;
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

module.exports = { N8n, nodeItems, describeExecution };
