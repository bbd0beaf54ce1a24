import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { foldVietnamese } from '../../../domain/text/fold.js';
import type { AssignmentInput } from '../../../domain/surveys/teams.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import { assertCanAssign } from './digital-teams.policy.js';
import {
  currentHouseholdStreets,
  deleteAssignment,
  findAssignments,
  isCurrentTeamMember,
  replaceAssignments,
} from './digital-teams.repository.js';

/** The uids an assignment request names: the listed ones (all must be current households here), or a street's. */
function pickHouseholds(
  households: Array<{ uid: string; street: string | null }>,
  input: AssignmentInput,
): string[] {
  if (input.street !== undefined) {
    const wanted = foldVietnamese(input.street);
    return households
      .filter((h) => h.street !== null && foldVietnamese(h.street) === wanted)
      .map((h) => h.uid);
  }
  const known = new Set(households.map((h) => h.uid));
  const uids = [...new Set(input.householdUids ?? [])];
  const unknown = uids.filter((uid) => !known.has(uid));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.householdUids',
          issue: 'not_in_hamlet',
          message: 'These households are not current households of the hamlet',
          uids: unknown.slice(0, 20),
        },
      ],
    });
  }
  return uids;
}

/**
 * Assigns households of a hamlet to one current member of its team, by hand-picked uids or by street (matched
 * ignoring case and diacritics). A household already assigned passes to the new member. Audit-logged with who
 * held each household before.
 */
export async function assignHouseholds(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  input: AssignmentInput,
) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  assertCanAssign(ctx.actor);
  if (!(await isCurrentTeamMember(handle.db, hamlet.id, input.memberUserId))) {
    throw new AppError('ASSIGNEE_NOT_TEAM_MEMBER', { userId: input.memberUserId });
  }
  const uids = pickHouseholds(await currentHouseholdStreets(handle.db, hamlet.id), input);
  if (uids.length === 0) return { assigned: 0 };
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const previous = await findAssignments(trx, uids);
    await replaceAssignments(trx, {
      hamletId: hamlet.id,
      householdUids: uids,
      memberUserId: input.memberUserId,
      assignedBy: ctx.actor.id,
      at,
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'household_assignment.assign',
      entity: 'hamlet',
      entityId: hamlet.id,
      before: previous.map((p) => ({ householdUid: p.householdUid, memberUserId: p.memberUserId })),
      after: { memberUserId: input.memberUserId, street: input.street ?? null, householdUids: uids },
      ip: ctx.ip ?? null,
      at,
    });
  });
  return { assigned: uids.length };
}

/** Takes a household off its member's list; 404 when it was not assigned. */
export async function unassignHousehold(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  householdUid: string,
) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  assertCanAssign(ctx.actor);
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const removed = await deleteAssignment(trx, hamlet.id, householdUid);
    if (!removed) throw new AppError('ASSIGNMENT_NOT_FOUND');
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'household_assignment.unassign',
      entity: 'hamlet',
      entityId: hamlet.id,
      before: { householdUid, memberUserId: removed.memberUserId },
      ip: ctx.ip ?? null,
      at,
    });
  });
}
