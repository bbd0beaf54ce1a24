import type { AssessmentResult } from '../criteria/results.js';

/*
 * Ranking and award proposal of an evaluation round (issue 5 §6; rule written up in docs/scoring.md). Pure: the
 * server passes the approved submissions' hamlet rows in and gets the ordered ranking and the award list back.
 */

export interface RankInput {
  hamletId: number;
  hamletName: string;
  wardId: number;
  wardName: string;
  met: number;
  applicable: number;
  meetsStandard: boolean;
  totalGap: number;
  /** ISO timestamp of the ward's approved submission (its last version). */
  submittedAt: string;
}

export interface RankRow extends RankInput {
  /** 1-based; hamlets tied on every key share a rank (1, 2, 2, 4). */
  rank: number;
}

export type AwardKind = 'excellent' | 'standard';

export interface AwardRow {
  hamletId: number;
  hamletName: string;
  wardName: string;
  award: AwardKind;
  /** A stable reason code; the report and the web turn it into words. */
  reason: 'top_ranked_full_standard' | 'full_standard';
}

/** Share of applicable criteria met, compared exactly (cross-multiplied) so 2/3 and 4/6 tie. 0/0 counts as 0. */
function compareShare(a: RankInput, b: RankInput): number {
  const left = a.applicable === 0 ? 0 : a.met * Math.max(b.applicable, 1);
  const right = b.applicable === 0 ? 0 : b.met * Math.max(a.applicable, 1);
  return right - left;
}

/**
 * Orders hamlets best first: the larger share of criteria met (met/applicable), then more criteria met, then the
 * smaller total gap, then the earlier submission. Hamlets equal on all four keys share a rank; the name only
 * fixes the printing order among them.
 */
export function compareRank(a: RankInput, b: RankInput): number {
  return (
    compareShare(a, b) ||
    b.met - a.met ||
    a.totalGap - b.totalGap ||
    (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0)
  );
}

export function rankHamlets(rows: readonly RankInput[]): RankRow[] {
  const sorted = [...rows].sort(
    (a, b) => compareRank(a, b) || a.hamletName.localeCompare(b.hamletName, 'vi') || a.hamletId - b.hamletId,
  );
  const out: RankRow[] = [];
  sorted.forEach((row, index) => {
    const previous = out[index - 1];
    const rank = previous && compareRank(previous, row) === 0 ? previous.rank : index + 1;
    out.push({ ...row, rank });
  });
  return out;
}

/**
 * The award proposal: every hamlet meeting 100% of the criteria gets the "standard" certificate (Khu phố chuyển đổi
 * số tiêu biểu); among those, the best-ranked (rank equal to the best rank held by a 100% hamlet) get "excellent"
 * instead. A hamlet below 100% gets nothing, whatever its rank.
 */
export function proposeAwards(ranking: readonly RankRow[]): AwardRow[] {
  const full = ranking.filter((r) => r.meetsStandard);
  if (full.length === 0) return [];
  const bestRank = Math.min(...full.map((r) => r.rank));
  return full.map((r) => ({
    hamletId: r.hamletId,
    hamletName: r.hamletName,
    wardName: r.wardName,
    award: r.rank === bestRank ? 'excellent' : 'standard',
    reason: r.rank === bestRank ? 'top_ranked_full_standard' : 'full_standard',
  }));
}

/**
 * The hamlet's total gap: the sum of the gaps of its counted (not hidden, applicable) criteria that are not met. Gaps
 * are in each criterion's own unit (people, households, wifi points…); the sum is a tie-breaker, not a measure. A
 * criterion whose gap cannot be said (not assessable) adds nothing here; it already loses a "met".
 */
export function totalGapOf(result: Pick<AssessmentResult, 'criteria'>): number {
  return result.criteria
    .filter((c) => !c.hidden && c.status === 'not_met' && c.gap !== null)
    .reduce((sum, c) => sum + (c.gap ?? 0), 0);
}
