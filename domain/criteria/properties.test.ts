import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CRITERIA_2026 } from '../../seeds/reference/criteria-2026.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { fromDayNumber, toDayNumber } from './calendar.js';
import { COLUMN_KINDS } from './columns.js';
import { compileCriteriaSet } from './compile.js';
import { countRows, type SubjectRow } from './count-rows.js';
import { evaluateHamlet } from './evaluate.js';
import type { CounterValues, Subject } from './expr.js';
import { evaluateRollup, sumCounters } from './rollup.js';

/*
 * Properties of the engine over random hamlets (issue 3, "Tests"): a roll-up is the sum of its hamlets, flipping a
 * flag from no to yes never lowers a numerator, and counts do not depend on row order.
 */

const SETS = [
  ['Tân Uyên 2023–2025', compileCriteriaSet(CRITERIA_TAN_UYEN_2023, '2025-09-15')],
  ['Khu phố chuyển đổi số 2026', compileCriteriaSet(CRITERIA_2026, '2026-06-30')],
] as const;

const flag = fc.constantFrom<0 | 1 | null>(0, 1, null);
const flagsOf = (subject: Subject) =>
  Object.keys(COLUMN_KINDS[subject]).filter((c) => COLUMN_KINDS[subject][c].type === 'flag');
const flagRecord = (subject: Subject) =>
  fc.record(Object.fromEntries(flagsOf(subject).map((c) => [c, flag])));

const residentArb = fc
  .record({
    sex: fc.constantFrom('male', 'female'),
    birthKey: fc
      .integer({ min: toDayNumber('1930-01-01'), max: toDayNumber('2025-12-31') })
      .map(fromDayNumber),
    residency: fc.constantFrom('permanent', 'temporary'),
    vneidLevel: fc.constantFrom(0, 1, 2, null),
    flags: flagRecord('residents'),
  })
  .map(({ flags, ...rest }) => ({ ...rest, ...flags }));

const householdArb = fc.record({
  hamletId: fc.integer({ min: 1, max: 4 }),
  residency: fc.constantFrom('permanent', 'temporary'),
  flags: flagRecord('households'),
  members: fc.array(residentArb, { maxLength: 5 }),
});

const businessArb = fc
  .record({
    hamletId: fc.integer({ min: 1, max: 4 }),
    kind: fc.constantFrom('shop', 'household_business', 'farm', 'cooperative', 'other'),
    ocopStars: fc.constantFrom(1, 3, 5, null),
    flags: flagRecord('businesses'),
  })
  .map(({ flags, ...rest }) => ({ ...rest, ...flags }));

const wifiArb = fc.record({ hamletId: fc.integer({ min: 1, max: 4 }), isWorking: flag });

interface Population {
  rows: Record<Subject, SubjectRow[]>;
  members: Map<number, SubjectRow[]>;
}

const populationArb = fc
  .record({
    households: fc.array(householdArb, { maxLength: 12 }),
    businesses: fc.array(businessArb, { maxLength: 8 }),
    wifiPoints: fc.array(wifiArb, { maxLength: 4 }),
  })
  .map(({ households, businesses, wifiPoints }): Population => {
    const members = new Map<number, SubjectRow[]>();
    const residents: SubjectRow[] = [];
    const householdRows = households.map(({ hamletId, residency, flags, members: people }, i) => {
      const id = i + 1;
      const rows = people.map((p, j) => ({ ...p, hamletId, id: id * 100 + j, householdId: id }));
      members.set(id, rows);
      residents.push(...rows);
      return { hamletId, id, residency, ...flags };
    });
    return {
      rows: {
        households: householdRows,
        residents,
        businesses: businesses.map((b, i) => ({ ...b, id: i + 1 })),
        wifiPoints: wifiPoints.map((w, i) => ({ ...w, id: i + 1 })),
      },
      members,
    };
  });

function sorted(map: Map<number, CounterValues>): Array<[number, CounterValues]> {
  return [...map.entries()].sort(([a], [b]) => a - b);
}

describe.each(SETS)('properties of the engine with %s', (_name, compiled) => {
  it('rolls up to the same result as the summed counters, and summing hamlets equals counting them together', () => {
    fc.assert(
      fc.property(populationArb, ({ rows, members }) => {
        const perHamlet = countRows(compiled.counters, rows, members);
        const summed = sumCounters([...perHamlet.values()]);
        const hamletResults = [...perHamlet.values()].map((values) => evaluateHamlet(compiled, values, {}));
        const rollup = evaluateRollup(compiled, summed, hamletResults);
        const direct = evaluateHamlet(compiled, summed, {});
        for (const criterion of rollup.criteria) {
          if (criterion.kind === 'ratio')
            expect(criterion.aggregate).toEqual(direct.criteria.find((r) => r.code === criterion.code));
          const met = hamletResults.filter(
            (h) => h.criteria.find((r) => r.code === criterion.code)?.status === 'met',
          ).length;
          expect(criterion.hamletsMet).toBe(met);
        }
        // The whole population counted as one unit gives exactly the summed counters.
        const asOne = Object.fromEntries(
          Object.entries(rows).map(([s, list]) => [s, list.map((r) => ({ ...r, hamletId: 0 }))]),
        );
        const together = countRows(compiled.counters, asOne, members).get(0) ?? {};
        for (const c of compiled.counters) expect(summed[c.id] ?? 0).toBe(together[c.id] ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it('never lowers a numerator when a flag flips from no to yes', () => {
    const flippable = fc
      .tuple(
        populationArb,
        fc.constantFrom<Subject>('residents', 'households', 'businesses', 'wifiPoints'),
        fc.nat(),
      )
      .filter(([population, subject]) =>
        population.rows[subject].some((row) => flagsOf(subject).some((f) => row[f] === 0)),
      );
    fc.assert(
      fc.property(flippable, ([{ rows, members }, subject, pick]) => {
        const candidates = rows[subject].flatMap((row) =>
          flagsOf(subject)
            .filter((f) => row[f] === 0)
            .map((f) => [row, f] as const),
        );
        const [row, field] = candidates[pick % candidates.length];
        const before = countRows(compiled.counters, rows, members);
        row[field] = 1; // resident rows are shared with `members`, so households see the change too
        const after = countRows(compiled.counters, rows, members);
        const numerators = compiled.counters
          .filter((c) => c.id.endsWith('.yes') || c.id.endsWith('.count'))
          .map((c) => c.id);
        for (const [hamletId, values] of before) {
          for (const id of numerators) expect(after.get(hamletId)![id]).toBeGreaterThanOrEqual(values[id]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts the same whatever the order of rows and members', () => {
    fc.assert(
      fc.property(populationArb, fc.integer(), ({ rows, members }, seed) => {
        const shuffle = <T>(list: T[]) => {
          let s = seed;
          const copy = [...list];
          for (let i = copy.length - 1; i > 0; i -= 1) {
            s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j], copy[i]];
          }
          return copy;
        };
        const shuffledRows = Object.fromEntries(
          Object.entries(rows).map(([s, list]) => [s, shuffle(list)]),
        ) as Record<Subject, SubjectRow[]>;
        const shuffledMembers = new Map(
          shuffle([...members.entries()]).map(([id, list]) => [id, shuffle(list)]),
        );
        expect(sorted(countRows(compiled.counters, shuffledRows, shuffledMembers))).toEqual(
          sorted(countRows(compiled.counters, rows, members)),
        );
      }),
      { numRuns: 150 },
    );
  });
});
