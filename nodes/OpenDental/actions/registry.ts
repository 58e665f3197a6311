import { appointment } from './appointment';
import { commlog } from './commlog';
import { patient } from './patient';
import { query } from './query';
import { recall } from './recall';
import type { Operation, Resource } from './types';

/** Every resource of the node, in the Resource dropdown's order: one line each. */
export const RESOURCES: Resource[] = [appointment, commlog, patient, query, recall];

export const RESOURCE_OPTIONS = RESOURCES.map(({ name, value }) => ({ name, value }));

export const RESOURCE_PROPERTIES = RESOURCES.flatMap((resource) => resource.description);

export function findOperation(resource: string, operation: string): Operation | undefined {
	return RESOURCES.find((entry) => entry.value === resource)?.operations[operation];
}
