import { describe, expect, it } from 'vitest';
import { compileCriteriaSet } from '../criteria/index.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { monthEnds, progressShare, scaleYesCounters } from './simulated-history.js';

describe('monthEnds', () => {
  it('lists month ends strictly before today, across a year end and February', () => {
    expect(monthEnds('2024-11', '2025-03-01')).toEqual([
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
    ]);
    expect(monthEnds('2024-02', '2024-02-29')).toEqual([]);
    expect(monthEnds('2024-02', '2024-03-01')).toEqual(['2024-02-29']);
  });
});

describe('progressShare', () => {
  it('rises monotonically from the hamlet start to 1 and is deterministic', () => {
    for (const id of [1, 2, 17, 40]) {
      const shares = Array.from({ length: 23 }, (_, i) => progressShare(id, i, 23));
      expect(shares[0]).toBeGreaterThanOrEqual(0.45);
      expect(shares[0]).toBeLessThanOrEqual(0.8);
      expect(shares[22]).toBe(1);
      for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]!);
      expect(progressShare(id, 5, 23)).toBe(shares[5]);
    }
  });
});

describe('scaleYesCounters', () => {
  const compiled = compileCriteriaSet(CRITERIA_TAN_UYEN_2023, '2025-06-30');
  const ratio = compiled.criteria.find((c) => c.code === 'SKL-1')!.counters as {
    kind: 'ratio';
    den: string;
    yes: string;
    no: string;
  };

  it('moves the part of the yes answers not kept into no, leaving denominators alone', () => {
    const counters = { [ratio.den]: 100, [ratio.yes]: 80, [ratio.no]: 10 };
    const scaled = scaleYesCounters(compiled, counters, 0.5);
    expect(scaled[ratio.den]).toBe(100);
    expect(scaled[ratio.yes]).toBe(40);
    expect(scaled[ratio.no]).toBe(50);
    // Unknown answers (den − yes − no) stay as they were.
    expect(scaled[ratio.den]! - scaled[ratio.yes]! - scaled[ratio.no]!).toBe(10);
  });

  it('is the identity at share 1', () => {
    const counters = { [ratio.den]: 7, [ratio.yes]: 5, [ratio.no]: 1 };
    expect(scaleYesCounters(compiled, counters, 1)).toEqual(counters);
  });
});
