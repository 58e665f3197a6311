import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { invalidInput } from '../../helpers/validation';
import { openDentalReadPages } from '../../transport';
import { forOperation } from '../shared/display';
import { listOptions, readLimit } from '../shared/listOptions';
import type { Operation } from '../types';
import { MAX_SQL_LENGTH, screenSql } from './readOnly';
import { withOfficeTimes } from './rows';

export interface RunParams {
	sql: string;
	limit?: number;
	/** Whether a read of more than one page could repeat or skip rows (no top-level ORDER BY). */
	unordered: boolean;
	officeTimes: boolean;
}

const SQL_FIELD = { label: 'SQL', name: 'sql' };
const display = forOperation('query', 'run');

// n8n runs a node given to an AI agent as a tool under a type name ending in "Tool".
const isAgentTool = (ctx: IExecuteFunctions) => ctx.getNode().type.endsWith('Tool');

export const run: Operation<RunParams> = {
	description: [
		{
			displayName:
				"Runs one read-only statement on the office's database (Open Dental's Queries permission, $15 a month) and returns a row per item. Open Dental records every query in its Audit Trail. Select only the columns you need: SQL can read anything, SSNs and clinical notes included.",
			name: 'queryNotice',
			type: 'notice',
			default: '',
			displayOptions: display,
		},
		{
			displayName: 'SQL',
			name: 'sql',
			type: 'string',
			typeOptions: { editor: 'sqlEditor', sqlDialect: 'MySQL', rows: 8 },
			default: '',
			required: true,
			placeholder: 'SELECT PatNum, LName, FName FROM patient WHERE PatStatus = 0 ORDER BY PatNum',
			description:
				'One SELECT (or WITH … SELECT, SHOW, DESCRIBE, EXPLAIN). Anything that writes, several statements or SELECT … INTO are refused before anything is sent. Open Dental returns 100 rows a call: end with ORDER BY a unique column (e.g. PatNum) so the pages neither repeat nor skip rows. Expressions are allowed; never build SQL from text a patient typed.',
			displayOptions: display,
		},
		...listOptions('query', 'run'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: display,
			options: [
				{
					displayName: 'Office Times',
					name: 'officeTimes',
					type: 'boolean',
					default: true,
					description:
						"Whether to return date-times as ISO 8601 with the office's offset (e.g. 2026-12-01T09:30:00-06:00; Open Dental's \"not set\" 0001-01-01 as null), keeping Open Dental's texts in _original. Off: the texts exactly as Open Dental sent them.",
				},
			],
		},
	],
	parse(itemIndex) {
		if (isAgentTool(this)) {
			throw invalidInput(this, itemIndex, SQL_FIELD, 'cannot run from an AI agent: a query can read any patient data. Use the node in a workflow instead');
		}
		const value = this.getNodeParameter('sql', itemIndex, '');
		if (typeof value !== 'string') throw invalidInput(this, itemIndex, SQL_FIELD, 'must be text');
		const sql = value.trim();
		const screen = screenSql(sql);
		if (screen.problem) throw invalidInput(this, itemIndex, SQL_FIELD, screen.problem, sql.length > MAX_SQL_LENGTH ? `${sql.length} characters` : undefined);
		const limit = readLimit(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return { sql, limit, unordered: !screen.ordered, officeTimes: options.officeTimes !== false };
	},
	async execute(params, itemIndex, { connection, timeZone }) {
		const read = await openDentalReadPages.call(this, connection, {
			method: 'PUT',
			path: '/queries/ShortQuery',
			body: { SqlCommand: params.sql },
			idField: [],
			limit: params.limit,
			permission: 'Queries',
			rejectedMessage: 'Open Dental could not run the query',
			itemIndex,
		});
		if (params.unordered && read.pages > 1) {
			this.addExecutionHints({
				message: `Item ${itemIndex}: the query has no ORDER BY and was read in ${read.pages} pages. Open Dental runs it again for each page, so rows may repeat or be missed; end it with ORDER BY a unique column.`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		return params.officeTimes ? read.rows.map((row) => withOfficeTimes(row, timeZone)) : read.rows;
	},
};
