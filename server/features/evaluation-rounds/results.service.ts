import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../policies/actor.js';
import { findSnapshotById } from '../assessments/assessments.repository.js';
import type { AssessmentResult } from '../../../domain/criteria/index.js';
import type { WardReportHamlet } from './report-model.js';
import {
  proposeAwards,
  rankHamlets,
  type AwardRow,
  type RankRow,
} from '../../../domain/evaluation-rounds/ranking.js';
import * as repo from './evaluation-rounds.repository.js';
import { loadRound, visibleWardIds, type RoundContext } from './evaluation-rounds.service.js';

export interface RoundResults {
  published: boolean;
  ranking: RankRow[];
  awards: AwardRow[];
  excludedWards: Array<{ wardId: number; wardName: string; status: 'none' | 'submitted' | 'returned' }>;
}

/**
 * The ranking over the approved submissions' pilot hamlets and the award proposal. Before publication only a city
 * admin sees it (as a preview); afterwards every signed-in user does: it holds aggregate results only.
 */
export async function roundResults(handle: Db, ctx: RoundContext, roundId: number): Promise<RoundResults> {
  const actor = requireActor(ctx.actor);
  const round = await loadRound(handle, roundId);
  const published = round.status === 'published';
  if (!published && actor.role !== 'city_admin') throw new AppError('ROUND_NOT_PUBLISHED');
  const wardIds = await repo.roundWardIds(handle.db, roundId);
  const submissions = await repo.listSubmissions(handle.db, roundId);
  const approved = submissions.filter((s) => s.status === 'approved');
  const hamlets = await repo.listSubmissionHamlets(
    handle.db,
    approved.map((s) => s.id),
  );
  const names = await repo.unitNamesOn(
    handle.db,
    [...wardIds, ...hamlets.map((h) => h.hamletId)],
    round.assessmentDate,
  );
  const ranking = rankHamlets(
    hamlets.map((h) => {
      const s = approved.find((x) => x.id === h.submissionId)!;
      return {
        hamletId: h.hamletId,
        hamletName: names.get(h.hamletId) ?? String(h.hamletId),
        wardId: s.wardId,
        wardName: names.get(s.wardId) ?? String(s.wardId),
        met: h.met,
        applicable: h.applicable,
        meetsStandard: h.meetsStandard === 1,
        totalGap: h.totalGap,
        submittedAt: s.submittedAt,
      };
    }),
  );
  const excludedWards = wardIds
    .filter((id) => !approved.some((s) => s.wardId === id))
    .map((wardId) => {
      const s = submissions.find((x) => x.wardId === wardId);
      return {
        wardId,
        wardName: names.get(wardId) ?? String(wardId),
        status: (s?.status ?? 'none') as 'none' | 'submitted' | 'returned',
      };
    })
    .sort((a, b) => a.wardName.localeCompare(b.wardName, 'vi'));
  return { published, ranking, awards: proposeAwards(ranking), excludedWards };
}

/** One ward's frozen hamlet results with every criterion, for the ward report; scoped like the round detail. */
export async function wardReportData(handle: Db, ctx: RoundContext, roundId: number, wardId: number) {
  const actor = requireActor(ctx.actor);
  const round = await loadRound(handle, roundId);
  const wardIds = await repo.roundWardIds(handle.db, roundId);
  if (!wardIds.includes(wardId)) throw new AppError('ROUND_WARD_NOT_IN_ROUND');
  await visibleWardIds(handle, actor, [wardId]);
  const submission = await repo.findSubmission(handle.db, roundId, wardId);
  const rows = submission ? await repo.listSubmissionHamlets(handle.db, [submission.id]) : [];
  const names = await repo.unitNamesOn(
    handle.db,
    [wardId, ...rows.map((r) => r.hamletId)],
    round.assessmentDate,
  );
  const hamlets: WardReportHamlet[] = [];
  for (const row of rows) {
    const snapshot = await findSnapshotById(handle.db, row.assessmentId);
    const stored = snapshot?.result as { kind: 'hamlet'; result: AssessmentResult } | undefined;
    hamlets.push({
      hamletId: row.hamletId,
      hamletName: names.get(row.hamletId) ?? String(row.hamletId),
      rank: null,
      met: row.met,
      applicable: row.applicable,
      meetsStandard: row.meetsStandard === 1,
      totalGap: row.totalGap,
      criteria: (stored?.result.criteria ?? []).filter((c) => !c.hidden),
    });
  }
  return {
    round,
    wardName: names.get(wardId) ?? String(wardId),
    submissionStatus: submission?.status ?? null,
    hamlets,
  };
}
