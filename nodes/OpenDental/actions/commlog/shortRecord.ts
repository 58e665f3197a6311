import type { ShortRecord } from '../shared/simplify';

export const COMMLOG_SHORT_RECORD: ShortRecord = {
	summary: 'IDs, date-time, type, mode, sent or received, note, DateTStamp',
	fields: ['CommlogNum', 'PatNum', 'CommDateTime', 'CommType', 'commType', 'Mode_', 'SentOrReceived', 'Note', 'DateTStamp', 'serverDateTime'],
};
