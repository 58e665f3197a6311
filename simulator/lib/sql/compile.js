'use strict';

const { SqlError, syntaxError } = require('./tokenizer');
const { isNull, toNumber, compare, truth, bit } = require('./compare');
const { AGGREGATES, aggregate } = require('./aggregates');
const { scalarFunction, shiftDate } = require('./functions');

// Turns an expression (lib/sql/expression-parser.js) into a function of its input, once per query.
// In row mode the input is one joined row; in group mode it is the rows of one group, where an
// aggregate reads every row and anything else reads the group's first row (MySQL without
// ONLY_FULL_GROUP_BY). Conditions follow MySQL's three-valued logic: 1, 0 or NULL (unknown).

/**
 * @typedef {import('./expression-parser').Expr} Expr
 * @typedef {import('./expression-parser').ColumnRef} ColumnRef
 * @typedef {import('./functions').QueryClock} QueryClock
 * @typedef {object} Scope
 * @property {string} sql the statement, for syntax errors
 * @property {QueryClock} clock
 * @property {string} clause as MySQL names it in errors ('where clause', 'having clause'...)
 * @property {boolean} grouped group mode
 * @property {(ref: ColumnRef, clause: string) => (row: any[]) => any} column a table column's reader; throws when unknown
 * @property {(name: string) => Expr | null} [alias] a select-list item by its name, for HAVING, GROUP BY and ORDER BY
 * @property {boolean} [aliasFirst] names mean select-list items before table columns (ORDER BY)
 * @property {boolean} [inAggregate]
 */

const TESTS = {
	'=': (c) => c === 0, '<>': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};
const ARITHMETIC = {
	'+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b,
	'/': (a, b) => (b === 0 ? null : a / b), '%': (a, b) => (b === 0 ? null : a % b),
};

const and3 = (a, b) => (a === false || b === false ? false : a === null || b === null ? null : true);
const or3 = (a, b) => (a === true || b === true ? true : a === null || b === null ? null : false);
const not3 = (a) => (a === null ? null : !a);

/** The expressions directly inside one. @param {Expr} expr @returns {Expr[]} */
const children = (expr) => Object.values(expr).flatMap((part) => (Array.isArray(part) ? part : [part]))
	.filter((part) => part && typeof part === 'object' && 'kind' in part);

/** Does an expression use an aggregate (outside of select-list names)? @param {Expr | null} expr @returns {boolean} */
const hasAggregate = (expr) => Boolean(expr) && ((expr.kind === 'call' && AGGREGATES.has(expr.name)) || children(expr).some(hasAggregate));

/** The column names an expression reads. @param {Expr} expr @returns {ColumnRef[]} */
const columnsOf = (expr) => (expr.kind === 'column' ? [expr.ref] : children(expr).flatMap(columnsOf));

/** Does an expression read no column and no aggregate (so it has one value for the whole query)? @param {Expr} expr */
const isConstant = (expr) => columnsOf(expr).length === 0 && !hasAggregate(expr);

// A LIKE pattern as a regular expression: % any text, _ one character, \ escapes; without regard to case.
function likePattern(pattern) {
	let source = '';
	for (let i = 0; i < pattern.length; i += 1) {
		const char = pattern[i];
		if (char === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		else if (char === '%') source += '[\\s\\S]*';
		else if (char === '_') source += '[\\s\\S]';
		else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'i');
}

/** @param {Expr} expr @param {Scope} scope @returns {(input: any) => any} */
function compile(expr, scope) {
	if (expr.kind === 'literal' || expr.kind === 'interval' || !isConstant(expr)) return compileNode(expr, scope);
	// Worked out once: DATE_SUB(CURDATE(), INTERVAL 1 DAY) is the same on every row.
	const value = compileNode(expr, scope)(null);
	return () => value;
}

/** @param {Expr} expr @param {Scope} scope @returns {(input: any) => any} */
function compileNode(expr, scope) {
	const sub = (part) => compile(part, scope);
	switch (expr.kind) {
		case 'literal': {
			const { value } = expr;
			return () => value;
		}
		case 'column': return compileColumn(expr, scope);
		case 'call': return compileCall(expr, scope);
		case 'interval': throw syntaxError(scope.sql, expr.start);
		case 'unary': {
			const operand = sub(expr.operand);
			if (expr.op === 'NOT') return (input) => bit(not3(truth(operand(input))));
			return (input) => {
				const value = operand(input);
				return isNull(value) ? null : -toNumber(value);
			};
		}
		case 'binary': return compileBinary(expr, scope);
		case 'in': {
			const [operand, values] = [sub(expr.operand), expr.values.map(sub)];
			return (input) => {
				const value = operand(input);
				const results = values.map((candidate) => compare(value, candidate(input)));
				const found = results.includes(0) ? true : results.includes(null) ? null : false;
				return bit(expr.not ? not3(found) : found);
			};
		}
		case 'between': {
			const [operand, low, high] = [sub(expr.operand), sub(expr.low), sub(expr.high)];
			return (input) => {
				const value = operand(input);
				const [from, to] = [compare(value, low(input)), compare(value, high(input))];
				const within = and3(from === null ? null : from >= 0, to === null ? null : to <= 0);
				return bit(expr.not ? not3(within) : within);
			};
		}
		case 'isNull': {
			const operand = sub(expr.operand);
			return (input) => bit(isNull(operand(input)) !== expr.not);
		}
		case 'like': {
			const [operand, pattern] = [sub(expr.operand), sub(expr.pattern)];
			// The pattern is nearly always one literal: its regular expression is made once.
			let made = { like: null, regex: /$^/ };
			return (input) => {
				const [value, like] = [operand(input), pattern(input)];
				if (isNull(value) || isNull(like)) return null;
				if (made.like !== like) made = { like, regex: likePattern(String(like)) };
				const matches = made.regex.test(String(value));
				return bit(matches !== expr.not);
			};
		}
		default: throw syntaxError(scope.sql, /** @type {any} */ (expr).start);
	}
}

/** A name: a table column, or (where MySQL allows it) a select-list item. */
function compileColumn(expr, scope) {
	const { ref } = expr;
	const aliased = ref.table === null && scope.alias ? scope.alias(ref.column) : null;
	// A select-list item is compiled without names of its own: MySQL does not let items refer to each other.
	const viaAlias = () => compile(aliased, { ...scope, alias: undefined, aliasFirst: false });
	if (aliased && scope.aliasFirst) return viaAlias();
	let read;
	try {
		read = scope.column(ref, scope.clause);
	} catch (error) {
		if (aliased) return viaAlias();
		throw error;
	}
	if (!scope.grouped) return read;
	return (rows) => (rows.length === 0 ? null : read(rows[0]));
}

function compileCall(expr, scope) {
	const written = scope.sql.slice(expr.start, expr.start + expr.name.length);
	if (AGGREGATES.has(expr.name)) {
		if (!scope.grouped || scope.inAggregate) throw new SqlError(400, 'Invalid use of group function');
		if (expr.star) return (rows) => rows.length;
		if (expr.args.length !== 1) throw syntaxError(scope.sql, expr.args.length ? expr.args[1].start : expr.end - 1);
		const value = compile(expr.args[0], { ...scope, grouped: false, inAggregate: true });
		return (rows) => aggregate(expr.name, rows.map(value), expr.distinct);
	}
	if (expr.distinct) throw syntaxError(scope.sql, expr.args[0].start);
	if (expr.name === 'DATE_ADD' || expr.name === 'DATE_SUB') {
		if (expr.args.length !== 2) throw new SqlError(400, `Incorrect parameter count in the call to native function '${written}'`);
		const [date, interval] = expr.args;
		if (interval.kind !== 'interval') throw syntaxError(scope.sql, interval.start);
		return dateShift(compile(date, scope), interval, scope, expr.name === 'DATE_ADD' ? 1 : -1);
	}
	const implementation = scalarFunction(expr.name, written, expr.args.length);
	const args = expr.args.map((arg) => compile(arg, scope));
	return (input) => implementation(args.map((arg) => arg(input)), scope.clock);
}

function dateShift(date, interval, scope, sign) {
	const amount = compile(interval.amount, scope);
	return (input) => shiftDate(date(input), amount(input), interval.unit, sign);
}

function compileBinary(expr, scope) {
	const { op } = expr;
	const left = compile(expr.left, scope);
	if ((op === '+' || op === '-') && expr.right.kind === 'interval') return dateShift(left, expr.right, scope, op === '+' ? 1 : -1);
	const right = compile(expr.right, scope);
	if (op === 'AND') return (input) => bit(and3(truth(left(input)), truth(right(input))));
	if (op === 'OR') return (input) => bit(or3(truth(left(input)), truth(right(input))));
	if (TESTS[op]) {
		const test = TESTS[op];
		return (input) => {
			const result = compare(left(input), right(input));
			return result === null ? null : bit(test(result));
		};
	}
	const apply = ARITHMETIC[op];
	return (input) => {
		const [a, b] = [left(input), right(input)];
		return isNull(a) || isNull(b) ? null : apply(toNumber(a), toNumber(b));
	};
}

module.exports = { compile, hasAggregate, columnsOf };
