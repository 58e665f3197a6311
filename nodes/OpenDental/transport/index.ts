export { getConnection, type OpenDentalConnection } from './connection';
export { openDentalRequest, type OpenDentalRequest, type TransportOptions } from './request';
export { openDentalRequestAllItems, type ListRequest } from './paging';
export { unexpectedResponse } from './errors';
