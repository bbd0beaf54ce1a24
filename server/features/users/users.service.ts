import type { Db } from '../../db/database.js';
import type { User } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/passwords.js';
import { foldVietnamese } from '../../../domain/text/fold.js';
import { isStrongPassword, MIN_PASSWORD_LENGTH } from '../../../domain/users/password-policy.js';
import { lockMinutesRemaining } from '../../../domain/users/lockout.js';
import { roleNeedsScope, type RoleId } from '../../../domain/users/roles.js';
import {
  CreateUserInputSchema,
  ResetPasswordInputSchema,
  UpdateUserInputSchema,
  type CreateUserInput,
  type Locale,
  type ResetPasswordInput,
  type ScopeUnit,
  type UpdateUserInput,
  type UserList,
  type UserListQuery,
  type UserRecord,
} from '../../../domain/users/schemas.js';
import * as repo from './users.repository.js';
import {
  assertCanManageUsers,
  assertScopeWithinActor,
  canManageAccount,
  userAbilities,
  type UserActor,
} from './users.policy.js';

export interface UserContext {
  actor: UserActor;
  now: Date;
  ip?: string | null;
}

/** What the audit log keeps of an account: everything but secrets and login counters. */
function auditSnapshot(user: User, scopeUnitIds: number[]) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    isActive: user.isActive === 1,
    mustChangePassword: user.mustChangePassword === 1,
    scopeUnitIds,
  };
}

async function actorScopeOf(handle: Db, actor: UserActor): Promise<Set<number> | null> {
  return actor === null ? null : scopeUnitIds(handle, actor);
}

function toRecord(
  user: User,
  scope: ScopeUnit[],
  ctx: UserContext,
  actorScope: Set<number> | null,
): UserRecord {
  const scopeIds = scope.map((u) => u.id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale as Locale,
    isActive: user.isActive === 1,
    mustChangePassword: user.mustChangePassword === 1,
    locked: lockMinutesRemaining(user.lockedUntil, ctx.now) > 0,
    lockedUntil: user.lockedUntil,
    scope,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    abilities: userAbilities(ctx.actor, actorScope, { id: user.id, scopeUnitIds: scopeIds }),
  };
}

function assertStrong(password: string): void {
  if (!isStrongPassword(password))
    throw new AppError('AUTH_WEAK_PASSWORD', { field: 'password' }, { min: MIN_PASSWORD_LENGTH });
}

/**
 * Checks a scope about to be given: present when the role needs one, made of existing units, and inside the
 * actor's own subtree. A limited city admin cannot create an unlimited account (city_admin without scope).
 */
async function assertScopeAllowed(
  handle: Db,
  role: RoleId,
  unitIds: number[],
  actorScope: Set<number> | null,
  ctx: UserContext,
): Promise<void> {
  const wouldBeUnlimited = role === 'city_admin' && unitIds.length === 0;
  if ((roleNeedsScope(role) || (wouldBeUnlimited && actorScope !== null)) && unitIds.length === 0) {
    throw new AppError('SCOPE_REQUIRED', { field: 'body.scopeUnitIds' }, { role });
  }
  const existing = await repo.findExistingUnitIds(handle.db, unitIds);
  const unknown = unitIds.filter((id) => !existing.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.scopeUnitIds',
          issue: 'unknown_unit',
          message: `Unknown unit ids: ${unknown.join(', ')}`,
        },
      ],
      unknownUnitIds: unknown,
    });
  }
  if (ctx.actor !== null) assertScopeWithinActor(actorScope, unitIds);
}

async function loadRecord(
  handle: Db,
  id: number,
  ctx: UserContext,
  actorScope: Set<number> | null,
): Promise<UserRecord> {
  const user = await repo.findUserById(handle.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const scopes = await repo.findScopeUnits(handle.db, [id]);
  return toRecord(user, scopes.get(id) ?? [], ctx, actorScope);
}

/**
 * Creates an account. Used by POST /api/users and, with `actor: null`, by the CLI and seeds.
 * Unless given, `mustChangePassword` is true when a person chose the password for someone else.
 */
export async function createUser(handle: Db, input: CreateUserInput, ctx: UserContext): Promise<UserRecord> {
  assertCanManageUsers(ctx.actor);
  const parsed = CreateUserInputSchema.parse(input);
  assertStrong(parsed.password);
  const scopeIds = [...new Set(parsed.scopeUnitIds)];
  const actorScope = await actorScopeOf(handle, ctx.actor);
  await assertScopeAllowed(handle, parsed.role, scopeIds, actorScope, ctx);
  if (await repo.isUsernameTaken(handle.db, parsed.username)) {
    throw new AppError('USERNAME_TAKEN', { field: 'body.username' }, { username: parsed.username });
  }
  // Hashing takes tens of milliseconds; keep it outside the transaction.
  const passwordHash = await hashPassword(parsed.password);
  const at = ctx.now.toISOString();
  let id: number;
  try {
    id = await handle.db.transaction().execute(async (trx) => {
      const newId = await repo.insertUser(trx, {
        username: parsed.username,
        displayName: parsed.displayName,
        passwordHash,
        role: parsed.role,
        locale: parsed.locale,
        mustChangePassword: (parsed.mustChangePassword ?? ctx.actor !== null) ? 1 : 0,
        createdAt: at,
      });
      await repo.replaceUserScopes(trx, newId, scopeIds);
      const created = await repo.findUserById(trx, newId);
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'user.create',
        entity: 'user',
        entityId: newId,
        after: auditSnapshot(created!, scopeIds),
        ip: ctx.ip,
        at,
      });
      return newId;
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides, and the loser gets the coded error.
    if (!(error instanceof AppError) && (await repo.isUsernameTaken(handle.db, parsed.username))) {
      throw new AppError('USERNAME_TAKEN', { field: 'body.username' }, { username: parsed.username });
    }
    throw error;
  }
  return loadRecord(handle, id, ctx, actorScope);
}

/** Loads an account the actor may manage, or throws USER_NOT_FOUND / FORBIDDEN. */
async function loadManageable(handle: Db, id: number, ctx: UserContext, actorScope: Set<number> | null) {
  const user = await repo.findUserById(handle.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const scopeIds = ((await repo.findScopeUnits(handle.db, [id])).get(id) ?? []).map((u) => u.id);
  if (!canManageAccount(ctx.actor, actorScope, { scopeUnitIds: scopeIds })) throw new AppError('FORBIDDEN');
  return { user, scopeIds };
}

/**
 * Changes an account's name, role, scope, language or active flag. Disabling an account ends its sessions.
 * An admin cannot change their own role or disable themselves, so the city is never left without an admin by
 * accident.
 */
export async function updateUser(
  handle: Db,
  id: number,
  input: UpdateUserInput,
  ctx: UserContext,
): Promise<UserRecord> {
  assertCanManageUsers(ctx.actor);
  const parsed = UpdateUserInputSchema.parse(input);
  const actorScope = await actorScopeOf(handle, ctx.actor);
  const { user, scopeIds } = await loadManageable(handle, id, ctx, actorScope);
  const isSelf = ctx.actor?.id === id;
  if (isSelf && ((parsed.role !== undefined && parsed.role !== user.role) || parsed.isActive === false)) {
    throw new AppError('USER_SELF_CHANGE_FORBIDDEN');
  }
  const role = parsed.role ?? user.role;
  const nextScope = parsed.scopeUnitIds ? [...new Set(parsed.scopeUnitIds)] : scopeIds;
  if (parsed.role !== undefined || parsed.scopeUnitIds !== undefined) {
    await assertScopeAllowed(handle, role, nextScope, actorScope, ctx);
  }
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      displayName: parsed.displayName,
      role: parsed.role,
      locale: parsed.locale,
      isActive: parsed.isActive === undefined ? undefined : parsed.isActive ? 1 : 0,
      updatedAt: at,
    });
    if (parsed.scopeUnitIds) await repo.replaceUserScopes(trx, id, nextScope);
    if (parsed.isActive === false) await repo.deleteSessionsOfUser(trx, id);
    const updated = await repo.findUserById(trx, id);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: auditSnapshot(user, scopeIds),
      after: auditSnapshot(updated!, nextScope),
      ip: ctx.ip,
      at,
    });
  });
  return loadRecord(handle, id, ctx, actorScope);
}

/**
 * Sets a new password chosen by an admin: the user must change it at next login, any lockout is lifted, and
 * every session of the user ends. Admins change their own password through /api/auth/password.
 */
export async function resetPassword(
  handle: Db,
  id: number,
  input: ResetPasswordInput,
  ctx: UserContext,
): Promise<void> {
  assertCanManageUsers(ctx.actor);
  const parsed = ResetPasswordInputSchema.parse(input);
  const actorScope = await actorScopeOf(handle, ctx.actor);
  const { user, scopeIds } = await loadManageable(handle, id, ctx, actorScope);
  if (ctx.actor?.id === id) throw new AppError('USER_SELF_CHANGE_FORBIDDEN');
  if (!isStrongPassword(parsed.newPassword)) {
    throw new AppError('AUTH_WEAK_PASSWORD', { field: 'body.newPassword' }, { min: MIN_PASSWORD_LENGTH });
  }
  const passwordHash = await hashPassword(parsed.newPassword);
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      passwordHash,
      mustChangePassword: 1,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: at,
    });
    await repo.deleteSessionsOfUser(trx, id);
    const updated = await repo.findUserById(trx, id);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      before: { ...auditSnapshot(user, scopeIds), lockedUntil: user.lockedUntil },
      after: { ...auditSnapshot(updated!, scopeIds), lockedUntil: updated!.lockedUntil },
      ip: ctx.ip,
      at,
    });
  });
}

export async function getUser(handle: Db, id: number, ctx: UserContext): Promise<UserRecord> {
  assertCanManageUsers(ctx.actor);
  return loadRecord(handle, id, ctx, await actorScopeOf(handle, ctx.actor));
}

/** One page of accounts in creation order, optionally filtered by role and by a diacritic-insensitive text. */
export async function listUsers(handle: Db, query: UserListQuery, ctx: UserContext): Promise<UserList> {
  assertCanManageUsers(ctx.actor);
  const offset = (query.page - 1) * query.pageSize;
  let total: number;
  let pageIds: number[];
  const needle = query.q ? foldVietnamese(query.q) : '';
  if (needle) {
    const matches = (await repo.listUserNames(handle.db, query.role)).filter(
      (u) => foldVietnamese(u.username).includes(needle) || foldVietnamese(u.displayName).includes(needle),
    );
    total = matches.length;
    pageIds = matches.slice(offset, offset + query.pageSize).map((u) => u.id);
  } else {
    total = await repo.countUsers(handle.db, query.role);
    pageIds = await repo.listUserIds(handle.db, query.role, query.pageSize, offset);
  }
  const actorScope = await actorScopeOf(handle, ctx.actor);
  const users = new Map((await repo.findUsersByIds(handle.db, pageIds)).map((u) => [u.id, u]));
  const scopes = await repo.findScopeUnits(handle.db, pageIds);
  const items = pageIds.flatMap((id) => {
    const user = users.get(id);
    return user ? [toRecord(user, scopes.get(id) ?? [], ctx, actorScope)] : [];
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
