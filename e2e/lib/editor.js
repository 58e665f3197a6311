'use strict';

// The package as n8n's editor shows it, in a real browser: Debian's Chromium, headless,
// driven by playwright-core (which brings no browser of its own). Opens a workflow,
// the node's panel and its credential, saves screenshots and returns what was on screen.

/* global document, getComputedStyle -- the functions given to evaluate() run in the page */

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = '/usr/bin/chromium';
// No sandbox: containers and CI run as root. The rest stops Chromium's own calls home.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };
const TIMEOUT_MS = 30000;

/** n8n's elements, by the data-test-id attributes its own end-to-end tests use. */
const testId = (id) => `[data-test-id="${id}"]`;

/** A Cookie header ("a=1; b=2") as Playwright cookies for the editor's origin. */
function cookiesFor(url, header) {
	return header
		.split(';')
		.map((pair) => pair.trim())
		.filter(Boolean)
		.map((pair) => {
			const at = pair.indexOf('=');
			return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
		});
}

/** Waits for an <img> to finish, then reports its URL, whether it has pixels and how the server answers it. */
async function imageFacts(page, image) {
	const { url, loaded } = await image.evaluate(
		(img) =>
			new Promise((resolve) => {
				const done = () => resolve({ url: img.currentSrc || img.src, loaded: img.naturalWidth > 0 });
				if (img.complete) done();
				else {
					img.addEventListener('load', done, { once: true });
					img.addEventListener('error', done, { once: true });
				}
			}),
	);
	const response = await page.request.get(url);
	return { url, loaded, status: response.status(), contentType: response.headers()['content-type'] };
}

/** The canvas pans and zooms to fit after opening; screenshots wait until it holds still. */
async function waitForStillCanvas(page) {
	const transform = () => page.locator('.vue-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
	let previous = await transform();
	for (let attempt = 0; attempt < 20; attempt++) {
		await page.waitForTimeout(150);
		const current = await transform();
		if (current === previous) return;
		previous = current;
	}
}

/** Vue marks elements that fade or slide with *-enter-active / *-leave-active until they settle. */
function waitForTransitions(page) {
	return page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'));
}

/** Opens a node parameter's dropdown and returns the option titles in the order shown, then closes it. */
async function dropdownOptions(page, parameterName) {
	const input = page.locator(`${testId(`parameter-input-${parameterName}`)} input[role="combobox"]`);
	await input.click();
	// The combobox names its listbox; the list is rendered in a popper outside the panel.
	const listbox = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
	await listbox.waitFor({ state: 'visible' });
	const options = await listbox.locator('[role="option"] .option-headline').allInnerTexts();
	return { options: options.map((text) => text.trim()), close: () => page.keyboard.press('Escape'), listbox };
}

/**
 * A headless browser logged in to the editor at `url`: every request that leaves this n8n is
 * refused and listed, page errors are collected, and shoot() saves a settled screenshot.
 * Runs `work` with the page, then closes the browser.
 */
async function withEditor({ url, cookie, screenshotDir }, work) {
	fs.mkdirSync(screenshotDir, { recursive: true });
	const screenshots = [];
	const externalRequests = [];
	const pageErrors = [];
	const origin = new URL(url).origin;

	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
		context.setDefaultTimeout(TIMEOUT_MS);
		// The editor must work offline: anything not served by this n8n is refused and reported.
		await context.route(
			(requestUrl) => requestUrl.origin !== origin && requestUrl.protocol !== 'data:' && requestUrl.protocol !== 'blob:',
			(route) => {
				externalRequests.push(route.request().url());
				return route.abort('blockedbyclient');
			},
		);
		await context.addCookies(cookiesFor(url, cookie));
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		const shoot = async (name) => {
			const file = path.join(screenshotDir, name);
			await waitForTransitions(page);
			await page.screenshot({ path: file, caret: 'hide' });
			screenshots.push(file);
		};
		const facts = await work({ page, shoot });
		return { ...facts, externalRequests, pageErrors, screenshots };
	} finally {
		await browser.close();
	}
}

/** Opens a workflow on the canvas and waits until `nodeName` is drawn and the canvas holds still. */
async function openWorkflow(page, url, workflowId, nodeName) {
	await page.goto(`${url}/workflow/${workflowId}`);
	const canvasNode = page.locator(`${testId('canvas-node')}[data-node-name="${nodeName}"]`);
	await canvasNode.waitFor({ state: 'visible' });
	await page.evaluate(() => document.fonts.ready);
	await waitForStillCanvas(page);
	return canvasNode;
}

/** Double-clicks a node on the canvas and waits for its parameters panel. */
async function openNode(page, canvasNode) {
	await canvasNode.dblclick();
	await page.locator(`${testId('ndv')} ${testId('node-parameters')}`).waitFor({ state: 'visible' });
}

/**
 * Opens `${url}/workflow/${workflowId}` as the user whose session cookie is given, then the
 * node `nodeName` and its credential. Screenshots go to `screenshotDir`.
 * @param {{ url: string, cookie: string, workflowId: string, nodeName: string, screenshotDir: string }} options
 * @returns {Promise<{
 *   nodeIcon: { url: string, loaded: boolean, status: number, contentType: string },
 *   credentialIcon: { url: string, loaded: boolean, status: number, contentType: string },
 *   resources: string[], operations: string[], selectedCredential: string,
 *   credentialName: string, credentialFields: string[], credentialNotices: string[], credentialTested: boolean,
 *   externalRequests: string[], pageErrors: string[], screenshots: string[] }>}
 */
async function checkEditor({ url, cookie, workflowId, nodeName, screenshotDir }) {
	return await withEditor({ url, cookie, screenshotDir }, async ({ page, shoot }) => {
		// The canvas, with the node's icon as n8n serves it from the installed package.
		const canvasNode = await openWorkflow(page, url, workflowId, nodeName);
		const nodeIcon = await imageFacts(page, canvasNode.locator('img'));
		await shoot('workflow.png');

		// The node's panel, then its Resource and Operation dropdowns.
		await openNode(page, canvasNode);
		const selectedCredential = await page.locator(`${testId('node-credentials-select')} input`).inputValue();
		await shoot('ndv.png');
		const resources = await dropdownOptions(page, 'resource');
		await resources.close();
		await resources.listbox.waitFor({ state: 'hidden' });
		const operations = await dropdownOptions(page, 'operation');
		await shoot('operations.png');
		await operations.close();
		await operations.listbox.waitFor({ state: 'hidden' });

		// The credential form: the pencil next to the selected credential opens it, and n8n
		// runs the credential's test request on opening.
		await page.locator(testId('credential-edit-button')).click();
		const modal = page.locator(testId('editCredential-modal'));
		await modal.locator(testId('credential-connection-parameter')).first().waitFor({ state: 'visible' });
		const credentialTested = await modal
			.locator(testId('credentials-config-container-test-success'))
			.waitFor({ state: 'visible', timeout: 15000 })
			.then(() => true, () => false);
		const credentialIcon = await imageFacts(page, modal.locator('header img'));
		const credentialName = (await modal.locator(testId('credential-name')).innerText()).trim();
		const credentialFields = [];
		const credentialNotices = [];
		for (const field of await modal.locator(testId('credential-connection-parameter')).all()) {
			if (!(await field.isVisible())) continue;
			// The label's first text is the field's name; required fields add a " *" to it.
			// A notice has no label: its text is kept apart.
			const label = field.locator('label.n8n-input-label .n8n-text');
			if ((await label.count()) === 0) {
				credentialNotices.push((await field.innerText()).replace(/\s+/g, ' ').trim());
				continue;
			}
			const title = await label.first().innerText();
			credentialFields.push(title.replace(/\s*\*$/, '').trim());
		}
		await shoot('credential.png');

		return {
			nodeIcon,
			credentialIcon,
			resources: resources.options,
			operations: operations.options,
			selectedCredential,
			credentialName,
			credentialFields,
			credentialNotices,
			credentialTested,
		};
	});
}

/**
 * Opens a workflow and, in node `nodeName`, the dropdown `parameterName` whose choices the node
 * loads from the office: returns the choices shown and the value selected. Screenshots: the
 * workflow (`${prefix}-workflow.png`) and the open dropdown (`${prefix}-dropdown.png`).
 * @param {{ url: string, cookie: string, workflowId: string, nodeName: string, parameterName: string, prefix: string, screenshotDir: string }} options
 * @returns {Promise<{ options: string[], selected: string, externalRequests: string[], pageErrors: string[], screenshots: string[] }>}
 */
async function checkOfficeDropdown({ url, cookie, workflowId, nodeName, parameterName, prefix, screenshotDir }) {
	return await withEditor({ url, cookie, screenshotDir }, async ({ page, shoot }) => {
		const canvasNode = await openWorkflow(page, url, workflowId, nodeName);
		await shoot(`${prefix}-workflow.png`);
		await openNode(page, canvasNode);
		const dropdown = await dropdownOptions(page, parameterName);
		await shoot(`${prefix}-dropdown.png`);
		await dropdown.close();
		await dropdown.listbox.waitFor({ state: 'hidden' });
		// With the office's list loaded, the field shows the saved value by its name.
		const selected = await page.locator(`${testId(`parameter-input-${parameterName}`)} input[role="combobox"]`).inputValue();
		return { options: dropdown.options, selected };
	});
}

module.exports = { checkEditor, checkOfficeDropdown, CHROMIUM };
