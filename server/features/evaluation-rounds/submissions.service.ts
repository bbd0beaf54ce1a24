import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/tables.js';
import { isUniqueViolation } from '../surveys/versioned.repository.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireActor, requireRole, type Actor } from '../../policies/actor.js';
import { assertUnitInScope } from '../../policies/scope.js';
import { recordAssessment } from '../assessments/assessments.service.js';
import { listPilots } from '../assessments/assessments.repository.js';
import type { AssessmentResult } from '../../../domain/criteria/index.js';
import { isPastDeadline } from '../../../domain/evaluation-rounds/deadline.js';
import { totalGapOf } from '../../../domain/evaluation-rounds/ranking.js';
import {
  EVIDENCE_MAX_BYTES,
  cleanEvidenceFilename,
  sniffEvidenceType,
} from '../../../domain/evaluation-rounds/evidence-type.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { formatDateVi } from '../../../domain/text/format.js';
import * as repo from './evaluation-rounds.repository.js';
import {
  auditRound,
  loadRound,
  roundDetail,
  visibleWardIds,
  type RoundContext,
} from './evaluation-rounds.service.js';

/** The round and the ward, checking the ward takes part (404) and, for officers, is theirs (403). */
async function loadRoundWard(handle: Db, actor: Actor, roundId: number, wardId: number) {
  const round = await loadRound(handle, roundId);
  const wardIds = await repo.roundWardIds(handle.db, roundId);
  if (!wardIds.includes(wardId)) throw new AppError('ROUND_WARD_NOT_IN_ROUND');
  if (actor.role === 'commune_officer') await assertUnitInScope(handle, actor, wardId);
  return round;
}

async function submissionView(handle: Db, ctx: RoundContext, roundId: number, wardId: number) {
  const { round } = await roundDetail(handle, ctx, roundId);
  return round.wards.find((w) => w.wardId === wardId)!.submission;
}

/**
 * A ward officer submits the ward's pilot hamlets: one immutable assessment snapshot per pilot, on the round's date
 * with the round's criteria set. A first submission must come by the deadline; a returned one may be resubmitted
 * while the round is open (the city returned it, so it expects the fix even after the deadline).
 */
export async function submitWard(
  handle: Db,
  ctx: RoundContext,
  roundId: number,
  wardId: number,
  note: string | undefined,
) {
  const actor = requireRole(ctx.actor, 'commune_officer');
  const round = await loadRoundWard(handle, actor, roundId, wardId);
  if (round.status !== 'open') throw new AppError('ROUND_NOT_OPEN', {}, { status: round.status });
  const existing = await repo.findSubmission(handle.db, roundId, wardId);
  if (existing && existing.status !== 'returned')
    throw new AppError('ROUND_ALREADY_SUBMITTED', { status: existing.status }, { status: existing.status });
  if (isoDateInVietnam(ctx.now) < round.assessmentDate)
    throw new AppError('ROUND_NOT_STARTED', {}, { date: formatDateVi(round.assessmentDate) });
  if (!existing && isPastDeadline(round.deadline, ctx.now))
    throw new AppError(
      'ROUND_DEADLINE_PASSED',
      { deadline: round.deadline },
      { date: formatDateVi(round.deadline) },
    );
  const pilots = await listPilots(handle.db, wardId);
  if (pilots.length === 0) throw new AppError('ROUND_NO_PILOT_HAMLETS');

  // Snapshots are stored by the assessments feature in their own transactions (on SQLite a second handle inside
  // ours would wait forever); a snapshot is idempotent, so a failure below leaves at most a reusable snapshot.
  const hamlets: Array<FrozenHamletRow & { assessmentId: number; hamletId: number }> = [];
  for (const pilot of pilots) {
    const { snapshot } = await recordAssessment(handle, ctx, {
      unitId: pilot.hamletId,
      date: round.assessmentDate,
      criteriaSetId: round.criteriaSetId,
    });
    const stored = snapshot.result as { kind: 'hamlet'; result: AssessmentResult };
    hamlets.push({
      hamletId: pilot.hamletId,
      assessmentId: snapshot.id,
      met: snapshot.met,
      applicable: snapshot.applicable,
      meetsStandard: snapshot.meetsStandard ? 1 : 0,
      totalGap: totalGapOf(stored.result),
    });
  }
  const at = ctx.now.toISOString();
  await saveSubmission(handle, actor, { roundId, wardId, existing, note, hamlets, at });
  return submissionView(handle, ctx, roundId, wardId);
}

type FrozenHamletRow = Omit<Insertable<Database['evaluationRoundHamlets']>, 'submissionId'>;

/** Writes the submission, its frozen hamlets and the audit entry; a concurrent first submission loses with 409. */
async function saveSubmission(
  handle: Db,
  actor: Actor,
  input: {
    roundId: number;
    wardId: number;
    existing: Awaited<ReturnType<typeof repo.findSubmission>>;
    note: string | undefined;
    hamlets: FrozenHamletRow[];
    at: string;
  },
) {
  const { roundId, wardId, existing, note, hamlets, at } = input;
  try {
    await handle.db.transaction().execute(async (trx) => {
      let submissionId: number;
      if (existing) {
        const moved = await repo.transitionSubmission(trx, existing.id, 'returned', {
          status: 'submitted',
          version: existing.version + 1,
          note: note ?? null,
          submittedAt: at,
          submittedBy: actor.id,
        });
        if (!moved) throw new AppError('ROUND_ALREADY_SUBMITTED', {}, { status: 'submitted' });
        submissionId = existing.id;
      } else {
        const again = await repo.findSubmission(trx, roundId, wardId);
        if (again)
          throw new AppError('ROUND_ALREADY_SUBMITTED', { status: again.status }, { status: again.status });
        submissionId = await repo.insertSubmission(trx, {
          roundId,
          wardId,
          status: 'submitted',
          version: 1,
          note: note ?? null,
          submittedAt: at,
          submittedBy: actor.id,
          reviewedAt: null,
          reviewedBy: null,
          reviewComment: null,
        });
      }
      await repo.replaceSubmissionHamlets(trx, submissionId, hamlets);
      await auditRound(
        trx,
        actor,
        roundId,
        existing ? 'round.resubmit' : 'round.submit',
        {
          wardId,
          submissionId,
          version: existing ? existing.version + 1 : 1,
          comment: note ?? null,
          hamlets: hamlets.map((h) => ({ hamletId: h.hamletId, assessmentId: h.assessmentId })),
        },
        at,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ROUND_ALREADY_SUBMITTED', { status: 'submitted' }, { status: 'submitted' });
    throw error;
  }
}

async function review(
  handle: Db,
  ctx: RoundContext,
  roundId: number,
  wardId: number,
  decision: 'returned' | 'approved',
  comment: string | undefined,
) {
  const actor = requireRole(ctx.actor, 'city_admin');
  const round = await loadRoundWard(handle, actor, roundId, wardId);
  if (round.status === 'published') throw new AppError('ROUND_ALREADY_PUBLISHED');
  const submission = await repo.findSubmission(handle.db, roundId, wardId);
  const status = submission?.status ?? 'none';
  if (!submission || submission.status !== 'submitted')
    throw new AppError('ROUND_SUBMISSION_NOT_PENDING', { status }, { status });
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const moved = await repo.transitionSubmission(trx, submission.id, 'submitted', {
      status: decision,
      reviewedAt: at,
      reviewedBy: actor.id,
      reviewComment: comment ?? null,
    });
    if (!moved) throw new AppError('ROUND_SUBMISSION_NOT_PENDING', { status }, { status });
    await auditRound(
      trx,
      actor,
      roundId,
      decision === 'approved' ? 'round.approve' : 'round.return',
      { wardId, submissionId: submission.id, version: submission.version, comment: comment ?? null },
      at,
    );
  });
  return submissionView(handle, ctx, roundId, wardId);
}

export const returnSubmission = (h: Db, c: RoundContext, r: number, w: number, comment: string) => {
  if (comment.trim().length < 5) throw new AppError('ROUND_COMMENT_REQUIRED', { field: 'comment' });
  return review(h, c, r, w, 'returned', comment.trim());
};
export const approveSubmission = (h: Db, c: RoundContext, r: number, w: number, comment?: string) =>
  review(h, c, r, w, 'approved', comment?.trim() || undefined);

/** Evidence may change only while the ward has not submitted, or after a return, and while the round is open. */
async function assertEvidenceEditable(handle: Db, actor: Actor, roundId: number, wardId: number) {
  const round = await loadRoundWard(handle, actor, roundId, wardId);
  if (round.status !== 'open') throw new AppError('ROUND_NOT_OPEN', {}, { status: round.status });
  const submission = await repo.findSubmission(handle.db, roundId, wardId);
  if (submission && submission.status !== 'returned') throw new AppError('ROUND_SUBMISSION_LOCKED');
}

export async function addEvidence(
  handle: Db,
  ctx: RoundContext,
  roundId: number,
  wardId: number,
  readFile: () => Promise<{ filename: string; content: Buffer }>,
) {
  const actor = requireRole(ctx.actor, 'commune_officer');
  await assertEvidenceEditable(handle, actor, roundId, wardId);
  const file = await readFile();
  if (file.content.length > EVIDENCE_MAX_BYTES) throw evidenceTooLarge();
  if (file.content.length === 0) throw new AppError('EVIDENCE_FILE_REQUIRED', { field: 'file' });
  const mime = sniffEvidenceType(file.content);
  if (!mime) throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', { field: 'file', filename: file.filename });
  const filename = cleanEvidenceFilename(file.filename, mime);
  const at = ctx.now.toISOString();
  const id = await handle.db.transaction().execute(async (trx) => {
    const evidenceId = await repo.insertEvidence(trx, {
      roundId,
      wardId,
      filename,
      mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploadedAt: at,
      uploadedBy: actor.id,
    });
    await auditRound(
      trx,
      actor,
      roundId,
      'round.evidence_add',
      { wardId, evidenceId, filename, mime, size: file.content.length },
      at,
    );
    return evidenceId;
  });
  return { id, filename, mime, size: file.content.length, uploadedAt: at };
}

export function evidenceTooLarge() {
  const limit = EVIDENCE_MAX_BYTES / (1024 * 1024);
  return new AppError('EVIDENCE_TOO_LARGE', { field: 'file', limitBytes: EVIDENCE_MAX_BYTES }, { limit });
}

export async function removeEvidence(
  handle: Db,
  ctx: RoundContext,
  roundId: number,
  wardId: number,
  evidenceId: number,
) {
  const actor = requireRole(ctx.actor, 'commune_officer');
  await assertEvidenceEditable(handle, actor, roundId, wardId);
  const evidence = await repo.findEvidence(handle.db, roundId, evidenceId);
  if (!evidence || evidence.wardId !== wardId) throw new AppError('EVIDENCE_NOT_FOUND');
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await repo.deleteEvidence(trx, evidenceId);
    await auditRound(
      trx,
      actor,
      roundId,
      'round.evidence_remove',
      { wardId, evidenceId, filename: evidence.filename },
      at,
    );
  });
  return { ok: true as const };
}

/** The file itself, for those who may see the ward (city admins, viewers, the ward's officer). */
export async function downloadEvidence(handle: Db, ctx: RoundContext, roundId: number, evidenceId: number) {
  const actor = requireActor(ctx.actor);
  await loadRound(handle, roundId);
  const evidence = await repo.findEvidence(handle.db, roundId, evidenceId);
  if (!evidence) throw new AppError('EVIDENCE_NOT_FOUND');
  await visibleWardIds(handle, actor, [evidence.wardId]);
  const content = await repo.readEvidenceContent(handle.db, evidenceId);
  if (!content) throw new AppError('EVIDENCE_NOT_FOUND');
  // Decisions and photos may name or show people: every read is logged (not shown in the round's timeline).
  await auditRound(
    handle.db,
    actor,
    roundId,
    'round.evidence_download',
    { wardId: evidence.wardId, evidenceId },
    ctx.now.toISOString(),
  );
  return { ...evidence, content };
}
