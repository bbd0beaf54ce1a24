import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/* SQL behind the coverage report: current households, their assignments, and the visit log (migration 0004). */

export async function currentHouseholds(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('households')
    .select(['uid', 'localCode', 'address', 'street'])
    .where('hamletId', '=', hamletId)
    .where('validTo', 'is', null)
    .execute();
}

export async function hamletAssignments(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('householdAssignments as a')
    .innerJoin('users as u', 'u.id', 'a.memberUserId')
    .select(['a.householdUid', 'a.memberUserId', 'u.displayName'])
    .where('a.hamletId', '=', hamletId)
    .execute();
}

/** Per household of the hamlet: how many visits found someone home ("visited"), and the latest visit of any outcome. */
export async function visitsByHousehold(db: Kysely<Database>, hamletId: number) {
  const rows = await db
    .selectFrom('householdVisits')
    .select((eb) => [
      'householdUid',
      eb.fn.max('visitedAt').as('lastVisitAt'),
      eb.fn
        .sum<number>(sql<number>`case when ${sql.ref('outcome')} = 'visited' then 1 else 0 end`)
        .as('visitedCount'),
    ])
    .where('hamletId', '=', hamletId)
    .groupBy('householdUid')
    .execute();
  return rows.map((r) => ({
    householdUid: r.householdUid,
    lastVisitAt: r.lastVisitAt,
    visitedCount: Number(r.visitedCount),
  }));
}

/** The latest visit each visitor made in the hamlet. */
export async function lastVisitByVisitor(db: Kysely<Database>, hamletId: number) {
  const rows = await db
    .selectFrom('householdVisits')
    .select((eb) => ['visitorId', eb.fn.max('visitedAt').as('lastVisitAt')])
    .where('hamletId', '=', hamletId)
    .where('visitorId', 'is not', null)
    .groupBy('visitorId')
    .execute();
  return new Map(rows.map((r) => [Number(r.visitorId), r.lastVisitAt]));
}

/** The current members of the hamlet's team, in the order they joined. */
export async function currentTeamMembers(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('digitalTeamMembers as m')
    .innerJoin('digitalTeams as t', 't.id', 'm.teamId')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.userId', 'u.displayName'])
    .where('t.hamletId', '=', hamletId)
    .where('m.leftAt', 'is', null)
    .orderBy('m.joinedAt')
    .orderBy('m.id')
    .execute();
}
