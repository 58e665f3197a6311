// The Events Trigger's pure parts: who may deliver, what a delivery must be, which rows are new,
// and which webhook URLs Open Dental may be given.
import { carriesKey, isForTable, MAX_ROWS_PER_DELIVERY, readBatch, toItems } from '../../../nodes/OpenDentalEventTrigger/delivery';
import { endpointProblem } from '../../../nodes/OpenDentalEventTrigger/endpoint';
import { freshState, MEMORY_LIMITS, newRows } from '../../../nodes/OpenDentalEventTrigger/memory';
import { watchTableNamed } from '../../../nodes/OpenDentalEventTrigger/tables';
import { heartbeatNote } from '../../../nodes/OpenDentalEventTrigger/workstations';

const APPOINTMENT = watchTableNamed('Appointment')!;
const PAT_FIELD = watchTableNamed('PatField')!;
const apt = (AptNum: number, DateTStamp: string, Note = '') => ({ AptNum, PatNum: 7, DateTStamp, Note });

describe('carriesKey', () => {
	it('takes the bare customer key, trimmed, and nothing else', () => {
		expect(carriesKey('VzkmZEaUWOjnQX2z', 'VzkmZEaUWOjnQX2z')).toBe(true);
		expect(carriesKey(' VzkmZEaUWOjnQX2z ', 'VzkmZEaUWOjnQX2z')).toBe(true);
		expect(carriesKey('VzkmZEaUWOjnQX2', 'VzkmZEaUWOjnQX2z')).toBe(false);
		expect(carriesKey('ODFHIR NFF6i0KrXrxDkZHt/VzkmZEaUWOjnQX2z', 'VzkmZEaUWOjnQX2z')).toBe(false);
		expect(carriesKey(undefined, 'VzkmZEaUWOjnQX2z')).toBe(false);
		expect(carriesKey(['VzkmZEaUWOjnQX2z'], 'VzkmZEaUWOjnQX2z')).toBe(false);
		expect(carriesKey('', '')).toBe(false);
	});
});

describe('isForTable and readBatch', () => {
	it('accepts no Event-Type (before 22.4.35) or this table, in any spacing and case', () => {
		expect(isForTable(undefined, APPOINTMENT)).toBe(true);
		expect(isForTable('WatchTable: Appointment', APPOINTMENT)).toBe(true);
		expect(isForTable('watchtable:appointment', APPOINTMENT)).toBe(true);
		expect(isForTable('WatchTable: Patient', APPOINTMENT)).toBe(false);
		expect(isForTable('UiEventType: PatientSelected', APPOINTMENT)).toBe(false);
	});

	it('takes a JSON array of records, up to the bound', () => {
		expect(readBatch([apt(1, '2026-12-01 09:00:00')])).toEqual({ rows: [apt(1, '2026-12-01 09:00:00')] });
		expect(readBatch({ AptNum: 1 })).toEqual({ problem: 'The body is not a JSON array of rows' });
		expect(readBatch([1, 2])).toEqual({ problem: 'A row is not a record' });
		expect(readBatch(Array.from({ length: MAX_ROWS_PER_DELIVERY + 1 }, () => ({})))).toEqual({ problem: 'More than 10000 rows in one delivery' });
	});
});

describe('newRows', () => {
	it('emits each (key, change time) once: a same-second re-send and a second workstation add nothing, a later change comes', () => {
		const first = newRows([apt(1, '2026-12-01 09:00:00'), apt(2, '2026-12-01 09:00:00')], APPOINTMENT, freshState('Appointment', 5));
		expect(first.fresh.map((row) => row.AptNum)).toEqual([1, 2]);
		const again = newRows([apt(2, '2026-12-01 09:00:00'), apt(1, '2026-12-01T09:00:00'), apt(1, '2026-12-01 09:00:07', 'later')], APPOINTMENT, first.next);
		expect(again.fresh).toEqual([apt(1, '2026-12-01 09:00:07', 'later')]);
		expect(again.next).toMatchObject({ seq: 2, newest: '2026-12-01 09:00:07', seen: { '2026-12-01 09:00:00': '1.1', '2026-12-01 09:00:07': '1' } });
	});

	it('keeps one copy of a row that comes twice in one delivery', () => {
		expect(newRows([apt(3, '2026-12-01 09:00:00'), apt(3, '2026-12-01 09:00:00')], APPOINTMENT, freshState('Appointment', 5)).fresh).toEqual([apt(3, '2026-12-01 09:00:00')]);
	});

	it('falls back to the table\'s other stamp, then to the row\'s content', () => {
		const edited = { PatFieldNum: 4, PatNum: 1, FieldName: 'Tag', FieldValue: 'VIP', SecDateTEdit: '2026-12-01 10:00:00' };
		const noStamp = { PatFieldNum: 9, FieldValue: 'x' };
		const first = newRows([edited, noStamp], PAT_FIELD, freshState('PatField', 1));
		expect(first.fresh).toEqual([edited, noStamp]);
		const again = newRows([edited, noStamp, { ...noStamp, FieldValue: 'y' }], PAT_FIELD, first.next);
		expect(again.fresh).toEqual([{ ...noStamp, FieldValue: 'y' }]);
		expect(again.next.fingerprints).toHaveLength(2);
	});

	it('forgets change times more than four days older than the newest, and keeps at most 20,000 keys', () => {
		const old = newRows([apt(1, '2026-11-20 09:00:00')], APPOINTMENT, freshState('Appointment', 5)).next;
		const later = newRows([apt(2, '2026-11-25 09:00:00')], APPOINTMENT, old).next;
		expect(Object.keys(later.seen)).toEqual(['2026-11-25 09:00:00']);
		const bulk = Array.from({ length: MEMORY_LIMITS.maxKeys + 50 }, (_, index) => apt(index + 1, `2026-11-25 10:${String(Math.floor(index / 1000)).padStart(2, '0')}:00`));
		const { next } = newRows(bulk, APPOINTMENT, later);
		const remembered = Object.values(next.seen).reduce((sum, keys) => sum + keys.split('.').length, 0);
		expect(remembered).toBeLessThanOrEqual(MEMORY_LIMITS.maxKeys);
		expect(Object.keys(next.seen)[0] > '2026-11-25 10:00:00').toBe(true);
	});
});

describe('toItems', () => {
	it('simplifies appointments and patients (never the SSN) and names the table and the machine', () => {
		const patient = watchTableNamed('Patient')!;
		const [item] = toItems([{ PatNum: 1, LName: 'Ames', FName: 'Jo', SSN: '900112222', DateTStamp: '2026-12-01 09:00:00' }], patient, true, 'America/Chicago', 'SERVER');
		expect(item.json.SSN).toBeUndefined();
		expect(item.json).toMatchObject({ PatNum: 1, LName: 'Ames', FName: 'Jo', _event: 'Patient', _workstation: 'SERVER' });
		const [full] = toItems([{ PatFieldNum: 2, FieldValue: 'x' }], PAT_FIELD, true, 'America/Chicago', 'OP1');
		expect(full.json).toEqual({ PatFieldNum: 2, FieldValue: 'x', _event: 'PatField', _workstation: 'OP1' });
	});
});

describe('endpointProblem', () => {
	it.each([
		['https://n8n.example.com/webhook/x/events', undefined],
		['http://127.0.0.1:5678/webhook/x/events', undefined],
		['http://192.168.1.14:5678/webhook/x/events', undefined],
		['http://10.0.0.5/webhook', undefined],
		['http://172.20.1.1/webhook', undefined],
		['http://office-server:5678/webhook', undefined],
		['http://n8n.local/webhook', undefined],
		['http://[::1]:5678/webhook', undefined],
		['http://n8n.example.com/webhook/x/events', "is plain http to n8n.example.com, outside the office's network: patient records and the customer key would cross the internet unencrypted"],
		['http://8.8.8.8/webhook', "is plain http to 8.8.8.8, outside the office's network: patient records and the customer key would cross the internet unencrypted"],
		['http://172.32.0.1/webhook', "is plain http to 172.32.0.1, outside the office's network: patient records and the customer key would cross the internet unencrypted"],
		['ftp://files.example.com/x', 'uses ftp:, not https'],
		['', 'is not a URL'],
	])('%s', (url, problem) => {
		expect(endpointProblem(url)).toBe(problem);
	});
});

describe('heartbeatNote', () => {
	const now = Date.parse('2026-12-01T15:00:00Z'); // 09:00 in Chicago
	it('tells a running machine from one not seen for a while', () => {
		expect(heartbeatNote('2026-12-01 08:58:00', 'America/Chicago', now)).toEqual({ stale: false, note: 'running (last seen 2 min ago)' });
		expect(heartbeatNote('2026-11-28 17:00:00', 'America/Chicago', now)).toEqual({ stale: true, note: 'last seen 3 days ago: not running Open Dental or its API Service?' });
		expect(heartbeatNote('0001-01-01 00:00:00', 'America/Chicago', now)).toEqual({ stale: true, note: 'never seen running' });
	});
});
