import { shapeAppointment } from '../../../nodes/OpenDental/actions/appointment/record';

const APPOINTMENT = {
	serverDateTime: '2026-11-30 08:00:00',
	AptNum: 7,
	PatNum: 42,
	AptStatus: 'Scheduled',
	Pattern: '//XXXX//',
	Confirmed: 19,
	confirmed: 'Unconfirmed',
	TimeLocked: 'false',
	Op: 2,
	Note: 'Prefers mornings',
	ProvNum: 1,
	ProvHyg: 3,
	provAbbr: 'DOC1',
	AptDateTime: '2026-12-01 09:30:00',
	IsNewPatient: 'false',
	ProcDescript: 'PerEx, Pro',
	ClinicNum: 1,
	DateTStamp: '2026-11-20 10:11:12',
	InsPlan1: 5,
	AppointmentTypeNum: 2,
	SecDateTEntry: '2026-11-01 09:00:00',
};

describe('shapeAppointment', () => {
	it('keeps what a reminder needs, in order, with start and length', () => {
		expect(shapeAppointment(APPOINTMENT, true, 'America/Chicago')).toEqual({
			AptNum: 7,
			PatNum: 42,
			AptDateTime: '2026-12-01 09:30:00',
			start: '2026-12-01T09:30:00-06:00',
			lengthMinutes: 40,
			AptStatus: 'Scheduled',
			confirmed: 'Unconfirmed',
			Confirmed: 19,
			ProvNum: 1,
			provAbbr: 'DOC1',
			ProvHyg: 3,
			ClinicNum: 1,
			Op: 2,
			ProcDescript: 'PerEx, Pro',
			AppointmentTypeNum: 2,
			IsNewPatient: 'false',
			Note: 'Prefers mornings',
			DateTStamp: '2026-11-20 10:11:12',
			serverDateTime: '2026-11-30 08:00:00',
		});
	});

	it('adds start and length to the full record and leaves the rest as Open Dental sent it', () => {
		expect(shapeAppointment(APPOINTMENT, false, 'America/Chicago')).toEqual({ ...APPOINTMENT, start: '2026-12-01T09:30:00-06:00', lengthMinutes: 40 });
	});

	it('has no start for an appointment without a time, and length 0 without a pattern', () => {
		const unscheduled = shapeAppointment({ AptNum: 8, AptDateTime: '0001-01-01 00:00:00' }, true, 'America/Chicago');
		expect(unscheduled).toEqual({ AptNum: 8, AptDateTime: '0001-01-01 00:00:00', start: null, lengthMinutes: 0 });
	});
});
