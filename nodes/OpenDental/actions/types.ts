import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OpenDentalConnection } from '../transport';

/** What reading an item's parameters needs besides the item: the office's time zone and the time. */
export interface ParseContext {
	/** The office's IANA time zone (the credential's, else the workflow's). */
	timeZone: string;
	/** Wall-clock time of this execution, ms since 1970. */
	now: number;
}

/** What an operation needs besides its own parameters. */
export interface OperationContext extends ParseContext {
	connection: OpenDentalConnection;
	/** Lookups shared by every item of one execution, e.g. patients already read. */
	cache: Map<string, unknown>;
}

/**
 * One operation of one resource. The router calls parse() for every item before any request, so
 * bad input fails fast; execute() then does the I/O for one item and returns its records.
 */
export interface Operation<Params = unknown> {
	description: INodeProperties[];
	parse(this: IExecuteFunctions, itemIndex: number, context: ParseContext): Params;
	execute(this: IExecuteFunctions, params: Params, itemIndex: number, context: OperationContext): Promise<IDataObject[]>;
}

/**
 * A resource: its entry in the Resource dropdown, its parameters (its Operation dropdown first,
 * then each operation's) and its operations by value.
 */
export interface Resource {
	name: string;
	value: string;
	description: INodeProperties[];
	// Each operation has its own parameter type; the router only hands parse()'s result to execute().
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	operations: Record<string, Operation<any>>;
}
