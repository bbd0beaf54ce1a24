import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { SUBJECT_COLUMNS } from '../../../domain/criteria/expr.js';
import type { ActionRecord, ActionTarget } from '../../../domain/action-lists/action-lists.js';
import { currentAt, exprToSql, snake, SUBJECT_TABLES } from '../assessments/counter-sql.js';

type Q = Kysely<Database>;

/** Flags come back as numbers on SQLite and may come back as strings of digits from PostgreSQL drivers. */
function columnValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return Number(value);
}

export interface RawActionRow extends ActionRecord {
  /** 1 when the row is certainly not counted, 0 when its answer is unknown. */
  excluded: number;
  values: Record<string, unknown>;
}

/**
 * The rows of one hamlet in the criterion's base (its denominator) that its numerator does not count, with the
 * household around each. The filters are the compiled counters' own expressions through the scoring's own SQL
 * translation, and `case when … then` treats an unknown exactly as `sum(case when …)` does, so these rows are
 * exactly den − yes of the scorecard.
 */
export async function actionRows(
  db: Q,
  target: ActionTarget,
  hamletId: number,
  atIso: string | null,
): Promise<RawActionRow[]> {
  const subject = target.subject;
  const readable = SUBJECT_COLUMNS[subject] as readonly string[];
  const fields = target.fields.filter((f) => readable.includes(f));
  const t = 't';
  // Plain aliases (f0, f1…): the CamelCasePlugin would rewrite any alias with an underscore or capital.
  const fieldCols = fields.map((f, i) => sql`, ${sql.ref(`${t}.${snake(f)}`)} as ${sql.ref(`f${i}`)}`);
  const householdUid =
    subject === 'residents'
      ? sql.ref(`${t}.household_uid`)
      : subject === 'households'
        ? sql.ref(`${t}.uid`)
        : null;
  const headName = householdUid
    ? sql`(select min(hd.full_name) from residents hd where hd.household_uid = ${householdUid} and hd.is_head = 1 and ${currentAt('hd', atIso)})`
    : sql`null`;
  const household =
    subject === 'residents'
      ? // The hamlet's households at that instant, joined by uid: found through the hamlet index on any date (the uid
        // indexes are partial, current or closed versions only, and an as-of condition matches neither).
        sql`left join (select hh.uid, hh.street, hh.address, hh.local_code from households hh
            where hh.hamlet_id = ${hamletId} and ${currentAt('hh', atIso)}) h on h.uid = ${sql.ref(`${t}.household_uid`)}`
      : sql``;
  const h = subject === 'residents' ? 'h' : t;
  const hasHousehold = householdUid !== null;
  const query = sql<Record<string, unknown>>`
    select ${sql.ref(`${t}.uid`)} as uid,
      ${hasHousehold ? householdUid : sql`null`} as household_uid,
      ${hasHousehold ? sql.ref(`${h}.street`) : sql`null`} as street,
      ${hasHousehold ? sql.ref(`${h}.address`) : sql`null`} as address,
      ${hasHousehold ? sql.ref(`${h}.local_code`) : sql`null`} as local_code,
      ${headName} as head_name,
      ${subject === 'households' ? sql`null` : sql.ref(`${t}.${subject === 'residents' ? 'full_name' : 'name'}`)} as name,
      ${subject === 'residents' ? sql.ref(`${t}.birth_year`) : sql`null`} as birth_year,
      case when ${exprToSql(target.excluded, subject, t, atIso)} then 1 else 0 end as excluded
      ${sql.join(fieldCols, sql``)}
    from ${sql.table(SUBJECT_TABLES[subject])} as ${sql.raw(t)} ${household}
    where ${currentAt(t, atIso)} and ${sql.ref(`${t}.hamlet_id`)} = ${hamletId}
      and (${exprToSql(target.base, subject, t, atIso)})
      and (case when ${exprToSql(target.counted, subject, t, atIso)} then 0 else 1 end) = 1`;
  const { rows } = await query.execute(db);
  return rows.map((r) => ({
    uid: String(r.uid),
    householdUid: r.householdUid == null ? null : String(r.householdUid),
    street: (r.street as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    localCode: (r.localCode as string | null) ?? null,
    headName: (r.headName as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    birthYear: r.birthYear == null ? null : Number(r.birthYear),
    excluded: Number(r.excluded),
    values: Object.fromEntries(fields.map((f, i) => [f, columnValue(r[`f${i}`])])),
  }));
}

/** Stored snapshots of a unit, oldest first (ties by computation time), with their result JSON. */
export async function snapshotsOf(db: Q, unitId: number) {
  return db
    .selectFrom('assessments')
    .select(['id', 'assessmentDate', 'criteriaSetId', 'result', 'computedAt'])
    .where('unitId', '=', unitId)
    .orderBy('assessmentDate')
    .orderBy('computedAt')
    .orderBy('id')
    .execute();
}
