import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OpenDentalConnection } from '../transport';

/** What an operation needs besides its own parameters. */
export interface OperationContext {
	connection: OpenDentalConnection;
}

/**
 * One operation of one resource. The router calls parse() for every item before any request, so
 * bad input fails fast; execute() then does the I/O for one item and returns its records.
 */
export interface Operation<Params = unknown> {
	description: INodeProperties[];
	parse(this: IExecuteFunctions, itemIndex: number): Params;
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
