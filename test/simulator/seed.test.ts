import { createHash } from 'node:crypto';
import { startSimulator, Simulator, Patient } from '../../simulator';
import { call } from './helpers';

// SHA-256 of JSON.stringify(all 250 patients of seed 1). Any change to the
// generator changes it; update it only on purpose.
const PINNED_SEED_1_SHA256 = 'ce6464aea994ffd5c1633ae70d7590598e048f7aaef2d311d731c83a511cdad7';

async function allPatients(sim: Simulator): Promise<Patient[]> {
	const rows = (await call(sim, '/patients/Simple?Limit=1000')).json as Array<Patient & { serverDateTime?: string }>;
	return rows.map(({ serverDateTime, ...patient }) => {
		expect(typeof serverDateTime).toBe('string');
		return patient;
	});
}

describe('simulator: deterministic synthetic seed data', () => {
	let sim: Simulator;
	let patients: Patient[];
	beforeAll(async () => {
		sim = await startSimulator({ mode: 'local' });
		patients = await allPatients(sim);
	});
	afterAll(() => sim.close());

	it('is byte-identical for the same seed and count, whatever the clock says', async () => {
		const other = await startSimulator({ mode: 'local', patients: 250, seed: 1 });
		try {
			other.clock.set('2031-06-15 12:00:00');
			other.seed({ patients: 250, seed: 1 });
			expect(JSON.stringify(await allPatients(other))).toBe(JSON.stringify(patients));
			other.seed({ patients: 250, seed: 2 });
			expect(JSON.stringify(await allPatients(other))).not.toBe(JSON.stringify(patients));
		} finally {
			await other.close();
		}
	});

	it('matches the pinned fingerprint of seed 1 (update deliberately if the generator changes)', () => {
		const digest = createHash('sha256').update(JSON.stringify(patients)).digest('hex');
		expect(patients[0]).toMatchObject({ PatNum: 1, LName: 'Abernathy', FName: 'Cyrus', DateTStamp: '2023-09-29 06:52:06' });
		expect(digest).toBe(PINNED_SEED_1_SHA256);
	});

	it('spreads PatStatus over every value, mostly Patient', () => {
		const counts = new Map<string, number>();
		for (const p of patients) counts.set(p.PatStatus, (counts.get(p.PatStatus) ?? 0) + 1);
		for (const status of ['NonPatient', 'Inactive', 'Archived', 'Deceased', 'Prospective', 'Deleted']) {
			expect([status, (counts.get(status) ?? 0) >= 3]).toEqual([status, true]);
		}
		expect(counts.get('Patient') as number).toBeGreaterThan(patients.length / 2);
	});

	it('uses only obviously fake contact data', () => {
		for (const p of patients) {
			for (const phone of [p.HmPhone, p.WkPhone, p.WirelessPhone]) expect(phone).toMatch(/^(\(\d{3}\)555-01\d{2})?$/);
			expect(p.Email).toMatch(/^([a-z.]+\d+@example\.com)?$/);
			expect(p.SSN).toMatch(/^(9\d{8})?$/);
		}
	});

	it('builds consistent families, providers, clinics and timestamps', () => {
		const byNum = new Map(patients.map((p) => [p.PatNum, p]));
		const providerAbbr: Record<number, string> = { 0: '', 1: 'DOC1', 2: 'DOC2', 3: 'HYG1', 4: 'HYG2' };
		const clinicAbbr: Record<number, string> = { 0: '', 1: 'DWTN', 2: 'LAKE' };
		for (const p of patients) {
			const guarantor = byNum.get(p.Guarantor) as Patient;
			expect(guarantor.Guarantor).toBe(guarantor.PatNum);
			expect(guarantor.LName).toBe(p.LName);
			const family = patients.filter((m) => m.Guarantor === p.Guarantor);
			const familyTotal = Math.round(family.reduce((sum, m) => sum + m.EstBalance, 0) * 100) / 100;
			expect(p.BalTotal).toBe(p.Guarantor === p.PatNum ? familyTotal : 0);
			expect(p.priProvAbbr).toBe(providerAbbr[p.PriProv]);
			expect(p.secProvAbbr).toBe(providerAbbr[p.SecProv]);
			expect(p.clinicAbbr).toBe(clinicAbbr[p.ClinicNum]);
			expect(p.DateTStamp >= '2023-01-01 00:00:00' && p.DateTStamp <= '2025-12-31 23:59:59').toBe(true);
		}
		expect(patients.some((p) => p.Guarantor !== p.PatNum)).toBe(true);
		expect(new Set(patients.map((p) => p.TxtMsgOk))).toEqual(new Set(['Unknown', 'Yes', 'No']));
		expect(new Set(patients.map((p) => p.ClinicNum))).toEqual(new Set([0, 1, 2]));
		expect(new Set(patients.map((p) => p.PriProv))).toEqual(new Set([1, 2, 3, 4]));
	});
});
