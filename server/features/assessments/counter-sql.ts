import { sql, type RawBuilder, type Kysely } from 'kysely';
import type { Counter, CounterValues, Expr, Subject } from '../../../domain/criteria/expr.js';
import { SUBJECT_COLUMNS } from '../../../domain/criteria/expr.js';
import type { Database } from '../../db/tables.js';

export const SUBJECT_TABLES: Record<Subject, string> = {
  residents: 'residents',
  households: 'households',
  businesses: 'businesses',
  wifiPoints: 'wifi_points',
};

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Column names come from the engine's whitelist only, so they can be inlined as identifiers safely. */
function column(subject: Subject, name: string, alias: string): RawBuilder<unknown> {
  if (!(SUBJECT_COLUMNS[subject] as readonly string[]).includes(name)) {
    throw new Error(`column ${name} is not readable on ${subject}`);
  }
  return sql.ref(`${alias}.${snake(name)}`);
}

const COMPARATORS = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** Versions current at `atIso`: recorded no later than then, and not superseded by then. */
export function currentAt(alias: string, atIso: string | null): RawBuilder<unknown> {
  if (atIso === null) return sql`${sql.ref(`${alias}.valid_to`)} is null`;
  return sql`${sql.ref(`${alias}.valid_from`)} <= ${atIso} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${atIso})`;
}

/**
 * Translates the engine's expression tree into a SQL condition. SQL's three-valued logic is kept on purpose:
 * a comparison with a NULL (unknown) flag is neither true nor false, so it is counted neither as yes nor as no.
 */
export function exprToSql(
  expr: Expr,
  subject: Subject,
  alias: string,
  atIso: string | null,
): RawBuilder<unknown> {
  switch (expr.op) {
    case 'true':
      return sql`1 = 1`;
    case 'and':
    case 'or': {
      if (expr.args.length === 0) return expr.op === 'and' ? sql`1 = 1` : sql`1 = 0`;
      const parts = expr.args.map((a) => sql`(${exprToSql(a, subject, alias, atIso)})`);
      return sql.join(parts, expr.op === 'and' ? sql` and ` : sql` or `);
    }
    case 'not':
      return sql`not (${exprToSql(expr.arg, subject, alias, atIso)})`;
    case 'in':
      if (expr.values.length === 0) return sql`1 = 0`;
      return sql`${column(subject, expr.column, alias)} in (${sql.join(expr.values.map((v) => sql`${v}`))})`;
    case 'isNull':
      return sql`${column(subject, expr.column, alias)} is null`;
    case 'existsMember': {
      if (subject !== 'households') throw new Error('existsMember applies to households only');
      return sql`exists (select 1 from residents m where m.household_uid = ${sql.ref(`${alias}.uid`)} and ${currentAt('m', atIso)} and (${exprToSql(expr.where, 'residents', 'm', atIso)}))`;
    }
    default:
      return sql`${column(subject, expr.column, alias)} ${sql.raw(COMPARATORS[expr.op])} ${expr.value}`;
  }
}

/**
 * Computes every counter of one subject for the given hamlets in ONE aggregate pass over that table:
 * `select hamlet_id, sum(case when … then 1 else 0 end) as c0, … group by hamlet_id`. Rows are never loaded into
 * JavaScript. `atIso` null means the current data; otherwise the versions valid at that instant.
 */
export async function aggregateCounters(
  db: Kysely<Database>,
  subject: Subject,
  counters: Counter[],
  hamletIds: number[] | null,
  atIso: string | null,
): Promise<Map<number, CounterValues>> {
  const out = new Map<number, CounterValues>();
  if (counters.length === 0 || (hamletIds && hamletIds.length === 0)) return out;
  const alias = 't';
  const sums = counters.map(
    (c, i) =>
      sql`sum(case when ${exprToSql(c.when, subject, alias, atIso)} then 1 else 0 end) as ${sql.ref(`c${i}`)}`,
  );
  const hamletFilter = hamletIds
    ? sql`and ${sql.ref(`${alias}.hamlet_id`)} in (${sql.join(hamletIds.map((id) => sql`${id}`))})`
    : sql``;
  const query = sql<Record<string, number>>`select ${sql.ref(`${alias}.hamlet_id`)} as hid, ${sql.join(sums)}
    from ${sql.table(SUBJECT_TABLES[subject])} as ${sql.raw(alias)}
    where ${currentAt(alias, atIso)} ${hamletFilter}
    group by ${sql.ref(`${alias}.hamlet_id`)}`;
  const { rows } = await query.execute(db);
  for (const row of rows) {
    const values: CounterValues = {};
    counters.forEach((c, i) => (values[c.id] = Number(row[`c${i}`] ?? 0)));
    out.set(Number(row.hid), values);
  }
  return out;
}
