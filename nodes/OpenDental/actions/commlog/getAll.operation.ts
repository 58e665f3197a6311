import { listOperation } from '../shared/listOperation';
import { COMMLOG_SHORT_RECORD } from './shortRecord';

export const getAll = listOperation({
	resource: 'commlog',
	operation: 'getAll',
	path: '/commlogs',
	idField: 'CommlogNum',
	shortRecord: COMMLOG_SHORT_RECORD,
	simplifyHint: 'Full records come from Open Dental unchanged.',
	filters: [
		{ name: 'patNum', label: 'Patient ID', param: 'PatNum', kind: 'id', description: 'PatNum of the patient (required by Open Dental before version 25.1.13)' },
		{
			name: 'updatedSince',
			label: 'Updated Since',
			param: 'DateTStamp',
			kind: 'dateTime',
			description: "Only commlogs changed at or after this time, in the office's time zone (Open Dental 25.1.13 and later)",
		},
	],
});
