import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { SURVEY_WRITER_ROLES } from '../surveys/surveys.policy.js';
import { findUnitForSurvey } from '../surveys/surveys.repository.js';

/*
 * Who may read and record households. Writers are the survey writers (city admin, commune officer, hamlet head)
 * within their scope, plus team members (issue 4): for the households assigned to them, and for any household of
 * a hamlet in their scope (they also register new households there). Viewers read within their scope. An ended
 * hamlet's households are history: nobody writes them.
 */

export interface HouseholdHamlet {
  id: number;
  inScope: boolean;
  isCurrent: boolean;
}

/** The hamlet with the actor's relation to it; 404 UNIT_NOT_FOUND, 400 SURVEY_UNIT_NOT_HAMLET. No scope check. */
export async function loadHouseholdHamlet(
  handle: Db,
  actor: Actor,
  hamletId: number,
  now: Date,
): Promise<HouseholdHamlet> {
  const unit = await findUnitForSurvey(handle.db, hamletId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  const scope = await scopeUnitIds(handle, actor);
  const inScope = scope === null || scope.has(unit.id);
  // Checked only within scope, so that a unit outside it reveals nothing but "not yours".
  if (inScope && unit.level !== 'hamlet')
    throw new AppError('SURVEY_UNIT_NOT_HAMLET', { unitId: unit.id, level: unit.level });
  return { id: unit.id, inScope, isCurrent: unit.validTo === null || unit.validTo >= isoDateInVietnam(now) };
}

const isWriter = (actor: Actor) => SURVEY_WRITER_ROLES.includes(actor.role);

export function canReadHousehold(actor: Actor, hamlet: HouseholdHamlet, assignedTo: number | null): boolean {
  return hamlet.inScope || (actor.role === 'team_member' && assignedTo === actor.id);
}

export function canEditHousehold(actor: Actor, hamlet: HouseholdHamlet, assignedTo: number | null): boolean {
  if (!hamlet.isCurrent) return false;
  if (isWriter(actor)) return hamlet.inScope;
  if (actor.role !== 'team_member') return false;
  return hamlet.inScope || assignedTo === actor.id;
}

/** Registering a new household: any writer or team member whose scope holds the (current) hamlet. */
export function canCreateHousehold(actor: Actor, hamlet: HouseholdHamlet): boolean {
  return hamlet.inScope && hamlet.isCurrent && (isWriter(actor) || actor.role === 'team_member');
}

/** 403 UNIT_NOT_IN_SCOPE when the actor may not read; used before any household data is loaded. */
export function assertCanRead(actor: Actor, hamlet: HouseholdHamlet, assignedTo: number | null): void {
  if (!canReadHousehold(actor, hamlet, assignedTo)) throw new AppError('UNIT_NOT_IN_SCOPE');
}

/** 403 for a role or scope that may not write; 400 for an ended hamlet. */
export function assertCanEdit(
  actor: Actor,
  hamlet: HouseholdHamlet,
  assignedTo: number | null,
  now: Date,
): void {
  assertCanRead(actor, hamlet, assignedTo);
  if (!hamlet.isCurrent)
    throw new AppError('UNIT_NOT_VALID_ON_DATE', { unitId: hamlet.id }, { date: isoDateInVietnam(now) });
  if (!canEditHousehold(actor, hamlet, assignedTo)) throw new AppError('FORBIDDEN');
}
