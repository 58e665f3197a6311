export type { OpenDentalContext } from './context';
export { getConnection, resolveConnection, type OpenDentalConnection } from './connection';
export { openDentalRequest, type OpenDentalRequest } from './request';
export { openDentalReadPages, openDentalRequestAllItems, type ListRequest } from './paging';
export { noServerTime, stampFilterIgnored, unexpectedResponse } from './errors';
