export type { OpenDentalContext } from './context';
export { getConnection, resolveConnection, type OpenDentalConnection } from './connection';
export { openDentalRequest, type OpenDentalRequest } from './request';
export { openDentalRequestAllItems, type ListRequest } from './paging';
export { unexpectedResponse } from './errors';
