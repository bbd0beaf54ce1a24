import { newRecordUid } from '../../db/uid.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { recordAudit } from '../audit/record-audit.js';
import type { SurveyContext } from '../surveys/survey-hamlet.js';
import { findCurrentFact } from '../surveys/surveys.repository.js';
import { insertVersion, updateVersion } from '../surveys/versioned.repository.js';
import { trainingAttendeesOfHamlet } from './outreach-sessions.repository.js';

/**
 * The hamlet fact a criteria set reads for SKL-4 in its "count" form (DOMAIN.md §2: residents coached in basic
 * digital skills, "count or / adults"): the total attendees of training sessions that served the hamlet. The
 * per-person form reads the residents' digitalSkillsCoached flag, recorded on the door-to-door survey instead.
 */
export const TRAINING_ATTENDEES_FACT = 'trainingAttendees';

/** Recomputes the fact for one hamlet inside the caller's transaction; unchanged values record no version. */
export async function syncTrainingAttendeesFact(
  trx: Kysely<Database>,
  ctx: SurveyContext,
  hamletId: number,
  sessionId: number,
): Promise<void> {
  const total = await trainingAttendeesOfHamlet(trx, hamletId);
  const current = await findCurrentFact(trx, hamletId, TRAINING_ATTENDEES_FACT);
  if (current && current.valueNum !== null && Number(current.valueNum) === total) return;
  const at = ctx.now.toISOString();
  const meta = { actorId: ctx.actor.id, at, note: `outreach_session:${sessionId}` };
  const fields = {
    valueBool: null,
    valueNum: total,
    evidence: null,
    decisionNo: null,
    decisionDate: null,
    members: null,
  };
  const written = current
    ? await updateVersion(trx, 'hamletFacts', current.uid, fields, meta)
    : {
        before: undefined,
        after: await insertVersion(
          trx,
          'hamletFacts',
          newRecordUid(),
          { ...fields, hamletId, factKey: TRAINING_ATTENDEES_FACT },
          meta,
        ),
      };
  if (!written) return;
  await recordAudit(trx, {
    actor: ctx.actor,
    action: current ? 'hamlet_fact.update' : 'hamlet_fact.create',
    entity: 'hamlet_fact',
    entityId: written.after.uid,
    before: written.before,
    after: written.after,
    ip: ctx.ip ?? null,
    at,
  });
}
