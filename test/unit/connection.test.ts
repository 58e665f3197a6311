import { resolveConnection } from '../../nodes/OpenDental/transport';

const keys = { developerKey: 'devKey1', customerKey: 'custKey1', rateLimit: 'none' };

describe('accepted addresses', () => {
	it.each([
		[{ server: 'apiService', host: '[::1]' }, 'http://[::1]:30223/api/v1'],
		[{ server: 'localApi', host: '[FE80::1]' }, 'http://[fe80::1]:30222/api/v1'],
		[{ server: 'apiService', host: ' 192.168.1.20 ' }, 'http://192.168.1.20:30223/api/v1'],
		[{ server: 'apiService', host: 'FRONT_DESK-2.office.local' }, 'http://front_desk-2.office.local:30223/api/v1'],
		[{ server: 'localApi', host: '' }, 'http://localhost:30222/api/v1'],
	])('%p is accepted as %s', (fields, baseUrl) => {
		expect(resolveConnection({ ...keys, ...fields }).baseUrl).toBe(baseUrl);
	});
});

describe('pacing lanes', () => {
	const laneOf = (fields: Record<string, string>) => resolveConnection({ ...keys, ...fields }).laneId;

	it('one lane per server and customer key: the same key on another server does not wait for this one', () => {
		const remote = laneOf({ server: 'remote' });
		expect(laneOf({ server: 'custom', baseUrl: 'https://api.opendental.com/api/v1/' })).toBe(remote);
		expect(laneOf({ server: 'apiService', host: 'office' })).not.toBe(remote);
		expect(laneOf({ server: 'apiService', host: 'office' })).not.toBe(laneOf({ server: 'localApi', host: 'office' }));
		expect(laneOf({ server: 'remote', customerKey: 'custKey2' })).not.toBe(remote);
	});

	it('names the lane without the key', () => {
		expect(laneOf({ server: 'remote' })).toMatch(/^[0-9a-f]{24}$/);
		expect(laneOf({ server: 'remote' })).not.toContain('custKey1');
	});
});

describe('office time zone', () => {
	const zoneOf = (officeTimeZone?: string) =>
		resolveConnection({ ...keys, server: 'remote', ...(officeTimeZone === undefined ? {} : { officeTimeZone }) }).officeTimeZone;

	it("is the credential's IANA name in its canonical spelling, or undefined (the workflow's) when empty", () => {
		expect(zoneOf('America/Chicago')).toBe('America/Chicago');
		expect(zoneOf(' america/chicago ')).toBe('America/Chicago');
		expect(zoneOf('')).toBeUndefined();
		expect(zoneOf(undefined)).toBeUndefined();
	});

	it('refuses a name that is not a time zone, naming the field', () => {
		expect(() => zoneOf('Mars/Olympus_Mons')).toThrow('The credential\'s "Office Time Zone" is not a time zone name: Mars/Olympus_Mons');
	});
});
