import { newRecordUid } from '../../db/uid.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { teamDecisionEvidence } from '../../../domain/surveys/teams.js';
import { recordAudit } from '../audit/record-audit.js';
import { changedFields } from '../surveys/record-changes.js';
import type { SurveyContext } from '../surveys/survey-hamlet.js';
import { findCurrentFact } from '../surveys/surveys.repository.js';
import { insertVersion, updateVersion, type RecordFields } from '../surveys/versioned.repository.js';

export const DIGITAL_TEAM_FACT = 'digitalTeam';

type FactFields = Omit<RecordFields<'hamletFacts'>, 'hamletId' | 'factKey'>;

/**
 * Keeps the hamlet fact `digitalTeam` (read by criterion AWR-2, "the hamlet has an active team, with evidence")
 * in step with the team: once the founding decision is recorded the fact is yes, with the decision as evidence and
 * the current members' names. Runs inside the caller's transaction; a fact already holding these values is left
 * alone, so no empty version is recorded.
 */
export async function syncDigitalTeamFact(
  trx: Kysely<Database>,
  ctx: SurveyContext,
  hamletId: number,
  team: { decisionNo: string | null; decisionDate: string | null },
  memberNames: string[],
): Promise<void> {
  if (team.decisionNo === null || team.decisionDate === null) return;
  const fields: FactFields = {
    valueBool: 1,
    valueNum: null,
    evidence: teamDecisionEvidence(team.decisionNo, team.decisionDate),
    decisionNo: team.decisionNo,
    decisionDate: team.decisionDate,
    members: memberNames.length > 0 ? JSON.stringify(memberNames) : null,
  };
  const at = ctx.now.toISOString();
  const meta = { actorId: ctx.actor.id, at, note: null };
  const current = await findCurrentFact(trx, hamletId, DIGITAL_TEAM_FACT);
  if (current && Object.keys(changedFields<FactFields>(current, fields)).length === 0) return;
  const written = current
    ? await updateVersion(trx, 'hamletFacts', current.uid, fields, meta)
    : {
        before: undefined,
        after: await insertVersion(
          trx,
          'hamletFacts',
          newRecordUid(),
          { ...fields, hamletId, factKey: DIGITAL_TEAM_FACT },
          meta,
        ),
      };
  if (!written) return;
  await recordAudit(trx, {
    actor: ctx.actor,
    action: current ? 'hamlet_fact.update' : 'hamlet_fact.create',
    entity: 'hamlet_fact',
    entityId: written.after.uid,
    before: written.before && { ...written.before, members: memberNamesOf(written.before.members) },
    after: { ...written.after, members: memberNamesOf(written.after.members) },
    ip: ctx.ip ?? null,
    at,
  });
}

function memberNamesOf(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
