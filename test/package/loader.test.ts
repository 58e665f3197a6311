// Loads the built package the way n8n does when it starts (n8n-core's PackageDirectoryLoader):
// catches wrong dist paths, class names that do not match file names, and missing icons.
import { existsSync } from 'fs';
import { join } from 'path';
import { PackageDirectoryLoader } from 'n8n-core';

const root = join(__dirname, '..', '..');

describe("n8n's package loader", () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		if (!existsSync(join(root, 'dist'))) throw new Error('Run `npm run build` first (npm test does).');
		loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
	});

	it('finds the nodes and the credential (n8n prefixes the package name when it registers them)', () => {
		expect(loader.packageName).toBe('n8n-nodes-open-dental');
		expect(Object.keys(loader.nodeTypes)).toEqual(['openDental', 'openDentalTrigger', 'openDentalEventTrigger']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['openDentalApi']);
		expect(loader.types.nodes.map((node) => node.name)).toEqual(['openDental', 'openDentalTrigger', 'openDentalEventTrigger']);
		// A polling trigger: n8n adds the Poll Times parameter to it.
		expect(loader.types.nodes[1].polling).toBe(true);
		expect(loader.types.nodes[1].properties.map((property) => property.name)).toEqual(['pollTimes', 'notice', 'events', 'watchFields', 'filters', 'simplify', 'options']);
		// A webhook trigger: its webhook, answered once n8n has the rows, and its parameters.
		expect(loader.types.nodes[2].webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'events' }]);
		expect(loader.types.nodes[2].properties.map((property) => property.name)).toEqual(['reachNotice', 'watchTable', 'workstation', 'pollingSeconds', 'simplify']);
		expect(loader.types.credentials.map((credential) => credential.name)).toEqual(['openDentalApi']);
	});

	it('links the credential to the nodes that use it', () => {
		expect(loader.known.credentials.openDentalApi.supportedNodes).toEqual(['openDental', 'openDentalTrigger', 'openDentalEventTrigger']);
	});

	it('resolves the icons of the nodes and the credential to files in dist', () => {
		const [node, trigger, eventTrigger] = loader.types.nodes;
		const [credential] = loader.types.credentials;
		const iconFiles = [node.iconUrl, trigger.iconUrl, eventTrigger.iconUrl, credential.iconUrl].flatMap((icon) => (typeof icon === 'string' ? [icon] : [icon?.light, icon?.dark]));
		expect(iconFiles).toEqual([
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDental/openDental.svg',
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDental/openDental.dark.svg',
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDentalTrigger/openDental.svg',
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDentalTrigger/openDental.dark.svg',
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDentalEventTrigger/openDental.svg',
			'icons/n8n-nodes-open-dental/dist/nodes/OpenDentalEventTrigger/openDental.dark.svg',
			'icons/n8n-nodes-open-dental/dist/credentials/openDental.svg',
			'icons/n8n-nodes-open-dental/dist/credentials/openDental.dark.svg',
		]);
		for (const icon of iconFiles) {
			const file = join(root, String(icon).replace(/^icons\/n8n-nodes-open-dental\//, ''));
			expect(existsSync(file)).toBe(true);
		}
	});
});
