import type { Actor } from '../../policies/actor.js';
import { requireRole } from '../../policies/actor.js';
import { AppError } from '../../errors.js';
import type { UserAbilities } from '../../../domain/users/schemas.js';

/** The acting person, or null for the system (CLI, seeds), which may do anything. */
export type UserActor = Actor | null;

/** Only city admins manage accounts; the system (null actor) always may. */
export function assertCanManageUsers(actor: UserActor): void {
  if (actor !== null) requireRole(actor, 'city_admin');
}

/**
 * Whether the actor may change this account. A city admin limited to part of the tree manages only the accounts
 * whose every scope unit lies inside their own subtree, and never an unlimited account (empty scope).
 * `actorScope` comes from scopeUnitIds (null = unlimited).
 */
export function canManageAccount(
  actor: UserActor,
  actorScope: Set<number> | null,
  target: { scopeUnitIds: number[] },
): boolean {
  if (actor === null) return true;
  if (actor.role !== 'city_admin') return false;
  if (actorScope === null) return true;
  return target.scopeUnitIds.length > 0 && target.scopeUnitIds.every((id) => actorScope.has(id));
}

/** What the actor may do to one account; own-account changes go through /api/auth/password instead. */
export function userAbilities(
  actor: UserActor,
  actorScope: Set<number> | null,
  target: { id: number; scopeUnitIds: number[] },
): UserAbilities {
  const canManage = canManageAccount(actor, actorScope, target);
  const isSelf = actor !== null && actor.id === target.id;
  return { canEdit: canManage, canResetPassword: canManage && !isSelf, canDisable: canManage && !isSelf };
}

/** Throws unless every unit given as scope lies within the actor's own subtree. */
export function assertScopeWithinActor(actorScope: Set<number> | null, unitIds: number[]): void {
  if (actorScope === null) return;
  if (unitIds.some((id) => !actorScope.has(id))) throw new AppError('UNIT_NOT_IN_SCOPE');
}
