import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { assertSurveyWriterRole, type SurveyHamlet } from './surveys.policy.js';
import { findUnitForSurvey } from './surveys.repository.js';

/** What every survey use case receives from its route. */
export interface SurveyContext {
  actor: Actor;
  now: Date;
  ip?: string | null;
}

/**
 * Loads the hamlet a survey request is about and applies the checks every survey operation starts with:
 * it exists (404 UNIT_NOT_FOUND), it is in the actor's scope (403 UNIT_NOT_IN_SCOPE), it is a hamlet-level unit
 * (400 SURVEY_UNIT_NOT_HAMLET); and for a write, the actor's role records survey data (403 FORBIDDEN) and the
 * hamlet still exists today (400 UNIT_NOT_VALID_ON_DATE: an ended unit's records are history).
 */
export async function loadSurveyHamlet(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  purpose: 'read' | 'write',
): Promise<SurveyHamlet> {
  const unit = await findUnitForSurvey(handle.db, hamletId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  const scope = await scopeUnitIds(handle, ctx.actor);
  if (scope && !scope.has(unit.id)) throw new AppError('UNIT_NOT_IN_SCOPE');
  if (unit.level !== 'hamlet')
    throw new AppError('SURVEY_UNIT_NOT_HAMLET', { unitId: unit.id, level: unit.level });
  const today = isoDateInVietnam(ctx.now);
  const hamlet: SurveyHamlet = {
    id: unit.id,
    inScope: true,
    isCurrent: unit.validTo === null || unit.validTo >= today,
  };
  if (purpose === 'write') {
    assertSurveyWriterRole(ctx.actor);
    if (!hamlet.isCurrent) throw new AppError('UNIT_NOT_VALID_ON_DATE', { unitId: unit.id }, { date: today });
  }
  return hamlet;
}
