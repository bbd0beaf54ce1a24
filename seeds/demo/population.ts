import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { bulkInsert } from '../../server/db/bulk-insert.js';
import { isoDateInVietnam } from '../../domain/admin-units/dates.js';
import { foldVietnamese } from '../../domain/text/fold.js';
import { SIMULATED_HAMLET } from './population-data.js';
import {
  BUSINESS_COLUMNS,
  HAMLET_FACT_COLUMNS,
  HOUSEHOLD_COLUMNS,
  RESIDENT_COLUMNS,
  WIFI_POINT_COLUMNS,
} from './population-columns.js';
import { householdRows, residentRows, type PeopleCounts } from './population-people.js';
import { placeRows } from './population-places.js';
import {
  HAMLET_PROFILES,
  planBenchHamlets,
  planDemoHamlets,
  type HamletPlan,
  type HamletProfile,
  type HamletTarget,
} from './population-plan.js';

// The row generators and their column lists, so a benchmark can write the very same data to CSV.
export * from './population-columns.js';
export { householdRows, residentRows, hamletPeople, type PeopleCounts } from './population-people.js';
export { placeRows, hamletBusinesses, hamletWifiPoints, hamletFacts } from './population-places.js';
export {
  planDemoHamlets,
  planBenchHamlets,
  HAMLET_PROFILES,
  type HamletPlan,
  type HamletProfile,
  type HamletTarget,
} from './population-plan.js';

/**
 * 'demo': the demo city's current hamlets, 25–40 households each. 'bench': 1,000 extra hamlets with 1,000,000
 * residents (about 280,000 households). A custom size creates that many extra hamlets holding exactly that many residents.
 */
export type PopulationSize = 'demo' | 'bench' | { hamlets: number; residents: number };

export const BENCH_SIZE = { hamlets: 1_000, residents: 1_000_000 } as const;

export interface SeedPopulationOptions {
  seed?: number;
  size?: PopulationSize;
  /** The instant the population is "recorded" at; every timestamp and age derives from it. */
  now?: Date;
}

export interface PopulationReport {
  seed: number;
  size: PopulationSize;
  hamlets: number;
  /** Hamlet units created for a benchmark size (0 for 'demo'). */
  createdHamlets: number;
  profiles: Record<HamletProfile, number>;
  households: number;
  householdRows: number;
  residents: number;
  residentRows: number;
  businesses: number;
  wifiPoints: number;
  facts: number;
  elapsedMs: number;
  /** Peak resident set size of the whole process so far, in MB. */
  peakRssMb: number;
  plans: HamletPlan[];
}

/** Current hamlets of the database on `today`, with their current ward; simulated benchmark hamlets excluded. */
async function findDemoHamlets(handle: Db, today: string): Promise<HamletTarget[]> {
  const rows = await handle.db
    .selectFrom('adminUnits as u')
    .innerJoin('adminUnitPeriods as p', 'p.unitId', 'u.id')
    .leftJoin('adminUnitPeriods as wp', (join) =>
      join
        .onRef('wp.unitId', '=', 'p.parentId')
        .on('wp.validFrom', '<=', today)
        .on((eb) => eb.or([eb('wp.validTo', 'is', null), eb('wp.validTo', '>=', today)])),
    )
    .select(['u.id', 'p.name', 'p.parentId as wardId', 'wp.name as wardName', 'u.validFrom'])
    .where('u.level', '=', 'hamlet')
    .where('p.validFrom', '<=', today)
    .where((eb) => eb.or([eb('p.validTo', 'is', null), eb('p.validTo', '>=', today)]))
    .where((eb) =>
      eb.or([
        eb('u.localCode', 'is', null),
        eb('u.localCode', 'not like', `${SIMULATED_HAMLET.localCodePrefix}%`),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    wardId: r.wardId === null ? null : Number(r.wardId),
    wardName: r.wardName,
    validFrom: r.validFrom,
  }));
}

/**
 * Creates `count` demo hamlet units ("Khu phố mô phỏng n", local code SIM-n), spread in turn under the wards
 * current on `today`, with their admin_unit_periods rows, as seed-demo-city.ts does for real ones.
 */
async function createSimulatedHamlets(
  handle: Db,
  count: number,
  today: string,
  nowIso: string,
): Promise<HamletTarget[]> {
  const wards = await handle.db
    .selectFrom('adminUnits as u')
    .innerJoin('adminUnitPeriods as p', 'p.unitId', 'u.id')
    .select(['u.id', 'p.name', 'p.validFrom'])
    .where('u.level', '=', 'commune')
    .where('p.validFrom', '<=', today)
    .where((eb) => eb.or([eb('p.validTo', 'is', null), eb('p.validTo', '>=', today)]))
    .orderBy('u.id')
    .execute();
  if (wards.length === 0)
    throw new Error(`seedPopulation: no ward exists on ${today}; seed the demo city first`);
  const prefix = SIMULATED_HAMLET.localCodePrefix;
  const existing = await handle.db
    .selectFrom('adminUnits')
    .select('id')
    .where('localCode', 'like', `${prefix}%`)
    .executeTakeFirst();
  if (existing) throw new Error('seedPopulation: simulated hamlets already exist in this database');

  const width = Math.max(4, String(count).length);
  const units = Array.from({ length: count }, (_, i) => {
    const ward = wards[i % wards.length];
    const name = SIMULATED_HAMLET.name(i + 1);
    return {
      localCode: `${prefix}${String(i + 1).padStart(width, '0')}`,
      name,
      folded: foldVietnamese(name),
      ward,
    };
  });
  await bulkInsert(
    handle,
    'admin_units',
    [
      'level',
      'code',
      'local_code',
      'name',
      'name_folded',
      'type',
      'parent_id',
      'valid_from',
      'valid_to',
      'is_demo',
      'created_at',
      'updated_at',
    ],
    units.map((u) => [
      'hamlet',
      null,
      u.localCode,
      u.name,
      u.folded,
      SIMULATED_HAMLET.type,
      u.ward.id,
      u.ward.validFrom,
      null,
      1,
      nowIso,
      nowIso,
    ]),
  );
  const ids = await handle.db
    .selectFrom('adminUnits')
    .select(['id', 'localCode'])
    .where('localCode', 'like', `${prefix}%`)
    .execute();
  const idByCode = new Map(ids.map((r) => [r.localCode, Number(r.id)]));
  await bulkInsert(
    handle,
    'admin_unit_periods',
    ['unit_id', 'name', 'name_folded', 'type', 'parent_id', 'valid_from', 'valid_to', 'reason'],
    units.map((u) => [
      idByCode.get(u.localCode),
      u.name,
      u.folded,
      SIMULATED_HAMLET.type,
      u.ward.id,
      u.ward.validFrom,
      null,
      'created',
    ]),
  );
  return units.map((u) => ({
    id: idByCode.get(u.localCode)!,
    name: u.name,
    wardId: u.ward.id,
    wardName: u.ward.name,
    validFrom: u.ward.validFrom,
  }));
}

/** Refuses to populate the demo hamlets twice: a second run would duplicate every household. */
async function assertNoPopulation(handle: Db, hamletIds: number[]): Promise<void> {
  if (hamletIds.length === 0) return;
  const found = await handle.db
    .selectFrom('households')
    .select('id')
    .where('hamletId', 'in', hamletIds)
    .executeTakeFirst();
  if (found) throw new Error('seedPopulation: these hamlets already have households');
}

function assertCustomSize(size: { hamlets: number; residents: number }): void {
  const ok = (n: number) => Number.isInteger(n) && n > 0;
  if (!ok(size.hamlets) || !ok(size.residents) || size.residents < size.hamlets) {
    throw new Error(
      `seedPopulation: invalid size ${JSON.stringify(size)}; want whole numbers with residents ≥ hamlets > 0`,
    );
  }
}

/**
 * Writes the deterministic demo population: households, residents, businesses, wifi points and hamlet facts for
 * every planned hamlet, streamed through bulkInsert (raw prepared statements on SQLite, COPY on PostgreSQL).
 * The same seed, size and `now` give byte-identical rows: every uid comes from the seeded generator and every
 * timestamp from `now`. Run it after seedDemo has committed, on hamlets without population. Each table is loaded
 * in its own transaction, so a failure part-way leaves the tables loaded before it.
 */
export async function seedPopulation(
  handle: Db,
  options: SeedPopulationOptions = {},
): Promise<PopulationReport> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const size = options.size ?? 'demo';
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const today = isoDateInVietnam(now);

  let plans: HamletPlan[];
  let createdHamlets = 0;
  if (size === 'demo') {
    plans = planDemoHamlets(seed, await findDemoHamlets(handle, today), nowIso);
    await assertNoPopulation(
      handle,
      plans.map((p) => p.id),
    );
  } else {
    const custom = size === 'bench' ? BENCH_SIZE : size;
    assertCustomSize(custom);
    const hamlets = await createSimulatedHamlets(handle, custom.hamlets, today, nowIso);
    createdHamlets = hamlets.length;
    plans = planBenchHamlets(seed, hamlets, custom.residents, nowIso);
  }
  const counts: PeopleCounts = { households: 0, householdRows: 0, residents: 0, residentRows: 0 };
  await bulkInsert(handle, 'households', [...HOUSEHOLD_COLUMNS], householdRows(seed, plans, nowIso, counts));
  await bulkInsert(handle, 'residents', [...RESIDENT_COLUMNS], residentRows(seed, plans, nowIso, counts));
  const businesses = await bulkInsert(
    handle,
    'businesses',
    [...BUSINESS_COLUMNS],
    placeRows(seed, plans, 'businesses'),
  );
  const wifiPoints = await bulkInsert(
    handle,
    'wifi_points',
    [...WIFI_POINT_COLUMNS],
    placeRows(seed, plans, 'wifiPoints'),
  );
  const facts = await bulkInsert(
    handle,
    'hamlet_facts',
    [...HAMLET_FACT_COLUMNS],
    placeRows(seed, plans, 'hamletFacts'),
  );
  if (handle.dialect === 'postgres' && counts.residentRows > 100_000) {
    // Fresh statistics, so the first aggregate after a benchmark load is planned on real row counts.
    await sql`analyze households, residents, businesses, wifi_points, hamlet_facts`.execute(handle.db);
  }

  const profiles = Object.fromEntries(HAMLET_PROFILES.map((p) => [p, 0])) as Record<HamletProfile, number>;
  for (const p of plans) profiles[p.profile]++;
  const report: PopulationReport = {
    seed,
    size,
    hamlets: plans.length,
    createdHamlets,
    profiles,
    ...counts,
    businesses,
    wifiPoints,
    facts,
    elapsedMs: Math.round(performance.now() - started),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    plans,
  };
  await handle.db
    .insertInto('auditLog')
    .values({
      at: nowIso,
      actorId: null,
      actorName: 'system',
      action: 'demo.population',
      entity: 'database',
      entityId: null,
      before: null,
      after: JSON.stringify({
        seed,
        size,
        hamlets: report.hamlets,
        profiles,
        households: counts.households,
        residents: counts.residents,
        businesses,
        wifiPoints,
        facts,
      }),
      ip: null,
    })
    .execute();
  return report;
}
