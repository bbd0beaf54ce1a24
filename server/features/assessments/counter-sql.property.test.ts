import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { seedDemo, type DemoSeedResult } from '../../../seeds/demo/index.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../../seeds/reference/criteria-tan-uyen-2023.js';
import {
  compileCriteriaSet,
  countRows,
  sumCounters,
  type Subject,
  type SubjectRow,
} from '../../../domain/criteria/index.js';
import { insertSurveyRows } from '../../../test/fixtures/insert-survey-rows.js';
import type { Row } from '../../../test/fixtures/hamlet-20.js';
import { aggregateCounters } from './counter-sql.js';

/*
 * The SQL aggregate must agree exactly with the engine's reference row counter (SQL three-valued logic included),
 * whatever the data and whatever order rows were written in; and a roll-up over several hamlets must equal the sum
 * of their counters. Runs on the engine under test (SQLite or PostgreSQL).
 */
let t: TestDb;
let demo: DemoSeedResult;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seedDemo(t, { population: false });
});
afterAll(async () => t.dispose());

const DATE = '2025-09-15';
const compiled = compileCriteriaSet(CRITERIA_TAN_UYEN_2023, DATE);
const SUBJECTS: Subject[] = ['residents', 'households', 'businesses', 'wifiPoints'];

const flag = fc.constantFrom<0 | 1 | null>(0, 1, null);
const household = fc.record({
  residency: fc.constantFrom('permanent', 'temporary'),
  fixedBroadband: flag,
  mobileBroadband: flag,
  inDigitalChannel: flag,
  reachedByOutreach: flag,
});
const resident = fc.record({
  household: fc.nat(4),
  sex: fc.constantFrom('male', 'female'),
  birthKey: fc
    .date({ min: new Date('1940-01-01'), max: new Date('2025-09-15'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  vneidLevel: fc.constantFrom(0, 1, 2, null),
  onlinePublicServiceAccount: flag,
  canUseOnlinePublicService: flag,
  digitalPaymentAccount: flag,
  smartDevice: flag,
  telehealthInformed: flag,
  onlineMedicalBooking: flag,
});
const business = fc.record({
  kind: fc.constantFrom('shop', 'household_business', 'farm', 'cooperative', 'other'),
  acceptsCashless: flag,
  ecommerceEligible: flag,
  listedOnline: flag,
  ocopStars: fc.constantFrom(null, 1, 3, 5),
  traceability: flag,
  isFarmProduct: fc.constantFrom(0, 1),
});
const hamletData = fc.record({
  households: fc.array(household, { minLength: 1, maxLength: 5 }),
  residents: fc.array(resident, { maxLength: 14 }),
  businesses: fc.array(business, { maxLength: 4 }),
  wifi: fc.array(flag, { maxLength: 3 }),
});

type HamletData = typeof hamletData extends fc.Arbitrary<infer T> ? T : never;

function toRows(hamletId: number, data: HamletData) {
  const households = data.households.map((h, i) => ({ hamletId, id: i + 1, ...h }) as Row);
  const residents = data.residents.map((r, i) => {
    const { household: hh, ...rest } = r;
    const householdId = (hh % households.length) + 1;
    return {
      hamletId,
      id: i + 1,
      householdId,
      residency: households[householdId - 1].residency,
      digitalSkillsCoached: null,
      electronicHealthRecord: null,
      ...rest,
    } as Row;
  });
  const businesses = data.businesses.map((b, i) => ({ hamletId, id: i + 1, ...b }) as Row);
  const wifiPoints = data.wifi.map((w, i) => ({ hamletId, id: i + 1, isWorking: w }) as Row);
  return { households, residents, businesses, wifiPoints, facts: {} };
}

async function clearSurveys() {
  for (const table of ['residents', 'households', 'businesses', 'wifiPoints'] as const)
    await t.db.deleteFrom(table).execute();
}

async function sqlCounters(hamletIds: number[] | null) {
  const merged = new Map<number, Record<string, number>>();
  for (const subject of SUBJECTS) {
    const values = await aggregateCounters(
      t.db,
      subject,
      compiled.counters.filter((c) => c.subject === subject),
      hamletIds,
      null,
    );
    for (const [id, v] of values) merged.set(id, { ...(merged.get(id) ?? {}), ...v });
  }
  return merged;
}

function reference(hamletId: number, rows: ReturnType<typeof toRows>) {
  const members = new Map<number, SubjectRow[]>();
  for (const r of rows.residents)
    members.set(Number(r.householdId), [...(members.get(Number(r.householdId)) ?? []), r as SubjectRow]);
  const counted = countRows(
    compiled.counters,
    {
      residents: rows.residents,
      households: rows.households,
      businesses: rows.businesses,
      wifiPoints: rows.wifiPoints,
    } as never,
    members,
  );
  const values = counted.get(hamletId) ?? {};
  return Object.fromEntries(compiled.counters.map((c) => [c.id, values[c.id] ?? 0]));
}

describe('SQL counters', () => {
  it('equal the reference counter on random hamlets, in any insertion order, and roll up as sums', async () => {
    const [h1, h2] = [...demo.city.hamletIds.values()];
    await fc.assert(
      fc.asyncProperty(hamletData, hamletData, fc.boolean(), async (a, b, reversed) => {
        await clearSurveys();
        const rowsA = toRows(h1, a);
        const rowsB = toRows(h2, b);
        const order = reversed
          ? ([
              [h2, rowsB],
              [h1, rowsA],
            ] as const)
          : ([
              [h1, rowsA],
              [h2, rowsB],
            ] as const);
        for (const [id, rows] of order) {
          const shuffled = reversed
            ? {
                ...rows,
                residents: [...rows.residents].reverse(),
                households: [...rows.households].reverse(),
              }
            : rows;
          await insertSurveyRows(t.db, id, shuffled, `p${id}`);
        }
        const sql = await sqlCounters([h1, h2]);
        const zero = Object.fromEntries(compiled.counters.map((c) => [c.id, 0]));
        const sqlA = { ...zero, ...sql.get(h1) };
        const sqlB = { ...zero, ...sql.get(h2) };
        expect(sqlA).toEqual(reference(h1, rowsA));
        expect(sqlB).toEqual(reference(h2, rowsB));
        // The roll-up of both hamlets is the sum of their counters.
        const summed = sumCounters([sqlA, sqlB]);
        const all = await sqlCounters(null);
        expect({ ...zero, ...sumCounters([...all.values()]) }).toEqual({ ...zero, ...summed });
      }),
      { numRuns: 12, seed: 20251 },
    );
  });
});
