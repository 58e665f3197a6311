/** Open Dental's paid API permissions this package uses, and what each costs (opendental.com/site/apipermissions.html). */
export type PaidPermission = 'Comm' | 'Queries';

export const PERMISSION_PRICE: Record<PaidPermission, string> = {
	Comm: '$15 a month per location',
	Queries: '$15 a month per location',
};

// What Open Dental says for a key that exists but lacks the method's permission, and for a wrong key.
const LACKS_PERMISSION = /permission/i;
// ShortQuery's 401 for a statement it does not take for a read: "Query is not read-only or …".
const NOT_READ_ONLY = /read-?only/i;
const WRONG_KEYS = /invalid|credential|not (?:found|enabled)|disabled/i;

export type RefusalReason = 'notReadOnly' | 'permission' | 'keys' | 'unknown';

/** Why a 401 came back for a method that needs a paid permission, as far as Open Dental's text tells. */
export function refusalReason(serverMessage: string): RefusalReason {
	if (NOT_READ_ONLY.test(serverMessage)) return 'notReadOnly';
	if (LACKS_PERMISSION.test(serverMessage)) return 'permission';
	if (WRONG_KEYS.test(serverMessage)) return 'keys';
	return 'unknown';
}
