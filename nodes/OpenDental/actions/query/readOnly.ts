/**
 * A screen for report SQL, run before anything is sent. Open Dental screens queries too (and
 * answers 401 for one it takes for a write), but a statement it lets through is run against the
 * office's live database and recorded in its Audit Trail, so the node refuses writes itself and
 * says why. The screen is lexical: it reads MySQL's comments, quoted strings and identifiers, and
 * looks at words, never at values.
 */

export interface SqlScreen {
	/** Why the SQL may not run, as the end of a sentence; undefined when it may. */
	problem?: string;
	/** Whether the statement sorts its result at the top level (ORDER BY outside any parentheses). */
	ordered: boolean;
}

/** Longest SQL the node sends: a report, not a data dump. */
export const MAX_SQL_LENGTH = 100_000;

const READ_STATEMENTS = new Set(['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN']);

// Words that make a statement write, lock or leave the database, wherever they stand. A word
// followed by "(" is a function (REPLACE(text, a, b) and INSERT(text, …) are string functions).
const WRITE_WORDS = new Set([
	'INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'GRANT', 'REVOKE',
	'LOAD', 'CALL', 'HANDLER', 'LOCK', 'UNLOCK', 'INTO', 'OUTFILE', 'DUMPFILE', 'PREPARE', 'EXECUTE', 'DEALLOCATE',
	'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'FLUSH', 'KILL', 'SHUTDOWN', 'INSTALL', 'UNINSTALL', 'OPTIMIZE', 'REPAIR', 'PURGE',
]);

interface Token {
	kind: 'word' | 'punct' | 'other';
	text: string;
}

/** The end of a quoted run starting at `start` (the quote), or -1 when it never closes. */
function quotedEnd(sql: string, start: number): number {
	const quote = sql[start];
	for (let at = start + 1; at < sql.length; at++) {
		if (quote !== '`' && sql[at] === '\\') {
			at++;
			continue;
		}
		if (sql[at] !== quote) continue;
		if (sql[at + 1] === quote) {
			at++;
			continue;
		}
		return at;
	}
	return -1;
}

type Lexed = { tokens: Token[] } | { problem: string };

/** Words and punctuation outside comments, strings and quoted names. */
function lex(sql: string): Lexed {
	const tokens: Token[] = [];
	let at = 0;
	while (at < sql.length) {
		const char = sql[at];
		const next = sql[at + 1];
		if (/\s/.test(char)) {
			at++;
		} else if (char === '#' || (char === '-' && next === '-' && /[\s]|$/.test(sql[at + 2] ?? ''))) {
			const end = sql.indexOf('\n', at);
			at = end === -1 ? sql.length : end + 1;
		} else if (char === '/' && next === '*') {
			// MySQL runs the text of /*! … */ as SQL, and /*+ … */ holds optimizer hints.
			if (sql[at + 2] === '!' || sql[at + 2] === '+') return { problem: 'contains a MySQL executable comment (/*! … */ or /*+ … */); remove it' };
			const end = sql.indexOf('*/', at + 2);
			if (end === -1) return { problem: 'has a comment (/* …) that is never closed' };
			at = end + 2;
		} else if (char === "'" || char === '"' || char === '`') {
			const end = quotedEnd(sql, at);
			if (end === -1) return { problem: `has a quote (${char}) that is never closed` };
			tokens.push({ kind: 'other', text: sql.slice(at, end + 1) });
			at = end + 1;
		} else if (/[A-Za-z_$@]/.test(char)) {
			const match = /^[A-Za-z0-9_$@.]+/.exec(sql.slice(at, at + 200));
			const text = match ? match[0] : char;
			tokens.push({ kind: 'word', text });
			at += text.length;
		} else {
			tokens.push({ kind: ';(),'.includes(char) ? 'punct' : 'other', text: char });
			at++;
		}
	}
	return { tokens };
}

/** The top-level statements: tokens split at ";" (an empty one, like a trailing ";", is dropped). */
function statementsOf(tokens: Token[]): Token[][] {
	const statements: Token[][] = [[]];
	for (const token of tokens) {
		if (token.kind === 'punct' && token.text === ';') statements.push([]);
		else statements[statements.length - 1].push(token);
	}
	return statements.filter((statement) => statement.length > 0);
}

function writeWordIn(statement: Token[]): string | undefined {
	for (let index = 0; index < statement.length; index++) {
		const { kind, text } = statement[index];
		if (kind !== 'word' || text.includes('.')) continue;
		const word = text.toUpperCase();
		const isCall = statement[index + 1]?.text === '(';
		if (WRITE_WORDS.has(word) && !isCall) return word;
	}
	return undefined;
}

/** Whether ORDER BY stands outside every parenthesis. */
function isOrdered(statement: Token[]): boolean {
	let depth = 0;
	for (let index = 0; index < statement.length - 1; index++) {
		const { text } = statement[index];
		if (text === '(') depth++;
		else if (text === ')') depth--;
		else if (depth === 0 && text.toUpperCase() === 'ORDER' && statement[index + 1].text.toUpperCase() === 'BY') return true;
	}
	return false;
}

/** Screens report SQL: one statement that only reads (SELECT, WITH … SELECT, SHOW, DESCRIBE, EXPLAIN). */
export function screenSql(sql: string): SqlScreen {
	if (sql.includes('\u0000')) return { problem: 'contains a null character; write CHAR(0) instead', ordered: false };
	if (sql.length > MAX_SQL_LENGTH) return { problem: `is longer than ${MAX_SQL_LENGTH.toLocaleString('en-US')} characters`, ordered: false };
	const lexed = lex(sql);
	if ('problem' in lexed) return { problem: lexed.problem, ordered: false };
	const statements = statementsOf(lexed.tokens);
	if (statements.length === 0) return { problem: 'is empty: enter a SELECT statement', ordered: false };
	if (statements.length > 1) return { problem: `holds ${statements.length} statements; only one read statement can run (a ";" may end it)`, ordered: false };
	const [statement] = statements;
	const first = statement.find((token) => token.text !== '(');
	const verb = first?.kind === 'word' ? first.text.toUpperCase() : first?.text ?? '';
	if (!READ_STATEMENTS.has(verb)) {
		return { problem: `starts with ${verb}: only a read (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) can run`, ordered: false };
	}
	const write = writeWordIn(statement);
	if (write) return { problem: `contains ${write}, which writes, locks or exports data: only a read can run`, ordered: false };
	return { ordered: isOrdered(statement) };
}
