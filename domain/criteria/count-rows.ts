import type { Counter, CounterValues, Expr, Subject } from './expr.js';

/*
 * A reference evaluator of counters over plain JavaScript rows, with SQL's three-valued logic: NULL (or a missing
 * column) makes a comparison unknown, NOT of unknown is unknown, AND/OR follow Kleene's tables, and a row is counted
 * only when its condition is TRUE — as `sum(case when … then 1 else 0 end)` does. EXISTS (existsMember) is two-valued,
 * as in SQL. Tests use it to check the engine by hand-made rows; the web can use it for previews. The server never
 * does: it counts in one SQL aggregate pass per table.
 */

/** A row of any subject table: its hamlet, its id (households: members are looked up by it) and its columns. */
export type SubjectRow = { hamletId: number; id?: number } & Record<string, unknown>;

type Truth = boolean | null;

function compareValues(
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte',
  left: string | number,
  right: string | number,
): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

function columnValue(row: SubjectRow, column: string): string | number | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`column ${column} holds a ${typeof value}; expected a string, a number or null`);
}

/**
 * The truth value of `expr` for one row under SQL's three-valued logic: true, false, or null for unknown.
 * `membersOf` gives a household's current members for existsMember.
 */
export function evaluateExpr(
  expr: Expr,
  row: SubjectRow,
  membersOf: (householdId: number) => readonly SubjectRow[],
): Truth {
  switch (expr.op) {
    case 'true':
      return true;
    case 'and': {
      let result: Truth = true;
      for (const arg of expr.args) {
        const value = evaluateExpr(arg, row, membersOf);
        if (value === false) return false;
        if (value === null) result = null;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const arg of expr.args) {
        const value = evaluateExpr(arg, row, membersOf);
        if (value === true) return true;
        if (value === null) result = null;
      }
      return result;
    }
    case 'not': {
      const value = evaluateExpr(expr.arg, row, membersOf);
      return value === null ? null : !value;
    }
    case 'isNull':
      return columnValue(row, expr.column) === null;
    case 'in': {
      const value = columnValue(row, expr.column);
      if (value === null) return null;
      return expr.values.includes(value);
    }
    case 'existsMember': {
      if (row.id === undefined) throw new Error('existsMember needs household rows with an id');
      return membersOf(row.id).some((member) => evaluateExpr(expr.where, member, membersOf) === true);
    }
    default: {
      const value = columnValue(row, expr.column);
      if (value === null) return null;
      return compareValues(expr.op, value, expr.value);
    }
  }
}

/**
 * Counter values per hamlet id, computed from rows: for each counter, how many rows of its subject satisfy its
 * condition (TRUE, not unknown). Every hamlet that has a row of any subject gets every counter, 0 when none match.
 * `membersByHousehold` maps a household id to its current members (resident rows). Unit: rows. The reference for
 * the server's SQL aggregate (issue 3: the counts must agree exactly).
 */
export function countRows(
  counters: readonly Counter[],
  rowsBySubject: Partial<Record<Subject, readonly SubjectRow[]>>,
  membersByHousehold: ReadonlyMap<number, readonly SubjectRow[]>,
): Map<number, CounterValues> {
  const result = new Map<number, CounterValues>();
  const membersOf = (householdId: number) => membersByHousehold.get(householdId) ?? [];
  const hamlet = (hamletId: number): CounterValues => {
    let values = result.get(hamletId);
    if (!values) {
      values = Object.fromEntries(counters.map((c) => [c.id, 0]));
      result.set(hamletId, values);
    }
    return values;
  };
  for (const rows of Object.values(rowsBySubject)) for (const row of rows ?? []) hamlet(row.hamletId);
  for (const counter of counters) {
    for (const row of rowsBySubject[counter.subject] ?? []) {
      if (evaluateExpr(counter.when, row, membersOf) === true) hamlet(row.hamletId)[counter.id] += 1;
    }
  }
  return result;
}
