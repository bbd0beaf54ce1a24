import type { Role } from '../../db/tables.js';
import type { Actor } from '../../policies/actor.js';
import { AppError } from '../../errors.js';
import type { SurveyHamlet } from '../surveys/surveys.policy.js';

/*
 * Who may change a hamlet's community digital team. The team is set up by a decision of the commune chairman
 * (DOMAIN.md §1), so only the ward's officer (or a city admin) records it and its members; the hamlet head, who
 * leads the team on the ground, may also share out the households among its members.
 */
export const TEAM_EDITOR_ROLES: readonly Role[] = ['city_admin', 'commune_officer'];
export const ASSIGNER_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'hamlet_head'];

/** Whether the actor may change the team and its members (the hamlet was checked in scope by the loader). */
export function canEditTeam(actor: Actor, hamlet: SurveyHamlet): boolean {
  return TEAM_EDITOR_ROLES.includes(actor.role) && hamlet.inScope && hamlet.isCurrent;
}

/** Whether the actor may assign households of the hamlet to team members. */
export function canAssign(actor: Actor, hamlet: SurveyHamlet): boolean {
  return ASSIGNER_ROLES.includes(actor.role) && hamlet.inScope && hamlet.isCurrent;
}

export function assertCanEditTeam(actor: Actor): void {
  if (!TEAM_EDITOR_ROLES.includes(actor.role)) throw new AppError('FORBIDDEN');
}

export function assertCanAssign(actor: Actor): void {
  if (!ASSIGNER_ROLES.includes(actor.role)) throw new AppError('FORBIDDEN');
}
