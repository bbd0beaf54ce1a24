import type { Role } from '../../db/tables.js';
import type { Actor } from '../../policies/actor.js';
import { AppError } from '../../errors.js';

/*
 * Who may record survey data (hamlet facts, wifi points): city admins, commune officers and hamlet heads, each
 * within their scope. Team members collect data door to door but do not certify hamlet facts; viewers only read.
 */
export const SURVEY_WRITER_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'hamlet_head'];

/** A hamlet as the survey policies see it. `isCurrent` is false once the unit has ended (merged, dissolved). */
export interface SurveyHamlet {
  id: number;
  inScope: boolean;
  isCurrent: boolean;
}

/** Whether the actor may change this hamlet's survey records. */
export function canWriteSurvey(actor: Actor, hamlet: SurveyHamlet): boolean {
  return SURVEY_WRITER_ROLES.includes(actor.role) && hamlet.inScope && hamlet.isCurrent;
}

/** Throws FORBIDDEN unless the actor's role records survey data; scope and unit checks come first, elsewhere. */
export function assertSurveyWriterRole(actor: Actor): void {
  if (!SURVEY_WRITER_ROLES.includes(actor.role)) throw new AppError('FORBIDDEN');
}

/** The abilities sent next to every survey record, so the web never re-implements the rule. */
export function surveyAbilities(actor: Actor, hamlet: SurveyHamlet): { canEdit: boolean } {
  return { canEdit: canWriteSurvey(actor, hamlet) };
}
