import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { OutreachSessionInput } from '../../../domain/surveys/teams.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import { canWriteSurvey } from '../surveys/surveys.policy.js';
import { updateVersion } from '../surveys/versioned.repository.js';
import {
  currentHouseholdsIn,
  insertSession,
  linkHamlets,
  linkHouseholds,
  listSessionsOfHamlet,
  sessionHamlets,
  sessionHouseholds,
} from './outreach-sessions.repository.js';
import { syncTrainingAttendeesFact } from './training-fact.js';

/** The sessions that served a hamlet, latest first, each with every hamlet and household it reached. */
export async function listSessions(handle: Db, ctx: SurveyContext, hamletId: number) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const rows = await listSessionsOfHamlet(handle.db, hamlet.id);
  const ids = rows.map((r) => r.id);
  const hamlets = await sessionHamlets(handle.db, ids);
  const households = await sessionHouseholds(handle.db, ids);
  const canEdit = canWriteSurvey(ctx.actor, hamlet);
  return {
    items: rows.map((r) => ({
      ...r,
      hamletIds: hamlets.filter((h) => h.sessionId === r.id).map((h) => h.hamletId),
      householdUids: households.filter((h) => h.sessionId === r.id).map((h) => h.householdUid),
      abilities: { canEdit },
    })),
    abilities: { canCreate: canEdit },
  };
}

/**
 * Records an outreach, training or support-day session for the hamlet of the URL and any further hamlets (each
 * checked like the first: in scope, current, writer role). Households reached get reachedByOutreach = yes as a
 * new version (AWR-1), each audit-logged; a training session updates the hamlets' trainingAttendees fact (SKL-4).
 * All in one transaction.
 */
export async function createSession(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  input: OutreachSessionInput,
) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  const hamletIds = [...new Set([hamlet.id, ...(input.hamletIds ?? [])])];
  for (const id of hamletIds.slice(1)) await loadSurveyHamlet(handle, ctx, id, 'write');
  const uids = [...new Set(input.householdUids ?? [])];
  const households = uids.length > 0 ? await currentHouseholdsIn(handle.db, hamletIds, uids) : [];
  const found = new Set(households.map((h) => h.uid));
  const unknown = uids.filter((uid) => !found.has(uid));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.householdUids',
          issue: 'not_in_hamlets',
          message: "These households are not current households of the session's hamlets",
          uids: unknown.slice(0, 20),
        },
      ],
    });
  }
  const at = ctx.now.toISOString();
  const session = await handle.db.transaction().execute(async (trx) => {
    const created = await insertSession(trx, {
      heldOn: input.heldOn,
      kind: input.kind,
      topic: input.topic,
      attendees: input.attendees,
      createdBy: ctx.actor.id,
      createdAt: at,
    });
    await linkHamlets(trx, created.id, hamletIds);
    if (uids.length > 0) await linkHouseholds(trx, created.id, uids);
    const meta = { actorId: ctx.actor.id, at, note: `outreach_session:${created.id}` };
    for (const household of households) {
      if (household.reachedByOutreach === 1) continue;
      const result = await updateVersion(trx, 'households', household.uid, { reachedByOutreach: 1 }, meta);
      if (!result) throw new AppError('SURVEY_WRITE_CONFLICT');
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'household.reached_by_outreach',
        entity: 'household',
        entityId: household.uid,
        before: { reachedByOutreach: result.before.reachedByOutreach, validFrom: result.before.validFrom },
        after: { reachedByOutreach: 1, validFrom: result.after.validFrom, outreachSessionId: created.id },
        ip: ctx.ip ?? null,
        at,
      });
    }
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'outreach_session.create',
      entity: 'outreach_session',
      entityId: created.id,
      after: { ...created, hamletIds, householdUids: uids },
      ip: ctx.ip ?? null,
      at,
    });
    if (created.kind === 'training') {
      for (const id of hamletIds) await syncTrainingAttendeesFact(trx, ctx, id, created.id);
    }
    return created;
  });
  return {
    ...session,
    createdByName: ctx.actor.displayName,
    hamletIds,
    householdUids: uids,
    abilities: { canEdit: true },
  };
}
