import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/tables.js';

type Q = Kysely<Database>;

export async function findUserByUsername(db: Q, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Counts one more failed login in a single statement, so that parallel attempts cannot overwrite each other's
 * count. Returns the new count.
 */
export async function incrementFailedAttempts(db: Q, userId: number, nowIso: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1), updatedAt: nowIso }))
    .where('id', '=', userId)
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  return Number(row.failedAttempts);
}

/** Starts a lock and restarts the count, so that after the lock the user again has the full number of tries. */
export async function lockUser(db: Q, userId: number, lockedUntil: string): Promise<void> {
  await db.updateTable('users').set({ lockedUntil, failedAttempts: 0 }).where('id', '=', userId).execute();
}

export async function clearLoginFailures(db: Q, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedAttempts: 0, lockedUntil: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failedAttempts', '!=', 0), eb('lockedUntil', 'is not', null)]))
    .execute();
}

export async function setPassword(
  db: Q,
  userId: number,
  passwordHash: string,
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash, mustChangePassword: 0, updatedAt: nowIso })
    .where('id', '=', userId)
    .execute();
}

export interface NewSession {
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Q, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...session, lastSeenAt: session.createdAt })
    .execute();
}

export async function deleteSession(db: Q, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Housekeeping at each login: a user's expired sessions are useless rows. */
export async function deleteExpiredSessions(db: Q, userId: number, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).where('expiresAt', '<=', nowIso).execute();
}

/** Ends every session of the user except the one given; returns how many ended. */
export async function deleteOtherSessions(db: Q, userId: number, keepSessionId: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
