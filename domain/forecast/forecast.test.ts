import { describe, expect, it } from 'vitest';
import type { AssessmentResult, CriterionResult } from '../criteria/results.js';
import {
  forecastCriterion,
  forecastFromSnapshots,
  forecastMonth,
  latestPerDate,
  leastSquaresSlope,
} from './forecast.js';

const gte80 = { comparator: 'gte' as const, value: 80 };

describe('leastSquaresSlope', () => {
  it('is the slope per day of a straight line, and null when every point has the same date', () => {
    expect(
      leastSquaresSlope([
        { date: '2026-01-01', value: 10 },
        { date: '2026-01-11', value: 20 },
        { date: '2026-01-21', value: 30 },
      ]),
    ).toBeCloseTo(1, 10);
    expect(
      leastSquaresSlope([
        { date: '2026-01-01', value: 10 },
        { date: '2026-01-01', value: 20 },
      ]),
    ).toBeNull();
  });

  it('fits noisy points by least squares, not by the two ends', () => {
    // The two ends alone would give 1 per day; the least-squares line through all four gives 6/5.
    const slope = leastSquaresSlope([
      { date: '2026-01-01', value: 0 },
      { date: '2026-01-02', value: 0 },
      { date: '2026-01-03', value: 3 },
      { date: '2026-01-04', value: 3 },
    ]);
    expect(slope).toBeCloseTo(1.2, 10);
  });
});

describe('forecastCriterion', () => {
  it('says met when the latest snapshot meets the target, whatever the trend', () => {
    expect(forecastCriterion([{ date: '2026-01-01', value: 90 }], gte80, true)).toEqual({ kind: 'met' });
  });

  it('cannot measure a pace from one snapshot', () => {
    expect(forecastCriterion([{ date: '2026-01-01', value: 50 }], gte80, false)).toEqual({
      kind: 'insufficient_data',
      points: 1,
    });
  });

  it('treats several snapshots of one date as one point', () => {
    const points = [
      { date: '2026-01-01', value: 50 },
      { date: '2026-01-01', value: 55 },
    ];
    expect(latestPerDate(points)).toEqual([{ date: '2026-01-01', value: 55 }]);
    expect(forecastCriterion(points, gte80, false).kind).toBe('insufficient_data');
  });

  it('says no progress for a flat series', () => {
    const f = forecastCriterion(
      [
        { date: '2026-01-01', value: 50 },
        { date: '2026-02-01', value: 50 },
        { date: '2026-03-01', value: 50 },
      ],
      gte80,
      false,
    );
    expect(f).toEqual({ kind: 'no_progress', slopePerMonth: 0, points: 3 });
  });

  it('says no progress for a decreasing series', () => {
    const f = forecastCriterion(
      [
        { date: '2026-01-01', value: 60 },
        { date: '2026-02-01', value: 55 },
      ],
      gte80,
      false,
    );
    expect(f.kind).toBe('no_progress');
    if (f.kind === 'no_progress') expect(f.slopePerMonth).toBeLessThan(0);
  });

  it('projects from the latest value at the fitted pace', () => {
    // +1 point of percentage per day; 20 points to go from 01/03/2026: reached on 21/03/2026.
    const f = forecastCriterion(
      [
        { date: '2026-02-19', value: 50 },
        { date: '2026-02-24', value: 55 },
        { date: '2026-03-01', value: 60 },
      ],
      gte80,
      false,
    );
    expect(f).toMatchObject({ kind: 'eta', date: '2026-03-21', points: 3 });
    if (f.kind === 'eta') expect(forecastMonth(f.date)).toBe('03/2026');
  });

  it('counts a falling value as progress towards an "at most" target', () => {
    const f = forecastCriterion(
      [
        { date: '2026-01-01', value: 12 },
        { date: '2026-01-11', value: 10 },
      ],
      { comparator: 'lte', value: 4 },
      false,
    );
    expect(f).toMatchObject({ kind: 'eta', date: '2026-02-10' });
    const away = forecastCriterion(
      [
        { date: '2026-01-01', value: 10 },
        { date: '2026-01-11', value: 12 },
      ],
      { comparator: 'lte', value: 4 },
      false,
    );
    expect(away.kind).toBe('no_progress');
  });

  it('uses only the last snapshots of the window, so an old stall does not hide a recent push', () => {
    const history = [
      { date: '2025-01-01', value: 40 },
      { date: '2025-02-01', value: 40 },
      { date: '2025-03-01', value: 40 },
      { date: '2025-04-01', value: 40 },
      { date: '2026-01-01', value: 40 },
      { date: '2026-01-11', value: 50 },
      { date: '2026-01-21', value: 60 },
    ];
    expect(forecastCriterion(history, gte80, false, 3)).toMatchObject({ kind: 'eta', date: '2026-02-10' });
    expect(forecastCriterion(history, gte80, false, 7).kind).toBe('eta');
  });

  it('has nothing to project for a yes/no target or no values', () => {
    expect(forecastCriterion([{ date: '2026-01-01', value: 1 }], null, false)).toEqual({
      kind: 'not_numeric',
    });
    expect(forecastCriterion([], gte80, false)).toEqual({ kind: 'not_numeric' });
  });
});

function ratio(code: string, numerator: number, denominator: number, met: boolean): CriterionResult {
  return {
    code,
    group: 'skills',
    kind: 'ratio',
    hidden: false,
    status: met ? 'met' : 'not_met',
    value: { numerator, denominator },
    percent: denominator ? (numerator / denominator) * 100 : null,
    target: { comparator: 'gte', percent: 80 },
    unknown: 0,
    gap: null,
    gapUnit: 'people',
  };
}

function snapshot(date: string, criteria: CriterionResult[]): { date: string; result: AssessmentResult } {
  return {
    date,
    result: {
      setCode: 's',
      version: 1,
      assessmentDate: date,
      criteria,
      groups: [],
      overall: { met: 0, notMet: 0, notAssessable: 0, applicable: 0, meetsStandard: false },
    },
  };
}

describe('forecastFromSnapshots', () => {
  it('builds one series per criterion code, in date order, and forecasts each', () => {
    const out = forecastFromSnapshots([
      snapshot('2026-03-01', [ratio('SKL-3', 60, 100, false), ratio('AWR-1', 90, 100, true)]),
      snapshot('2026-02-19', [ratio('SKL-3', 50, 100, false), ratio('AWR-1', 70, 100, false)]),
      snapshot('2026-02-24', [ratio('SKL-3', 55, 100, false)]),
    ]);
    const skl3 = out.find((c) => c.code === 'SKL-3')!;
    expect(skl3.history.map((p) => p.value)).toEqual([50, 55, 60]);
    expect(skl3.forecast).toMatchObject({ kind: 'eta', date: '2026-03-21' });
    expect(skl3.target).toEqual(gte80);
    expect(out.find((c) => c.code === 'AWR-1')!.forecast).toEqual({ kind: 'met' });
  });

  it('returns nothing without snapshots', () => {
    expect(forecastFromSnapshots([])).toEqual([]);
  });
});
