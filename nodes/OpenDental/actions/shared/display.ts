import type { IDisplayOptions } from 'n8n-workflow';

/** Show a parameter for one operation of one resource. */
export const forOperation = (resource: string, operation: string): IDisplayOptions => ({ show: { resource: [resource], operation: [operation] } });
