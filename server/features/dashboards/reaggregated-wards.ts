import type { Db } from '../../db/database.js';
import * as unitsRepo from '../assessments/assessments.repository.js';
import { dataInstant, resolveSet } from '../assessments/assessments.service.js';
import { scoreHamlets, type HamletScore, type ScoreRun } from '../assessments/score-hamlets.js';
import { reaggregateByLineage, type PartialSource } from '../../../domain/dashboards/reaggregate.js';
import { evaluateRollup, sumCounters, type RollupResult } from '../../../domain/criteria/index.js';
import type { LineageLink } from '../../../domain/admin-units/lineage.js';
import { latestSnapshotsBetween, listLineage } from './dashboards.repository.js';
import { addMonths } from '../../../domain/criteria/calendar.js';
import { compileCriteriaSet, type CriteriaSetDefinition } from '../../../domain/criteria/index.js';

export interface ScoredHamlet {
  unit: unitsRepo.UnitAt;
  score: HamletScore;
}

export interface WardAssessment {
  ward: unitsRepo.UnitAt;
  /** The units on the date whose results make up this ward's totals (the ward itself, or old units merged whole). */
  fullSources: Array<{ unitId: number; name: string }>;
  partialSources: PartialSource[];
  hamlets: ScoredHamlet[];
  rollup: RollupResult;
}

export interface WardsOnDate {
  date: string;
  setRow: { id: number; code: string; version: number; name: string };
  definition: Awaited<ReturnType<typeof resolveSet>>['definition'];
  run: ScoreRun & { source: ScoresSource };
  /** Where the figures come from: stored snapshots of the date's month, live computation, or both. */
  source: ScoresSource;
  /** True when some of today's wards did not exist on the date and were rebuilt from their predecessors. */
  reorganised: boolean;
  wards: WardAssessment[];
}

/** Units on `date` that today's ward came from: itself if it existed then, else its predecessors then (any hops). */
async function pastUnitsOf(
  handle: Db,
  ward: unitsRepo.UnitAt,
  date: string,
  links: LineageLink[],
): Promise<unitsRepo.UnitAt[]> {
  const found: unitsRepo.UnitAt[] = [];
  const seen = new Set<number>();
  const queue = [ward.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const onDate = await unitsRepo.findUnitOn(handle.db, id, date);
    if (onDate) found.push(onDate);
    else for (const link of links) if (link.toUnitId === id) queue.push(link.fromUnitId);
  }
  return found;
}

/**
 * Today's wards assessed on a date. Each ward's totals come from the units that stood on its territory then: the
 * ward itself, or the old units merged whole into it (lineage `full`). An old unit split between several wards is
 * listed beside each of them with the share of its hamlets that went there, and added to none. All hamlets are
 * scored in ONE run (one aggregate query per survey table), and each ward's roll-up is summed from those counters.
 */
export async function assessWardsOnDate(
  handle: Db,
  input: { wards: unitsRepo.UnitAt[]; date: string; today: string; now: Date; criteriaSetId?: number },
): Promise<WardsOnDate> {
  const { date, today } = input;
  const { row: setRow, definition } = await resolveSet(handle, date, input.criteriaSetId);
  const links = await listLineage(handle.db);

  const pastUnits = new Map<number, unitsRepo.UnitAt>();
  const currentParentOf = new Map<number, number>();
  for (const ward of input.wards) {
    for (const u of await pastUnitsOf(handle, ward, date, links)) pastUnits.set(u.id, u);
    if (date !== today)
      for (const h of await unitsRepo.descendantsOn(handle.db, ward.id, today))
        if (h.level === 'hamlet') currentParentOf.set(h.id, ward.id);
  }
  const hamletsOfPast = new Map<number, unitsRepo.UnitAt[]>();
  for (const past of pastUnits.values()) {
    const below = await unitsRepo.descendantsOn(handle.db, past.id, date);
    hamletsOfPast.set(
      past.id,
      below.filter((u) => u.level === 'hamlet'),
    );
  }
  const allHamlets = new Map<number, unitsRepo.UnitAt>();
  for (const list of hamletsOfPast.values()) for (const h of list) allHamlets.set(h.id, h);
  const run = await scoresOnDate(handle, {
    hamletIds: [...allHamlets.keys()],
    date,
    today,
    now: input.now,
    setId: setRow.id,
    definition,
  });
  const scoreOf = new Map(run.hamlets.map((h) => [h.hamletId, h]));

  const mapped = reaggregateByLineage({
    pastUnits: [...pastUnits.values()].map((u) => ({
      unitId: u.id,
      figures: u,
      hamletIds: hamletsOfPast.get(u.id)!.map((h) => h.id),
    })),
    links,
    currentUnitIds: input.wards.map((w) => w.id),
    currentParentOf,
  });
  const wards = input.wards.map((ward, i) => {
    const entry = mapped.units[i]!;
    const hamlets = entry.full.flatMap((c) =>
      hamletsOfPast.get(c.unitId)!.map((unit) => ({ unit, score: scoreOf.get(unit.id)! })),
    );
    const standardIn = (unitId: number) =>
      hamletsOfPast.get(unitId)!.filter((h) => scoreOf.get(h.id)!.result.overall.meetsStandard).length;
    return {
      ward,
      fullSources: entry.full.map((c) => ({ unitId: c.unitId, name: c.figures.name })),
      partialSources: entry.partial.map((c) => ({
        unitId: c.unitId,
        name: c.figures.name,
        share: c.share,
        hamlets: hamletsOfPast.get(c.unitId)!.length,
        hamletsMeetingStandard: standardIn(c.unitId),
      })),
      hamlets,
      rollup: evaluateRollup(
        run.compiled,
        sumCounters(hamlets.map((h) => h.score.counters)),
        hamlets.map((h) => h.score.result),
      ),
    };
  });
  return {
    date,
    setRow: { id: setRow.id, code: setRow.code, version: setRow.version, name: setRow.name },
    definition,
    run,
    source: run.source,
    reorganised: wards.some(
      (w) => w.fullSources.some((s) => s.unitId !== w.ward.id) || w.partialSources.length > 0,
    ),
    wards,
  };
}

export interface ScoresSource {
  /** Hamlets taken from stored snapshots, and the dates of those snapshots (earliest, latest). */
  snapshots: number;
  snapshotDates: [string, string] | null;
  /** Hamlets computed live from the survey data as it stood at the end of the date. */
  live: number;
}

/** How far back a stored snapshot still stands for a past date: about two months (snapshots are monthly). */
export const SNAPSHOT_WINDOW_MONTHS = 2;

/**
 * Hamlet scores on a date. For a past date the stored snapshot of each hamlet (the latest within two months before
 * it, same criteria version) is the record of how it stood, so it is used as is; hamlets without one are computed
 * live from the data versions valid then (ONE aggregate query per table for all of them). Today is always live.
 */
async function scoresOnDate(
  handle: Db,
  input: {
    hamletIds: number[];
    date: string;
    today: string;
    now: Date;
    setId: number;
    definition: CriteriaSetDefinition;
  },
): Promise<ScoreRun & { source: ScoresSource }> {
  const { date } = input;
  const stored = new Map<number, HamletScore>();
  const storedDates: string[] = [];
  if (date < input.today) {
    const from = addMonths(date, -SNAPSHOT_WINDOW_MONTHS);
    for (const row of await latestSnapshotsBetween(handle.db, input.hamletIds, input.setId, from, date)) {
      const result = unitsRepo.storedHamletResult(row);
      if (!result) continue;
      const counters = unitsRepo.storedUnitCounters(row);
      stored.set(row.unitId, { hamletId: row.unitId, counters, facts: {}, result });
      storedDates.push(row.assessmentDate);
    }
  }
  const missing = input.hamletIds.filter((id) => !stored.has(id));
  const live =
    missing.length > 0
      ? await scoreHamlets(handle.db, input.definition, date, missing, dataInstant(date, input.now))
      : null;
  const liveOf = new Map((live?.hamlets ?? []).map((h) => [h.hamletId, h]));
  const compiled = live?.compiled ?? compileCriteriaSet(input.definition, date);
  const hamlets = input.hamletIds.map((id) => stored.get(id) ?? liveOf.get(id)!);
  storedDates.sort();
  return {
    compiled,
    hamlets,
    rollup: evaluateRollup(
      compiled,
      sumCounters(hamlets.map((h) => h.counters)),
      hamlets.map((h) => h.result),
    ),
    source: {
      snapshots: stored.size,
      snapshotDates: storedDates.length > 0 ? [storedDates[0]!, storedDates[storedDates.length - 1]!] : null,
      live: missing.length,
    },
  };
}
