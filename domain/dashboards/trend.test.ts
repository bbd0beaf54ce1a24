import { describe, expect, it } from 'vitest';
import { compileCriteriaSet, evaluateHamlet, type CounterValues } from '../criteria/index.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { buildTrend, type HamletSnapshot } from './trend.js';

const compile = (_setId: number, date: string) => compileCriteriaSet(CRITERIA_TAN_UYEN_2023, date);
const skl1 = compile(1, '2025-01-31').criteria.find((c) => c.code === 'SKL-1')!.counters as {
  den: string;
  yes: string;
  no: string;
};

let nextId = 1;
function snapshot(
  hamletId: number,
  date: string,
  yes: number,
  den: number,
  computedAt = '2026-01-01T00:00:00Z',
) {
  const counters: CounterValues = { [skl1.den]: den, [skl1.yes]: yes, [skl1.no]: den - yes };
  const result = evaluateHamlet(compile(1, date), counters, {});
  return {
    id: nextId++,
    hamletId,
    assessmentDate: date,
    criteriaSetId: 1,
    computedAt,
    result,
    counters,
  } satisfies HamletSnapshot;
}
const percentOf = (point: { criteria: Array<{ code: string; percent: number | null }> }) =>
  point.criteria.find((c) => c.code === 'SKL-1')!.percent;

describe('buildTrend', () => {
  it('sums the counters of the hamlets per date (never averages their percentages), sorted by date', () => {
    const points = buildTrend(
      [snapshot(1, '2025-02-28', 9, 10), snapshot(2, '2025-02-28', 1, 90), snapshot(1, '2025-01-31', 5, 10)],
      compile,
    );
    expect(points.map((p) => p.date)).toEqual(['2025-01-31', '2025-02-28']);
    expect(points[1]!.hamlets).toBe(2);
    // (9 + 1) / (10 + 90) = 10%, where the mean of 90% and 1.1% would be about 45.6%.
    expect(percentOf(points[1]!)).toBe(10);
    expect(points[0]!.criteria.find((c) => c.code === 'SKL-1')!.status).toBe('not_met');
  });

  it('takes only the latest snapshot of a hamlet on a date', () => {
    const points = buildTrend(
      [
        snapshot(1, '2025-03-31', 2, 10, '2025-04-01T00:00:00Z'),
        snapshot(1, '2025-03-31', 10, 10, '2025-04-02T00:00:00Z'),
      ],
      compile,
    );
    expect(points).toHaveLength(1);
    expect(points[0]!.hamlets).toBe(1);
    expect(percentOf(points[0]!)).toBe(100);
    expect(points[0]!.criteria.find((c) => c.code === 'SKL-1')!.hamletsMet).toBe(1);
  });

  it('gives the share of hamlets meeting the standard in percent', () => {
    const points = buildTrend(
      [snapshot(1, '2025-01-31', 10, 10), snapshot(2, '2025-01-31', 10, 10)],
      compile,
    );
    // No facts were given, so no hamlet meets every criterion.
    expect(points[0]!.hamletsMeetingStandard).toBe(0);
    expect(points[0]!.shareMeetingStandard).toBe(0);
  });
});
