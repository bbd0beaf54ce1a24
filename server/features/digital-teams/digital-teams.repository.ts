import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/* SQL of the digital teams feature: teams, their members over time, and household assignments. */

export async function findTeamByHamlet(db: Kysely<Database>, hamletId: number) {
  return db.selectFrom('digitalTeams').selectAll().where('hamletId', '=', hamletId).executeTakeFirst();
}

export async function insertTeam(
  db: Kysely<Database>,
  values: { hamletId: number; decisionNo: string | null; decisionDate: string | null; at: string },
) {
  return db
    .insertInto('digitalTeams')
    .values({
      hamletId: values.hamletId,
      decisionNo: values.decisionNo,
      decisionDate: values.decisionDate,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTeamDecision(
  db: Kysely<Database>,
  teamId: number,
  values: { decisionNo: string; decisionDate: string; at: string },
) {
  return db
    .updateTable('digitalTeams')
    .set({ decisionNo: values.decisionNo, decisionDate: values.decisionDate, updatedAt: values.at })
    .where('id', '=', teamId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every membership of a team, past and present, oldest first, with the user's names. */
export async function listTeamMembers(db: Kysely<Database>, teamId: number) {
  return db
    .selectFrom('digitalTeamMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.id', 'm.userId', 'u.displayName', 'u.username', 'm.joinedAt', 'm.leftAt'])
    .where('m.teamId', '=', teamId)
    .orderBy('m.joinedAt')
    .orderBy('m.id')
    .execute();
}

export async function findCurrentMembership(db: Kysely<Database>, teamId: number, userId: number) {
  return db
    .selectFrom('digitalTeamMembers')
    .selectAll()
    .where('teamId', '=', teamId)
    .where('userId', '=', userId)
    .where('leftAt', 'is', null)
    .executeTakeFirst();
}

export async function insertMembership(db: Kysely<Database>, teamId: number, userId: number, at: string) {
  return db
    .insertInto('digitalTeamMembers')
    .values({ teamId, userId, joinedAt: at, leftAt: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function closeMembership(db: Kysely<Database>, membershipId: number, at: string) {
  await db.updateTable('digitalTeamMembers').set({ leftAt: at }).where('id', '=', membershipId).execute();
}

export async function findUserForTeam(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'role', 'isActive'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function userScopeUnitIds(db: Kysely<Database>, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('userScopes').select('unitId').where('userId', '=', userId).execute();
  return rows.map((r) => Number(r.unitId));
}

/** Whether the user is a current member of the hamlet's team. */
export async function isCurrentTeamMember(db: Kysely<Database>, hamletId: number, userId: number) {
  const row = await db
    .selectFrom('digitalTeamMembers as m')
    .innerJoin('digitalTeams as t', 't.id', 'm.teamId')
    .select('m.id')
    .where('t.hamletId', '=', hamletId)
    .where('m.userId', '=', userId)
    .where('m.leftAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The uid, street of every current household of the hamlet. */
export async function currentHouseholdStreets(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('households')
    .select(['uid', 'street'])
    .where('hamletId', '=', hamletId)
    .where('validTo', 'is', null)
    .execute();
}

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Current assignments of the given households (who had them before a reassignment). */
export async function findAssignments(db: Kysely<Database>, householdUids: string[]) {
  const rows = [];
  for (const part of chunks(householdUids)) {
    rows.push(
      ...(await db
        .selectFrom('householdAssignments')
        .selectAll()
        .where('householdUid', 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** Gives each household to `memberUserId`, replacing any previous assignment (delete then insert: portable). */
export async function replaceAssignments(
  db: Kysely<Database>,
  values: { hamletId: number; householdUids: string[]; memberUserId: number; assignedBy: number; at: string },
) {
  for (const part of chunks(values.householdUids)) {
    await db.deleteFrom('householdAssignments').where('householdUid', 'in', part).execute();
    await db
      .insertInto('householdAssignments')
      .values(
        part.map((householdUid) => ({
          householdUid,
          hamletId: values.hamletId,
          memberUserId: values.memberUserId,
          assignedBy: values.assignedBy,
          assignedAt: values.at,
        })),
      )
      .execute();
  }
}

export async function deleteAssignment(db: Kysely<Database>, hamletId: number, householdUid: string) {
  return db
    .deleteFrom('householdAssignments')
    .where('hamletId', '=', hamletId)
    .where('householdUid', '=', householdUid)
    .returningAll()
    .executeTakeFirst();
}

/** Drops every assignment of a member in a hamlet (when they leave the team); returns the household uids. */
export async function deleteMemberAssignments(db: Kysely<Database>, hamletId: number, userId: number) {
  const rows = await db
    .deleteFrom('householdAssignments')
    .where('hamletId', '=', hamletId)
    .where('memberUserId', '=', userId)
    .returning('householdUid')
    .execute();
  return rows.map((r) => r.householdUid);
}
