import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import type { Actor } from '../policies/actor.js';

export const SESSION_COOKIE = 'kps_session';
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Sessions are stored by the SHA-256 of their token, never by the token itself. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Loads the actor of a session token, or null when the session is unknown, expired or its user is disabled. */
export async function loadActor(handle: Db, token: string, nowIso: string): Promise<Actor | null> {
  const sessionId = hashSessionToken(token);
  const row = await handle.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.id',
      'users.username',
      'users.displayName',
      'users.role',
      'users.isActive',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.expiresAt <= nowIso || !row.isActive) return null;
  // Last activity lets an admin see stale sessions; writing it at most once a minute keeps reads from becoming writes.
  if (Date.parse(nowIso) - Date.parse(row.lastSeenAt) >= LAST_SEEN_RESOLUTION_MS) {
    await handle.db.updateTable('sessions').set({ lastSeenAt: nowIso }).where('id', '=', sessionId).execute();
  }
  const scopes = await handle.db
    .selectFrom('userScopes')
    .select('unitId')
    .where('userId', '=', row.id)
    .execute();
  const scopeUnitIds = scopes.map((s) => s.unitId);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeUnitIds,
    isUnlimited: row.role === 'city_admin' && scopeUnitIds.length === 0,
    sessionId,
  };
}

/** Decorates every request with `actor` (from the session cookie) before any route runs. */
export function registerAuth(app: FastifyInstance, handle: Db, now: () => Date): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    request.actor = token ? await loadActor(handle, token, now().toISOString()) : null;
  });
}
