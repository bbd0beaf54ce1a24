import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireActor, requireRole } from '../../policies/actor.js';
import { assertUnitInScope } from '../../policies/scope.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import { criteriaCatalogue } from '../../../domain/dashboards/catalogue.js';
import { buildTrend, type HamletSnapshot } from '../../../domain/dashboards/trend.js';
import {
  compileCriteriaSet,
  type CompiledSet,
  type CriteriaSetDefinition,
} from '../../../domain/criteria/index.js';
import * as unitsRepo from '../assessments/assessments.repository.js';
import { wardsInScope, type ScoreContext } from '../assessments/assessments.service.js';
import { findCriteriaSet } from '../criteria-sets/criteria-sets.repository.js';
import { currentWifiPoints, hamletSnapshots, snapshotsFingerprint } from './dashboards.repository.js';
import { pushTo } from '../../../domain/collections/group.js';

/**
 * The hamlets a unit stands for: itself for a hamlet; for a current unit those below it today (so a ward's past
 * includes hamlets that moved into it in 07/2025); for a unit that no longer exists, those below it on its last day.
 */
async function hamletsOfUnit(
  handle: Db,
  unit: { id: number; level: string; validTo: string | null },
  today: string,
) {
  if (unit.level === 'hamlet') return [unit.id];
  const day = unit.validTo && unit.validTo < today ? unit.validTo : today;
  return (await unitsRepo.descendantsOn(handle.db, unit.id, day))
    .filter((u) => u.level === 'hamlet')
    .map((u) => u.id);
}

/**
 * Progress over time from STORED snapshots (never recomputed): one point per snapshot date and criteria version,
 * from the latest snapshot of each hamlet below the unit. Scoped like every unit read.
 */
export async function unitTrend(handle: Db, ctx: ScoreContext, unitId: number, criteriaSetId?: number) {
  const actor = requireActor(ctx.actor);
  const unit = await unitsRepo.findUnit(handle.db, unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, unitId);
  const hamletIds = await hamletsOfUnit(handle, unit, isoDateInVietnam(ctx.now));
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level },
    ...(await trendOfHamlets(handle, hamletIds, criteriaSetId)),
  };
}

/** The same over every hamlet of today's wards in the reader's scope: the city's progress (city admin, viewer). */
export async function cityTrend(handle: Db, ctx: ScoreContext, criteriaSetId?: number) {
  const actor = requireRole(ctx.actor, 'city_admin', 'viewer');
  const today = isoDateInVietnam(ctx.now);
  const hamletIds: number[] = [];
  for (const ward of await wardsInScope(handle, actor, today))
    for (const h of await unitsRepo.descendantsOn(handle.db, ward.id, today))
      if (h.level === 'hamlet') hamletIds.push(h.id);
  return { unit: null, ...(await trendOfHamlets(handle, hamletIds, criteriaSetId)) };
}

type Trend = Awaited<ReturnType<typeof computeTrend>>;

/*
 * A trend reads and parses every stored snapshot of its hamlets: ≈1,100 in the demo, but ≈24,000 for a city of
 * 1,000 hamlets after two years of monthly snapshots. Snapshots are immutable, so a trend stays valid until the
 * set of snapshots changes; a few recent trends are kept per database, keyed by a count-and-max-id fingerprint.
 */
const TREND_CACHE_SIZE = 32;
const trendCaches = new WeakMap<Db, Map<string, Trend>>();

async function trendOfHamlets(handle: Db, hamletIds: number[], criteriaSetId?: number): Promise<Trend> {
  // An unknown version would otherwise read as "no history yet" and draw an empty chart.
  if (criteriaSetId !== undefined && !(await findCriteriaSet(handle.db, criteriaSetId)))
    throw new AppError('CRITERIA_SET_NOT_FOUND');
  const fingerprint = await snapshotsFingerprint(handle.db, hamletIds, criteriaSetId);
  const key = `${criteriaSetId ?? '*'}|${[...hamletIds].sort((a, b) => a - b).join(',')}|${fingerprint}`;
  let cache = trendCaches.get(handle);
  if (!cache) trendCaches.set(handle, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const trend = await computeTrend(handle, hamletIds, criteriaSetId);
  cache.set(key, trend);
  if (cache.size > TREND_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return trend;
}

async function computeTrend(handle: Db, hamletIds: number[], criteriaSetId?: number) {
  const rows = await hamletSnapshots(handle.db, hamletIds, criteriaSetId);
  const snapshots: HamletSnapshot[] = [];
  for (const row of rows) {
    const result = unitsRepo.storedHamletResult(row);
    if (!result) continue;
    const counters = unitsRepo.storedUnitCounters(row);
    snapshots.push({
      id: row.id,
      hamletId: row.unitId,
      assessmentDate: row.assessmentDate,
      criteriaSetId: row.criteriaSetId,
      computedAt: row.computedAt,
      result,
      counters,
    });
  }
  const definitions = new Map<number, CriteriaSetDefinition>();
  for (const id of new Set(snapshots.map((s) => s.criteriaSetId))) {
    const set = await findCriteriaSet(handle.db, id);
    if (set) definitions.set(id, JSON.parse(set.definition) as CriteriaSetDefinition);
  }
  const compiledCache = new Map<string, CompiledSet>();
  const compile = (setId: number, date: string) => {
    const key = `${setId}|${date}`;
    let compiled = compiledCache.get(key);
    if (!compiled) {
      compiled = compileCriteriaSet(definitions.get(setId)!, date);
      compiledCache.set(key, compiled);
    }
    return compiled;
  };
  const points = buildTrend(
    snapshots.filter((s) => definitions.has(s.criteriaSetId)),
    compile,
  );
  const lastSet = points.length > 0 ? definitions.get(points[points.length - 1]!.criteriaSetId)! : null;
  return {
    hamlets: hamletIds.length,
    catalogue: lastSet ? criteriaCatalogue(lastSet) : null,
    points,
  };
}

/**
 * Today's hamlets and wifi points for the map. A hamlet has no coordinates of its own, so its marker is the
 * centroid of its wifi points; hamlets without any are listed as unplaced. `unitId` narrows it to one ward.
 */
export async function dashboardMap(handle: Db, ctx: ScoreContext, unitId?: number) {
  const actor = requireActor(ctx.actor);
  const today = isoDateInVietnam(ctx.now);
  let wards: unitsRepo.UnitAt[];
  if (unitId !== undefined) {
    const unit = await unitsRepo.findUnit(handle.db, unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    await assertUnitInScope(handle, actor, unitId);
    const onToday = await unitsRepo.findUnitOn(handle.db, unitId, today);
    if (!onToday || onToday.level !== 'commune') throw new AppError('DASHBOARD_NOT_A_CURRENT_WARD');
    wards = [onToday];
  } else {
    wards = await wardsInScope(handle, actor, today);
  }
  const hamlets: Array<{ id: number; name: string; wardId: number; wardName: string }> = [];
  for (const ward of wards)
    for (const h of await unitsRepo.descendantsOn(handle.db, ward.id, today))
      if (h.level === 'hamlet')
        hamlets.push({ id: h.id, name: h.name, wardId: ward.id, wardName: ward.name });
  hamlets.sort((a, b) => compareVietnamese(a.wardName, b.wardName) || compareVietnamese(a.name, b.name));
  const points = await currentWifiPoints(
    handle.db,
    hamlets.map((h) => h.id),
  );
  const byHamlet = new Map<number, typeof points>();
  for (const p of points) pushTo(byHamlet, p.hamletId, p);
  const placed = [];
  const unplaced = [];
  for (const h of hamlets) {
    const own = byHamlet.get(h.id) ?? [];
    if (own.length === 0) unplaced.push(h);
    else
      placed.push({
        ...h,
        lat: own.reduce((s, p) => s + p.lat, 0) / own.length,
        lng: own.reduce((s, p) => s + p.lng, 0) / own.length,
      });
  }
  return {
    hamlets: placed,
    unplaced,
    wifiPoints: points.map((p) => ({
      uid: p.uid,
      hamletId: p.hamletId,
      name: p.name,
      lat: p.lat,
      lng: p.lng,
      isWorking: p.isWorking === null ? null : p.isWorking === 1,
    })),
  };
}
