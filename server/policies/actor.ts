import type { Role } from '../db/tables.js';
import { AppError } from '../errors.js';

/** The logged-in user as every policy and service sees them. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Units the user was given; they see these units and everything below them. Empty for city admins with no limit. */
  scopeUnitIds: number[];
  /** True when the scope is the whole tree (city_admin with no explicit scope). */
  isUnlimited: boolean;
  sessionId: string;
}

export const ROLES = [
  'city_admin',
  'commune_officer',
  'hamlet_head',
  'team_member',
  'viewer',
] as const satisfies readonly Role[];

/** Throws AUTH_REQUIRED when nobody is logged in; otherwise returns the actor. */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError('AUTH_REQUIRED');
  return actor;
}

/** Throws FORBIDDEN unless the actor has one of the roles. */
export function requireRole(actor: Actor | null | undefined, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) throw new AppError('FORBIDDEN');
  return a;
}
