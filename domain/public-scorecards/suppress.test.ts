import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countState,
  isPercentShown,
  isSmallCount,
  primaryRatioStates,
  suppressRatioTree,
  type RatioCounts,
  type RatioNode,
} from './suppress.js';

function node(key: string, numerator: number, denominator: number, children: RatioNode[] = []): RatioNode {
  return { key, counts: { numerator, denominator }, children };
}

/** A parent whose counts are the sums of its children's, as in the real tree. */
function sum(key: string, children: RatioNode[]): RatioNode {
  return node(
    key,
    children.reduce((s, c) => s + c.counts.numerator, 0),
    children.reduce((s, c) => s + c.counts.denominator, 0),
    children,
  );
}

describe('one row', () => {
  it.each([
    [{ numerator: 0, denominator: 0 }, 'shown', 'shown'],
    [{ numerator: 0, denominator: 30 }, 'shown', 'shown'],
    [{ numerator: 3, denominator: 30 }, 'below5', 'shown'],
    [{ numerator: 4, denominator: 4 }, 'below5', 'below5'],
    [{ numerator: 0, denominator: 2 }, 'below5', 'below5'],
    [{ numerator: 5, denominator: 30 }, 'shown', 'shown'],
    [{ numerator: 28, denominator: 30 }, 'hidden', 'shown'],
    [{ numerator: 25, denominator: 30 }, 'shown', 'shown'],
    [{ numerator: 30, denominator: 30 }, 'shown', 'shown'],
  ] as Array<[RatioCounts, string, string]>)('%j → numerator %s, denominator %s', (counts, num, den) => {
    expect(primaryRatioStates(counts)).toEqual({ numerator: num, denominator: den });
  });

  it('hides the percentage unless both counts are shown', () => {
    expect(isPercentShown({ numerator: 'shown', denominator: 'shown' })).toBe(true);
    expect(isPercentShown({ numerator: 'below5', denominator: 'shown' })).toBe(false);
    expect(isPercentShown({ numerator: 'hidden', denominator: 'shown' })).toBe(false);
  });

  it('suppresses small counts of people but not of wifi points', () => {
    expect(countState(2, true)).toBe('below5');
    expect(countState(2, false)).toBe('shown');
    expect(countState(0, true)).toBe('shown');
    expect(countState(7, true)).toBe('shown');
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
  });
});

describe('complementary suppression across the tree', () => {
  it('hides a second hamlet so the ward total cannot give the small one away', () => {
    const ward = sum('w', [node('a', 3, 40), node('b', 20, 50), node('c', 12, 30)]);
    const states = suppressRatioTree(ward);
    expect(states.get('a')!.numerator).toBe('below5');
    // c has the smallest positive numerator left, so it is the partner.
    expect(states.get('c')!.numerator).toBe('hidden');
    expect(states.get('b')!.numerator).toBe('shown');
    expect(states.get('w')!.numerator).toBe('shown');
    expect(states.get('a')!.denominator).toBe('shown');
  });

  it('carries a withheld ward total up to the city and back down into the partner ward', () => {
    const small = sum('v', [node('b', 2, 40), node('c', 2, 50)]);
    const partner = sum('w', [node('d', 12, 60), node('e', 30, 70)]);
    const big = sum('u', [node('f', 40, 80), node('g', 50, 90)]);
    const states = suppressRatioTree(sum('city', [small, partner, big]));
    expect(states.get('v')!.numerator).toBe('below5');
    // The city total minus the other wards would give v, so the smallest other ward is withheld…
    expect(states.get('w')!.numerator).toBe('hidden');
    expect(states.get('u')!.numerator).toBe('shown');
    // …and then w's own hamlets would give w back, so one of them is withheld as well.
    expect(states.get('d')!.numerator).toBe('hidden');
    expect(states.get('e')!.numerator).toBe('shown');
    expect(states.get('city')!.numerator).toBe('shown');
  });

  it('prefers a positive partner over a zero that may be known from elsewhere', () => {
    const ward = sum('w', [node('a', 2, 40), node('z', 0, 0), node('b', 9, 20)]);
    const states = suppressRatioTree(ward);
    expect(states.get('z')!.numerator).toBe('shown');
    expect(states.get('b')!.numerator).toBe('hidden');
  });

  it('leaves a tree with nothing small untouched', () => {
    const city = sum('city', [sum('w', [node('a', 10, 40), node('b', 20, 30)])]);
    for (const s of suppressRatioTree(city).values())
      expect(s).toEqual({ numerator: 'shown', denominator: 'shown' });
  });

  const leaf = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b) }));
  const cityArb = fc.array(fc.array(leaf, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });

  it('never shows a small count, and leaves no sum with exactly one withheld count', () => {
    fc.assert(
      fc.property(cityArb, (wards) => {
        const city = sum(
          'city',
          wards.map((hamlets, w) =>
            sum(
              `w${w}`,
              hamlets.map((c, h) => node(`h${w}.${h}`, c.numerator, c.denominator)),
            ),
          ),
        );
        const states = suppressRatioTree(city);
        const all: RatioNode[] = [];
        const walk = (n: RatioNode) => {
          all.push(n);
          n.children.forEach(walk);
        };
        walk(city);
        for (const n of all) {
          const s = states.get(n.key)!;
          if (isSmallCount(n.counts.numerator)) expect(s.numerator).not.toBe('shown');
          if (isSmallCount(n.counts.denominator)) expect(s.denominator).not.toBe('shown');
          if (s.numerator === 'shown' && s.denominator === 'shown')
            expect(isSmallCount(n.counts.denominator - n.counts.numerator)).toBe(false);
          if (n.children.length === 0) continue;
          for (const side of ['numerator', 'denominator'] as const) {
            const withheld = [n, ...n.children].filter((m) => states.get(m.key)![side] !== 'shown');
            expect(withheld.length).not.toBe(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
