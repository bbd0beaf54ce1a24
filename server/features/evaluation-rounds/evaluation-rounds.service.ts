import type { Db } from '../../db/database.js';
import type { RoundStatus } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { requireActor, requireRole, type Actor } from '../../policies/actor.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCriteriaSet } from '../criteria-sets/criteria-sets.repository.js';
import { findUnitOn, findUnit } from '../assessments/assessments.repository.js';
import { isPastDeadline } from '../../../domain/evaluation-rounds/deadline.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { formatDateVi } from '../../../domain/text/format.js';
import type { CreateRoundInput } from '../../../domain/evaluation-rounds/round-input.js';
import * as repo from './evaluation-rounds.repository.js';
import { userNames } from '../surveys/versioned.repository.js';

export interface RoundContext {
  actor: Actor | null;
  now: Date;
}

export const ROUND_ENTITY = 'evaluation_round';

/** Audit actions that make up a round's timeline, and the timeline kind each one shows as. */
export const TIMELINE_KINDS = {
  'round.open': 'opened',
  'round.submit': 'submitted',
  'round.resubmit': 'resubmitted',
  'round.return': 'returned',
  'round.approve': 'approved',
  'round.close': 'closed',
  'round.publish': 'published',
  'round.evidence_add': 'evidence_added',
  'round.evidence_remove': 'evidence_removed',
} as const;
export type TimelineAction = keyof typeof TIMELINE_KINDS;

export async function auditRound(
  db: Db['db'],
  actor: Actor,
  roundId: number,
  action: TimelineAction | 'round.report' | 'round.evidence_download',
  after: Record<string, unknown>,
  at: string,
) {
  await recordAudit(db, { actor, action, entity: ROUND_ENTITY, entityId: roundId, after, at });
}

export async function loadRound(handle: Db, roundId: number) {
  const round = await repo.findRound(handle.db, roundId);
  if (!round) throw new AppError('ROUND_NOT_FOUND');
  return round;
}

/**
 * Which of the round's wards the actor may see: all for city admins and viewers, the wards in scope for a commune
 * officer (403 when none), nothing for other roles (403).
 */
export async function visibleWardIds(handle: Db, actor: Actor, wardIds: number[]): Promise<number[]> {
  if (actor.role === 'city_admin' || actor.role === 'viewer') return wardIds;
  if (actor.role !== 'commune_officer') throw new AppError('FORBIDDEN');
  const scope = await scopeUnitIds(handle, actor);
  const visible = scope === null ? wardIds : wardIds.filter((id) => scope.has(id));
  if (visible.length === 0) throw new AppError('UNIT_NOT_IN_SCOPE');
  return visible;
}

/**
 * Opens a round. The deadline may not fall before the assessment date: a ward submits its hamlets as they stood on
 * the assessment date, so a deadline earlier than that day would leave no day on which a submission is possible.
 */
export async function createRound(handle: Db, ctx: RoundContext, input: CreateRoundInput) {
  const actor = requireRole(ctx.actor, 'city_admin');
  if (input.deadline < input.assessmentDate)
    throw new AppError(
      'ROUND_DEADLINE_BEFORE_ASSESSMENT',
      { field: 'deadline', assessmentDate: input.assessmentDate },
      { date: formatDateVi(input.assessmentDate) },
    );
  const set = await findCriteriaSet(handle.db, input.criteriaSetId);
  if (!set) throw new AppError('CRITERIA_SET_NOT_FOUND', { field: 'criteriaSetId' });
  if (set.status !== 'published')
    throw new AppError('ROUND_CRITERIA_SET_NOT_PUBLISHED', { field: 'criteriaSetId' });
  const wardIds = [...new Set(input.wardIds)];
  const scope = await scopeUnitIds(handle, actor);
  for (const unitId of wardIds) {
    const unit = await findUnit(handle.db, unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { field: 'wardIds', unitId });
    if (scope && !scope.has(unitId)) throw new AppError('UNIT_NOT_IN_SCOPE', { field: 'wardIds', unitId });
    if (unit.level !== 'commune')
      throw new AppError('ROUND_UNIT_NOT_WARD', { field: 'wardIds', unitId }, { unitId });
    if (!(await findUnitOn(handle.db, unitId, input.assessmentDate)))
      throw new AppError(
        'UNIT_NOT_VALID_ON_DATE',
        { field: 'wardIds', unitId },
        { date: formatDateVi(input.assessmentDate) },
      );
  }
  const at = ctx.now.toISOString();
  const id = await handle.db.transaction().execute(async (trx) => {
    const roundId = await repo.insertRound(trx, {
      name: input.name,
      assessmentDate: input.assessmentDate,
      criteriaSetId: input.criteriaSetId,
      deadline: input.deadline,
      status: 'open',
      createdBy: actor.id,
      createdAt: at,
      closedAt: null,
      publishedAt: null,
    });
    await repo.insertRoundWards(trx, roundId, wardIds);
    await auditRound(trx, actor, roundId, 'round.open', { ...input, wardIds }, at);
    return roundId;
  });
  return roundDetail(handle, ctx, id);
}

async function summaries(handle: Db, rounds: repo.RoundRow[]) {
  const counts = await repo.roundCounts(
    handle.db,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    assessmentDate: r.assessmentDate,
    criteriaSetId: r.criteriaSetId,
    criteriaSetName: r.criteriaSetName,
    deadline: r.deadline,
    status: r.status,
    ...(counts.get(r.id) ?? { wardCount: 0, submittedCount: 0, approvedCount: 0 }),
    createdAt: r.createdAt,
  }));
}

export async function listRounds(handle: Db, ctx: RoundContext) {
  const actor = requireActor(ctx.actor);
  let wardFilter: number[] | null = null;
  if (actor.role === 'commune_officer') {
    const scope = await scopeUnitIds(handle, actor);
    wardFilter = scope === null ? null : [...scope];
  } else if (actor.role !== 'city_admin' && actor.role !== 'viewer') {
    throw new AppError('FORBIDDEN');
  }
  return { items: await summaries(handle, await repo.listRounds(handle.db, wardFilter)) };
}

function canAcceptSubmissions(status: RoundStatus): boolean {
  return status === 'open';
}

/** The round with its wards (a commune officer sees only its own), submissions, evidence, timeline and abilities. */
export async function roundDetail(handle: Db, ctx: RoundContext, roundId: number) {
  const actor = requireActor(ctx.actor);
  const round = await loadRound(handle, roundId);
  const allWards = await repo.roundWardIds(handle.db, roundId);
  const wardIds = await visibleWardIds(handle, actor, allWards);
  const [summary] = await summaries(handle, [round]);
  const submissions = (await repo.listSubmissions(handle.db, roundId)).filter((s) =>
    wardIds.includes(s.wardId),
  );
  const hamletRows = await repo.listSubmissionHamlets(
    handle.db,
    submissions.map((s) => s.id),
  );
  const evidence = (await repo.listEvidence(handle.db, roundId)).filter((e) => wardIds.includes(e.wardId));
  const names = await repo.unitNamesOn(
    handle.db,
    [...allWards, ...hamletRows.map((h) => h.hamletId)],
    round.assessmentDate,
  );
  const reviewerNames = await userNames(
    handle.db,
    submissions.map((s) => s.reviewedBy),
  );

  const wards = wardIds
    .map((wardId) => {
      const s = submissions.find((x) => x.wardId === wardId);
      return {
        wardId,
        wardName: names.get(wardId) ?? String(wardId),
        submission: s
          ? {
              id: s.id,
              status: s.status,
              version: s.version,
              note: s.note,
              submittedAt: s.submittedAt,
              submittedByName: s.submittedByName ?? null,
              reviewedAt: s.reviewedAt,
              reviewedByName: s.reviewedBy === null ? null : (reviewerNames.get(s.reviewedBy) ?? null),
              reviewComment: s.reviewComment,
              hamlets: hamletRows
                .filter((h) => h.submissionId === s.id)
                .map((h) => ({
                  hamletId: h.hamletId,
                  hamletName: names.get(h.hamletId) ?? String(h.hamletId),
                  assessmentId: h.assessmentId,
                  met: h.met,
                  applicable: h.applicable,
                  meetsStandard: h.meetsStandard === 1,
                  totalGap: h.totalGap,
                })),
              evidence: evidenceOf(evidence, wardId),
            }
          : null,
        // Evidence can be gathered before the first submission, so it is listed with the ward too.
        evidence: evidenceOf(evidence, wardId),
      };
    })
    .sort((a, b) => a.wardName.localeCompare(b.wardName, 'vi'));

  const timeline = (await repo.roundAuditEntries(handle.db, roundId))
    .filter((e) => e.action in TIMELINE_KINDS)
    .map((e) => {
      const after = e.after ? (JSON.parse(e.after) as { wardId?: number; comment?: string | null }) : {};
      const wardId = typeof after.wardId === 'number' ? after.wardId : null;
      return {
        at: e.at,
        kind: TIMELINE_KINDS[e.action as TimelineAction],
        actorName: e.displayName ?? e.actorName,
        wardId,
        wardName: wardId === null ? null : (names.get(wardId) ?? String(wardId)),
        comment: after.comment ?? null,
      };
    })
    .filter((e) => e.wardId === null || wardIds.includes(e.wardId));

  const open = canAcceptSubmissions(round.status);
  const today = isoDateInVietnam(ctx.now);
  const canSubmitWardIds =
    actor.role === 'commune_officer' && open && today >= round.assessmentDate
      ? wards
          .filter((w) => {
            const status = w.submission?.status ?? null;
            if (status === null) return !isPastDeadline(round.deadline, ctx.now);
            return status === 'returned';
          })
          .map((w) => w.wardId)
      : [];
  const isAdmin = actor.role === 'city_admin';
  return {
    round: {
      ...summary,
      closedAt: round.closedAt,
      publishedAt: round.publishedAt,
      wards,
      timeline,
      canSubmitWardIds,
      canReview: isAdmin && round.status !== 'published',
      canPublish: isAdmin && round.status !== 'published' && summary.approvedCount > 0,
    },
  };
}

function evidenceOf(
  rows: Array<{
    id: number;
    wardId: number;
    filename: string;
    mime: string;
    size: number;
    uploadedAt: string;
  }>,
  wardId: number,
) {
  return rows
    .filter((e) => e.wardId === wardId)
    .map((e) => ({ id: e.id, filename: e.filename, mime: e.mime, size: e.size, uploadedAt: e.uploadedAt }));
}

/** Closes a round early: no more submissions, reviews still allowed. */
export async function closeRound(handle: Db, ctx: RoundContext, roundId: number) {
  const actor = requireRole(ctx.actor, 'city_admin');
  const round = await loadRound(handle, roundId);
  if (round.status !== 'open') throw new AppError('ROUND_NOT_OPEN', {}, { status: round.status });
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.updateRound(trx, roundId, { status: 'closed', closedAt: at });
    await auditRound(trx, actor, roundId, 'round.close', {}, at);
  });
  return roundDetail(handle, ctx, roundId);
}

/** Publishes the results: needs one approved ward at least; wards not approved stay out of the ranking. */
export async function publishRound(handle: Db, ctx: RoundContext, roundId: number) {
  const actor = requireRole(ctx.actor, 'city_admin');
  const round = await loadRound(handle, roundId);
  if (round.status === 'published') throw new AppError('ROUND_ALREADY_PUBLISHED');
  const submissions = await repo.listSubmissions(handle.db, roundId);
  const approved = submissions.filter((s) => s.status === 'approved').map((s) => s.wardId);
  if (approved.length === 0) throw new AppError('ROUND_NOTHING_APPROVED');
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.updateRound(trx, roundId, { status: 'published', publishedAt: at });
    await auditRound(trx, actor, roundId, 'round.publish', { approvedWardIds: approved }, at);
  });
  return roundDetail(handle, ctx, roundId);
}
