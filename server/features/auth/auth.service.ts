import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { User } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { hashSessionToken } from '../../plugins/auth.js';
import type { Actor } from '../../policies/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findScopeUnits, findUserById } from '../users/users.repository.js';
import { isLockoutReached, lockEndsAt, lockMinutesRemaining } from '../../../domain/users/lockout.js';
import { isStrongPassword, MIN_PASSWORD_LENGTH } from '../../../domain/users/password-policy.js';
import { abilitiesForRole } from '../../../domain/users/roles.js';
import type { ChangePasswordInput, Locale, LoginInput, Me } from '../../../domain/users/schemas.js';
import * as repo from './auth.repository.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';

export interface AuthContext {
  now: Date;
  ip: string | null;
  userAgent?: string | null;
}

/** The logged-in user with their scope units and app-wide abilities. */
export async function loadMe(handle: Db, userId: number): Promise<Me> {
  const user = await findUserById(handle.db, userId);
  if (!user) throw new AppError('AUTH_REQUIRED');
  const scope = (await findScopeUnits(handle.db, [userId])).get(userId) ?? [];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale as Locale,
    mustChangePassword: user.mustChangePassword === 1,
    scope,
    abilities: abilitiesForRole(user.role),
  };
}

type FailureReason = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled';

/** Failed logins are audited on their own (committed) write, since the request itself ends in an error. */
async function auditFailure(
  handle: Db,
  ctx: AuthContext,
  username: string,
  user: User | undefined,
  reason: FailureReason,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(handle.db, {
    actor: null,
    action: 'session.login_failed',
    entity: 'session',
    entityId: null,
    after: { username, userId: user?.id ?? null, reason, ...extra },
    ip: ctx.ip,
    at: ctx.now.toISOString(),
  });
}

/**
 * Checks a username and password and opens a session. Returns the raw session token (for the cookie; only its
 * hash is stored) and the user. Unknown user and wrong password give the same error after the same work.
 * The fifth consecutive failure locks the account for LOCKOUT_MINUTES; while locked, even the right password is
 * refused with the minutes remaining.
 */
export async function login(
  handle: Db,
  input: LoginInput,
  ctx: AuthContext & { sessionTtlHours: number },
): Promise<{ token: string; expiresAt: string; me: Me }> {
  const nowIso = ctx.now.toISOString();
  const user = await repo.findUserByUsername(handle.db, input.username);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await auditFailure(handle, ctx, input.username, undefined, 'unknown_user');
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const lockedMinutes = lockMinutesRemaining(user.lockedUntil, ctx.now);
  if (lockedMinutes > 0) {
    await auditFailure(handle, ctx, input.username, user, 'locked');
    throw new AppError('AUTH_ACCOUNT_LOCKED', { minutes: lockedMinutes }, { minutes: lockedMinutes });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await handle.db.transaction().execute(async (trx) => {
      const failedAttempts = await repo.incrementFailedAttempts(trx, user.id, nowIso);
      const until = isLockoutReached(failedAttempts) ? lockEndsAt(ctx.now) : null;
      if (until) await repo.lockUser(trx, user.id, until);
      await recordAudit(trx, {
        actor: null,
        action: 'session.login_failed',
        entity: 'session',
        after: {
          username: user.username,
          userId: user.id,
          reason: 'wrong_password',
          failedAttempts,
          lockedUntil: until,
        },
        ip: ctx.ip,
        at: nowIso,
      });
      return until;
    });
    // The attempt that starts a lock says so at once, rather than letting the user find out on the next try.
    if (lockedUntil) {
      const minutes = lockMinutesRemaining(lockedUntil, ctx.now);
      throw new AppError('AUTH_ACCOUNT_LOCKED', { minutes }, { minutes });
    }
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  // Checked after the password, so a disabled account's existence is only revealed to someone who knows it.
  if (user.isActive !== 1) {
    await auditFailure(handle, ctx, input.username, user, 'disabled');
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashSessionToken(token);
  const expiresAt = new Date(ctx.now.getTime() + ctx.sessionTtlHours * 3_600_000).toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.clearLoginFailures(trx, user.id);
    await repo.deleteExpiredSessions(trx, user.id, nowIso);
    await repo.insertSession(trx, {
      id: sessionId,
      userId: user.id,
      createdAt: nowIso,
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    });
    await recordAudit(trx, {
      actor: user,
      action: 'session.login',
      entity: 'session',
      entityId: sessionId,
      after: { userId: user.id, expiresAt },
      ip: ctx.ip,
      at: nowIso,
    });
  });
  return { token, expiresAt, me: await loadMe(handle, user.id) };
}

/** Ends the actor's current session. Logging out without a session does nothing. */
export async function logout(handle: Db, actor: Actor | null, ctx: AuthContext): Promise<void> {
  if (!actor) return;
  await handle.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await recordAudit(trx, {
      actor,
      action: 'session.logout',
      entity: 'session',
      entityId: actor.sessionId,
      ip: ctx.ip,
      at: ctx.now.toISOString(),
    });
  });
}

/**
 * Changes the actor's own password after checking the current one. Every other session of the user ends (a
 * stolen session does not survive a password change), and the "must change password" flag is cleared.
 */
export async function changePassword(
  handle: Db,
  actor: Actor,
  input: ChangePasswordInput,
  ctx: AuthContext,
): Promise<void> {
  const user = await findUserById(handle.db, actor.id);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('AUTH_WRONG_PASSWORD', { field: 'body.currentPassword' });
  }
  if (!isStrongPassword(input.newPassword)) {
    throw new AppError('AUTH_WEAK_PASSWORD', { field: 'body.newPassword' }, { min: MIN_PASSWORD_LENGTH });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('AUTH_PASSWORD_UNCHANGED', { field: 'body.newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const nowIso = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, actor.id, passwordHash, nowIso);
    const revokedSessions = await repo.deleteOtherSessions(trx, actor.id, actor.sessionId);
    await recordAudit(trx, {
      actor,
      action: 'user.change_password',
      entity: 'user',
      entityId: actor.id,
      before: { mustChangePassword: user.mustChangePassword === 1 },
      after: { mustChangePassword: false, revokedSessions },
      ip: ctx.ip,
      at: nowIso,
    });
  });
}
