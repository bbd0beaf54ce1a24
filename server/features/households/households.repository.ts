import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, HouseholdVisitsTable } from '../../db/tables.js';
import type { Insertable } from 'kysely';

/* SQL of the households feature. Versioned reads and writes go through surveys/versioned.repository.ts. */

/** Current households of a hamlet. */
export async function currentHouseholds(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('households')
    .selectAll()
    .where('hamletId', '=', hamletId)
    .where('validTo', 'is', null)
    .execute();
}

/** Current residents of a hamlet (all its households), oldest version first. */
export async function currentResidentsOfHamlet(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('hamletId', '=', hamletId)
    .where('validTo', 'is', null)
    .orderBy('id')
    .execute();
}

/** Current members of one household. */
export async function currentMembers(db: Kysely<Database>, householdUid: string) {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('householdUid', '=', householdUid)
    .where('validTo', 'is', null)
    .orderBy('id')
    .execute();
}

/** Uids of every resident ever recorded in the household (current or closed). */
export async function everMemberUids(db: Kysely<Database>, householdUid: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('residents')
    .select('uid')
    .distinct()
    .where('householdUid', '=', householdUid)
    .execute();
  return new Set(rows.map((r) => r.uid));
}

/** True when another current household of the hamlet already uses the code. */
export async function isLocalCodeTaken(
  db: Kysely<Database>,
  hamletId: number,
  localCode: string,
  exceptUid: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('households')
    .select('uid')
    .where('hamletId', '=', hamletId)
    .where('localCode', '=', localCode)
    .where('validTo', 'is', null);
  if (exceptUid) query = query.where('uid', '<>', exceptUid);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Visits of the given households, newest first, with the visitor's name. */
export async function visitsOf(db: Kysely<Database>, householdUids: string[]) {
  if (householdUids.length === 0) return [];
  return db
    .selectFrom('householdVisits as v')
    .leftJoin('users as u', 'u.id', 'v.visitorId')
    .select([
      'v.uid',
      'v.householdUid',
      'v.outcome',
      'v.visitedAt',
      'v.visitorId',
      'u.displayName as visitorName',
      'v.support',
      'v.note',
    ])
    .where('v.householdUid', 'in', householdUids)
    .orderBy('v.visitedAt', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export async function insertVisit(db: Kysely<Database>, visit: Insertable<HouseholdVisitsTable>) {
  await db.insertInto('householdVisits').values(visit).execute();
}

export async function findSubmission(db: Kysely<Database>, clientId: string) {
  return db.selectFrom('surveySubmissions').selectAll().where('clientId', '=', clientId).executeTakeFirst();
}

export async function insertSubmission(
  db: Kysely<Database>,
  row: { clientId: string; userId: number; receivedAt: string; householdUid: string | null; result: string },
) {
  await db
    .insertInto('surveySubmissions')
    .values({ ...row, status: 'applied' })
    .execute();
}

export interface Assignment {
  householdUid: string;
  userId: number;
  displayName: string;
}

/*
 * Household assignments live in the teams feature's table (migration 0005). Until that migration has run the
 * table is missing, and then nobody is assigned. Raw SQL keeps this file independent of the teams types; the
 * column aliases are single words so the camel-case plugin leaves them alone.
 */
const assignmentsTableKnown = new WeakMap<Db, boolean>();

async function hasAssignmentsTable(handle: Db): Promise<boolean> {
  if (assignmentsTableKnown.get(handle)) return true;
  try {
    await sql`select 1 from household_assignments where 1 = 0`.execute(handle.db);
    assignmentsTableKnown.set(handle, true);
    return true;
  } catch {
    return false;
  }
}

/**
 * Assignments of a hamlet's households, or of one household. Must not run inside an open transaction: on
 * PostgreSQL a failed probe would abort it, and on SQLite it would wait for the transaction's connection.
 */
export async function assignmentsOf(
  handle: Db,
  where: { hamletId: number } | { householdUid: string },
): Promise<Map<string, Assignment>> {
  if (!(await hasAssignmentsTable(handle))) return new Map();
  const filter =
    'hamletId' in where ? sql`a.hamlet_id = ${where.hamletId}` : sql`a.household_uid = ${where.householdUid}`;
  const result = await sql<{ household: string; member: number; name: string }>`
    select a.household_uid as household, a.member_user_id as member, u.display_name as name
    from household_assignments a join users u on u.id = a.member_user_id
    where ${filter}
    order by a.assigned_at, a.id`.execute(handle.db);
  // Ordered oldest first, so the latest assignment of a household wins.
  return new Map(
    result.rows.map((r) => [
      r.household,
      { householdUid: r.household, userId: Number(r.member), displayName: r.name },
    ]),
  );
}
