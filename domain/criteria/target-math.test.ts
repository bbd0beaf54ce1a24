import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Comparator, Rounding } from './schema.js';
import { countGap, displayPercent, meetsPercent, percentGap } from './target-math.js';

const NONE: Rounding = { mode: 'none' };
const round = (decimals: 0 | 1 | 2): Rounding => ({ mode: 'round', decimals });
const gte = (percent: number) => ({ comparator: 'gte' as const, percent });

describe('meetsPercent', () => {
  it.each<[number, number, Comparator, number, Rounding, boolean]>([
    [12, 15, 'gte', 80, NONE, true], // exactly 80%
    [7996, 10000, 'gte', 80, NONE, false], // 79.96% does not meet 80% without rounding
    [7996, 10000, 'gte', 80, round(0), true],
    [7996, 10000, 'gte', 80, round(1), true], // 80.0
    [7996, 10000, 'gte', 80, round(2), false], // 79.96
    [7995, 10000, 'gte', 80, round(1), true], // 79.95 rounds half up to 80.0
    [7994, 10000, 'gte', 80, round(1), false], // 79.9
    [2, 3, 'gte', 66.67, NONE, false],
    [2, 3, 'gte', 66.67, round(2), true],
    [12, 15, 'gt', 80, NONE, false],
    [99, 100, 'gte', 100, NONE, false],
    [1, 1, 'gte', 100, NONE, true],
    [1, 20, 'lte', 5, NONE, true],
    [2, 20, 'lte', 5, NONE, false],
    [0, 7, 'gte', 0, NONE, true],
  ])('%i/%i %s %f%% under %o is %s', (num, den, comparator, percent, rounding, expected) => {
    expect(meetsPercent(num, den, { comparator, percent }, rounding)).toBe(expected);
  });

  it('stays exact with city-sized counts', () => {
    expect(meetsPercent(799_999, 1_000_000, gte(80), NONE)).toBe(false);
    expect(meetsPercent(800_000, 1_000_000, gte(80), NONE)).toBe(true);
  });
});

describe('percentGap', () => {
  it.each<[number, number, Comparator, number, Rounding, number | null]>([
    [0, 10, 'gte', 80, NONE, 8],
    [14, 15, 'gte', 95, NONE, 1], // 15/15
    [79, 100, 'gte', 80, NONE, 1],
    [7996, 10000, 'gte', 80, NONE, 4],
    [7996, 10000, 'gte', 80, round(1), 0],
    [7990, 10000, 'gte', 80, round(1), 5], // 79.95 is the first value that rounds to 80.0
    [12, 15, 'gte', 80, NONE, 0],
    [12, 15, 'gt', 80, NONE, 1], // 13/15 = 86.67%
    [5, 5, 'gt', 100, NONE, null], // more than 100% is out of reach
    [3, 20, 'lte', 5, NONE, 2], // at most 5%: two fewer
    [0, 0, 'gte', 80, NONE, null],
  ])('%i/%i (%s %f%%, %o) needs %s more', (yes, den, comparator, percent, rounding, expected) => {
    expect(percentGap(yes, den, { comparator, percent }, rounding)).toBe(expected);
  });

  it('is the smallest number of additional yes answers that meets the target', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((den) => fc.tuple(fc.constant(den), fc.integer({ min: 0, max: den }))),
        fc.integer({ min: 0, max: 10000 }).map((p) => p / 100),
        fc.constantFrom<Comparator>('gte', 'gt'),
        fc.constantFrom<Rounding>(NONE, round(0), round(1), round(2)),
        ([den, yes], percent, comparator, rounding) => {
          const target = { comparator, percent };
          const gap = percentGap(yes, den, target, rounding);
          if (gap === null) {
            expect(meetsPercent(den, den, target, rounding)).toBe(false);
            return;
          }
          expect(meetsPercent(yes + gap, den, target, rounding)).toBe(true);
          if (gap > 0) expect(meetsPercent(yes + gap - 1, den, target, rounding)).toBe(false);
        },
      ),
    );
  });
});

describe('displayPercent', () => {
  it.each<[number, number, Rounding, number | null]>([
    [2, 3, NONE, 66.66], // truncated, never rounded up past a target
    [2, 3, round(1), 66.7],
    [7996, 10000, NONE, 79.96],
    [79_996, 100_000, NONE, 79.99],
    [79_996, 100_000, round(0), 80],
    [1, 0, NONE, null],
  ])('shows %i/%i under %o as %s', (num, den, rounding, expected) => {
    expect(displayPercent(num, den, rounding)).toBe(expected);
  });
});

describe('countGap', () => {
  it.each<[number, Comparator, number, number]>([
    [0, 'gte', 1, 1],
    [1, 'gte', 1, 0],
    [2, 'gt', 2, 1],
    [5, 'lte', 3, 2],
  ])('a count of %i against %s %i needs %i more (or fewer)', (count, comparator, value, expected) => {
    expect(countGap(count, { comparator, value })).toBe(expected);
  });
});
