// Faults that strike after the office carried a write out: the write is there exactly once, and
// only the answer is lost (500), dropped (reset) or late (hang).
import { manualTime, type Simulator, startSimulator } from '../../simulator';
import { arrived, send } from './helpers';

describe('simulator: committed* faults', () => {
	let sim: Simulator;
	const time = manualTime();
	beforeAll(async () => {
		sim = await startSimulator({ throttle: { mode: 'off' }, time });
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.configure({ throttle: { mode: 'off' } });
	});

	const commlogsWith = (note: string) => sim.records('commlog').filter((commlog) => commlog.Note === note);
	const postCommlog = (note: string) => send(sim, '/commlogs', { PatNum: 2, Note: note }, { method: 'POST' });
	const appointment = (aptNum: number) => sim.records('appointment').find((apt) => apt.AptNum === aptNum)!;

	it('committedServerError stores the write, then answers 500 in plain text', async () => {
		sim.configure({ errorBodyStyle: 'aspnet' });
		sim.addFault({ method: 'POST', path: '/commlogs', nth: [2], fault: 'committedServerError' });
		const answers = [await postCommlog('one'), await postCommlog('two'), await postCommlog('three')];
		expect(answers.map((res) => res.status)).toEqual([201, 500, 201]);
		expect([answers[1].headers.get('content-type'), answers[1].text]).toEqual(['text/plain; charset=utf-8', 'Internal server error.']);
		expect(['one', 'two', 'three'].map((note) => commlogsWith(note).length)).toEqual([1, 1, 1]);
		expect(sim.requests().map((entry) => [entry.status, entry.fault, entry.rows])).toEqual([
			[201, null, null],
			[500, 'committedServerError', null],
			[201, null, null],
		]);
		expect(sim.faults()).toEqual([expect.objectContaining({ matched: 3, fired: 1 })]);
	});

	it('committedServerError on Confirm: the status is set; sending it again changes nothing more', async () => {
		const apt = sim.records('appointment').find((a) => a.AptStatus === 'Scheduled' && a.Confirmed !== 21)!;
		sim.addFault({ method: 'PUT', pathPrefix: '/appointments/', times: 1, fault: 'committedServerError', message: 'Boom.' });
		const first = await send(sim, `/appointments/${apt.AptNum}/Confirm`, { defNum: 21 });
		expect([first.status, first.text]).toEqual([500, 'Boom.']);
		const stored = appointment(apt.AptNum);
		expect(stored).toEqual({ ...apt, Confirmed: 21, confirmed: 'Appointment Confirmed', DateTStamp: '2026-01-05 09:00:00' });
		time.advance(60_000);
		const again = await send(sim, `/appointments/${apt.AptNum}/Confirm`, { defNum: 21 });
		expect(again.status).toBe(200);
		expect(appointment(apt.AptNum)).toEqual(stored);
	});

	it('committedReset stores the write, then drops the connection without an answer', async () => {
		sim.addFault({ method: 'POST', path: '/commlogs', nth: [1], fault: 'committedReset' });
		await expect(postCommlog('reset')).rejects.toThrow();
		expect(commlogsWith('reset')).toHaveLength(1);
		const [entry] = sim.requests();
		expect([entry.status, entry.fault, entry.body]).toEqual([null, 'committedReset', { PatNum: 2, Note: 'reset' }]);
	});

	it('committedHang stores the write at once and answers normally delayMs later', async () => {
		const apt = sim.records('appointment').find((a) => a.AptStatus === 'Scheduled' && a.Note === '')!;
		sim.addFault({ method: 'PUT', fault: 'committedHang', delayMs: 750 });
		const late = send(sim, `/appointments/${apt.AptNum}/Note`, { Note: 'Texted' });
		await arrived(sim, 1);
		// The note is in before the answer leaves.
		while (appointment(apt.AptNum).Note === '') await new Promise((resolve) => setImmediate(resolve));
		expect(appointment(apt.AptNum).Note).toBe('Texted');
		expect(sim.requests()[0].status).toBeNull();
		time.advance(749);
		await new Promise((resolve) => setImmediate(resolve));
		expect(sim.requests()[0].status).toBeNull();
		time.advance(1);
		const res = await late;
		expect([res.status, res.text]).toEqual([200, '']);
		expect(sim.requests().map((entry) => [entry.status, entry.fault, entry.durationMs])).toEqual([[200, 'committedHang', 750]]);
	});

	it('committedHang past processingLimitMs answers 504 at the limit, the write stored', async () => {
		sim.configure({ processingLimitMs: 1000 });
		sim.addFault({ method: 'POST', path: '/commlogs', fault: 'committedHang', delayMs: 5000 });
		const late = postCommlog('slow');
		await arrived(sim, 1);
		while (commlogsWith('slow').length === 0) await new Promise((resolve) => setImmediate(resolve));
		time.advance(1000);
		const res = await late;
		expect([res.status, res.json]).toEqual([504, 'The method did not finish within the 60 second limit.']);
		expect(commlogsWith('slow')).toHaveLength(1);
		expect(sim.requests()[0].durationMs).toBe(1000);
	});

	it('a write that fails stores nothing and is answered as usual', async () => {
		sim.addFault({ method: 'POST', path: '/commlogs', fault: 'committedServerError' });
		const count = sim.records('commlog').length;
		const res = await send(sim, '/commlogs', { PatNum: 2 }, { method: 'POST' });
		expect([res.status, res.json]).toEqual([400, 'Note is required.']);
		expect(sim.records('commlog')).toHaveLength(count);
		expect(sim.requests()[0]).toMatchObject({ status: 400, fault: 'committedServerError' });
	});
});
