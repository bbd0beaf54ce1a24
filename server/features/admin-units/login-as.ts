import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Role } from '../../db/tables.js';
import { hashSessionToken, SESSION_COOKIE } from '../../plugins/auth.js';

/*
 * Test helper (not a test file): a logged-in user made directly in the database, without the auth feature, so the
 * admin-units tests depend only on the session table's contract.
 */

let counter = 0;

/** Creates a user with `role` and scope, and a live session; returns the cookies to send with app.inject. */
export async function loginAs(
  handle: Db,
  role: Role,
  scopeUnitIds: number[] = [],
): Promise<Record<string, string>> {
  counter += 1;
  const at = new Date('2020-01-01T00:00:00Z').toISOString();
  const user = await handle.db
    .insertInto('users')
    .values({
      username: `${role}-${counter}-${randomBytes(3).toString('hex')}`,
      displayName: `Test ${role}`,
      passwordHash: 'not-a-real-hash',
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
  const userId = Number(user.id);
  if (scopeUnitIds.length > 0) {
    await handle.db
      .insertInto('userScopes')
      .values(scopeUnitIds.map((unitId) => ({ userId, unitId })))
      .execute();
  }
  const token = randomBytes(24).toString('base64url');
  await handle.db
    .insertInto('sessions')
    .values({
      id: hashSessionToken(token),
      userId,
      createdAt: at,
      expiresAt: '2999-01-01T00:00:00.000Z',
      lastSeenAt: at,
      ip: null,
      userAgent: null,
    })
    .execute();
  return { [SESSION_COOKIE]: token };
}
