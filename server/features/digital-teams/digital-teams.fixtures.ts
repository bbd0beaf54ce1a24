import { newRecordUid } from '../../db/uid.js';
import type { Role, VisitOutcome } from '../../db/tables.js';
import type { TestApp } from '../../../test/test-app.js';
import { insertVersion } from '../surveys/versioned.repository.js';

/* Helpers shared by the digital teams tests: extra accounts, households and visits written straight to the database. */

export async function userIdOf(t: TestApp, username: string): Promise<number> {
  const row = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A user account with the given role and scope (no password: these users never log in). */
export async function addUser(
  t: TestApp,
  username: string,
  role: Role,
  scopeUnitIds: number[],
): Promise<number> {
  const at = t.clock.now.toISOString();
  const { id } = await t.db.db
    .insertInto('users')
    .values({
      username,
      displayName: `Người dùng ${username}`,
      passwordHash: 'x',
      role,
      locale: 'vi',
      isActive: 1,
      mustChangePassword: 0,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (scopeUnitIds.length > 0) {
    await t.db.db
      .insertInto('userScopes')
      .values(scopeUnitIds.map((unitId) => ({ userId: id, unitId })))
      .execute();
  }
  return Number(id);
}

/** A current household of the hamlet, with no members. Returns its uid. */
export async function addHousehold(
  t: TestApp,
  hamletId: number,
  localCode: string,
  street: string | null,
): Promise<string> {
  const row = await insertVersion(
    t.db.db,
    'households',
    newRecordUid(),
    {
      hamletId,
      localCode,
      address: street ? `${localCode} ${street}` : null,
      street,
      residency: 'permanent',
      fixedBroadband: null,
      mobileBroadband: null,
      inDigitalChannel: null,
      reachedByOutreach: null,
    },
    { actorId: null, at: t.clock.now.toISOString() },
  );
  return row.uid;
}

/** One row of the visit log, as the households feature's sync would write it. */
export async function addVisit(
  t: TestApp,
  visit: {
    householdUid: string;
    hamletId: number;
    visitorId: number;
    visitedAt: string;
    outcome: VisitOutcome;
  },
): Promise<void> {
  await t.db.db
    .insertInto('householdVisits')
    .values({
      uid: newRecordUid(),
      householdUid: visit.householdUid,
      hamletId: visit.hamletId,
      visitorId: visit.visitorId,
      visitedAt: visit.visitedAt,
      outcome: visit.outcome,
      support: '[]',
      note: null,
      clientId: null,
      createdAt: visit.visitedAt,
    })
    .execute();
}
