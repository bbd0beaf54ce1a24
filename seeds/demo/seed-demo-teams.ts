import type { Db } from '../../server/db/database.js';

/**
 * Gives Khu phố Khánh Long a community digital team (the hamlet head and the demo team member) and assigns the
 * team member every household of the hamlet, so the demo's door-to-door journey has a list to work through.
 */
export async function seedDemoTeams(handle: Db, hamletId: number, nowIso: string): Promise<void> {
  const users = await handle.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['tocns.khanhlong', 'truongkp.khanhlong'])
    .execute();
  const member = users.find((u) => u.username === 'tocns.khanhlong');
  if (!member) return;
  const households = await handle.db
    .selectFrom('households')
    .select('uid')
    .where('hamletId', '=', hamletId)
    .where('validTo', 'is', null)
    .execute();
  await handle.db.transaction().execute(async (trx) => {
    const { id: teamId } = await trx
      .insertInto('digitalTeams')
      .values({
        hamletId,
        decisionNo: '125/QĐ-UBND',
        decisionDate: '2024-03-12',
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('digitalTeamMembers')
      .values(users.map((u) => ({ teamId, userId: u.id, joinedAt: nowIso, leftAt: null })))
      .execute();
    if (households.length > 0) {
      await trx
        .insertInto('householdAssignments')
        .values(
          households.map((h) => ({
            householdUid: h.uid,
            hamletId,
            memberUserId: member.id,
            assignedBy: null,
            assignedAt: nowIso,
          })),
        )
        .execute();
    }
  });
}
