import { describe, expect, it } from 'vitest';
import { compareRank, proposeAwards, rankHamlets, totalGapOf, type RankInput } from './ranking.js';
import type { CriterionResult } from '../criteria/results.js';

const row = (hamletId: number, over: Partial<RankInput> = {}): RankInput => ({
  hamletId,
  hamletName: `Khu phố ${hamletId}`,
  wardId: 1,
  wardName: 'Phường Tân Khánh',
  met: 10,
  applicable: 15,
  meetsStandard: false,
  totalGap: 50,
  submittedAt: '2025-09-20T03:00:00.000Z',
  ...over,
});
const order = (rows: RankInput[]) => rankHamlets(rows).map((r) => r.hamletId);

describe('ranking tie-break rule', () => {
  it('puts the larger share of criteria met first', () => {
    expect(
      order([row(1, { met: 9 }), row(2, { met: 12 }), row(3, { met: 15, meetsStandard: true })]),
    ).toEqual([3, 2, 1]);
  });

  it('compares shares exactly, then more criteria met: 14/14 beats 14/15, 10/12 beats 5/6 on the count', () => {
    expect(order([row(1, { met: 14, applicable: 15 }), row(2, { met: 14, applicable: 14 })])).toEqual([2, 1]);
    expect(order([row(1, { met: 5, applicable: 6 }), row(2, { met: 10, applicable: 12 })])).toEqual([2, 1]);
  });

  it('breaks a tie on met by the smaller total gap', () => {
    expect(order([row(1, { totalGap: 80 }), row(2, { totalGap: 12 }), row(3, { totalGap: 40 })])).toEqual([
      2, 3, 1,
    ]);
  });

  it('breaks a tie on met and gap by the earlier submission', () => {
    const later = row(1, { submittedAt: '2025-09-25T01:00:00.000Z' });
    const earlier = row(2, { submittedAt: '2025-09-21T08:30:00.000Z' });
    expect(order([later, earlier])).toEqual([2, 1]);
    expect(compareRank(earlier, later)).toBeLessThan(0);
  });

  it('gives hamlets equal on every key the same rank and skips the next (1, 2, 2, 4)', () => {
    const ranked = rankHamlets([
      row(1, { met: 15, applicable: 15, meetsStandard: true }),
      row(2),
      row(3),
      row(4, { met: 2 }),
    ]);
    expect(ranked.map((r) => [r.hamletId, r.rank])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 4],
    ]);
  });

  it('ranks a hamlet with no applicable criteria last instead of dividing by zero', () => {
    expect(order([row(1, { met: 0, applicable: 0, totalGap: 0 }), row(2, { met: 1 })])).toEqual([2, 1]);
  });

  it('does not change the input order array', () => {
    const input = [row(1, { met: 1 }), row(2, { met: 2 })];
    rankHamlets(input);
    expect(input.map((r) => r.hamletId)).toEqual([1, 2]);
  });
});

describe('award proposal', () => {
  it('gives "excellent" to the best-ranked 100% hamlets and "standard" to the other 100% hamlets', () => {
    const ranking = rankHamlets([
      row(1, {
        met: 15,
        applicable: 15,
        meetsStandard: true,
        totalGap: 0,
        submittedAt: '2025-09-22T00:00:00Z',
      }),
      row(2, {
        met: 15,
        applicable: 15,
        meetsStandard: true,
        totalGap: 0,
        submittedAt: '2025-09-21T00:00:00Z',
      }),
      row(3, { met: 14, applicable: 14, meetsStandard: true, totalGap: 0 }),
      row(4, { met: 13 }),
    ]);
    expect(proposeAwards(ranking).map((a) => [a.hamletId, a.award, a.reason])).toEqual([
      [2, 'excellent', 'top_ranked_full_standard'],
      [1, 'standard', 'full_standard'],
      [3, 'standard', 'full_standard'],
    ]);
  });

  it('gives "excellent" to every hamlet sharing the best rank', () => {
    const ranking = rankHamlets([
      row(1, { met: 15, applicable: 15, meetsStandard: true, totalGap: 0 }),
      row(2, { met: 15, applicable: 15, meetsStandard: true, totalGap: 0 }),
    ]);
    expect(proposeAwards(ranking).map((a) => a.award)).toEqual(['excellent', 'excellent']);
  });

  it('proposes nothing when no hamlet meets every criterion, whatever the ranking', () => {
    expect(proposeAwards(rankHamlets([row(1, { met: 14 }), row(2)]))).toEqual([]);
  });
});

describe('total gap', () => {
  const criterion = (over: Partial<CriterionResult>): CriterionResult => ({
    code: 'X',
    group: 'A' as CriterionResult['group'],
    kind: 'ratio',
    hidden: false,
    status: 'not_met',
    value: null,
    percent: null,
    target: null,
    unknown: 0,
    gap: 0,
    gapUnit: 'residents' as CriterionResult['gapUnit'],
    ...over,
  });

  it('adds the gaps of the counted criteria that are not met', () => {
    expect(
      totalGapOf({
        criteria: [
          criterion({ gap: 42 }),
          criterion({ gap: 3 }),
          criterion({ status: 'met', gap: 0 }),
          criterion({ hidden: true, gap: 100 }),
          criterion({ status: 'not_assessable', gap: null }),
        ],
      }),
    ).toBe(45);
  });
});
