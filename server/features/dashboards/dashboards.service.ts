import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireActor, requireRole } from '../../policies/actor.js';
import { assertUnitInScope } from '../../policies/scope.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import { criteriaCatalogue } from '../../../domain/dashboards/catalogue.js';
import type { AssessmentResult, RollupResult } from '../../../domain/criteria/index.js';
import * as unitsRepo from '../assessments/assessments.repository.js';
import { resolveSet, wardsInScope, type ScoreContext } from '../assessments/assessments.service.js';
import { pilotLimit } from '../assessments/pilots.service.js';
import { scorecardView } from '../assessments/unit-tables.service.js';
import {
  assessWardsOnDate,
  SNAPSHOT_WINDOW_MONTHS,
  type WardAssessment,
  type WardsOnDate,
} from './reaggregated-wards.js';
import { latestSnapshotsBetween } from './dashboards.repository.js';
import { addMonths } from '../../../domain/criteria/calendar.js';

function hamletRow(unit: unitsRepo.UnitAt, result: AssessmentResult, pilots: Set<number>) {
  return {
    id: unit.id,
    name: unit.name,
    isPilot: pilots.has(unit.id),
    meetsStandard: result.overall.meetsStandard,
    met: result.overall.met,
    applicable: result.overall.applicable,
    notAssessable: result.overall.notAssessable,
    criteria: result.criteria
      .filter((c) => !c.hidden)
      .map((c) => ({ code: c.code, status: c.status, percent: c.percent, gap: c.gap, gapUnit: c.gapUnit })),
  };
}

/** Per criterion over a group of hamlets: the value of the summed counters (ratios) and how many hamlets meet it. */
function criteriaOf(rollup: RollupResult) {
  return rollup.criteria
    .filter((c) => !c.hidden)
    .map((c) => ({
      code: c.code,
      hamlets: c.hamlets,
      hamletsMet: c.hamletsMet,
      hamletsNotMet: c.hamletsNotMet,
      hamletsNotAssessable: c.hamletsNotAssessable,
      percent: c.aggregate?.percent ?? null,
      status: c.aggregate?.status ?? null,
      gap: c.aggregate?.gap ?? null,
      gapUnit: c.aggregate?.gapUnit ?? null,
    }));
}

function wardRow(w: WardAssessment, pilots: Set<number>) {
  const hamlets = w.hamlets
    .map((h) => hamletRow(h.unit, h.score.result, pilots))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  return {
    id: w.ward.id,
    name: w.ward.name,
    type: w.ward.type,
    hamlets: hamlets.length,
    hamletsMeetingStandard: hamlets.filter((h) => h.meetsStandard).length,
    pilots: hamlets.filter((h) => h.isPilot),
    best:
      [...hamlets].sort((a, b) => b.met / Math.max(1, b.applicable) - a.met / Math.max(1, a.applicable))[0] ??
      null,
    fullSources: w.fullSources,
    partialSources: w.partialSources,
    hamletRows: hamlets,
    criteria: criteriaOf(w.rollup),
  };
}

/**
 * The city dashboard on a date: the goal counter over today's wards, a row per ward (pilots, best hamlet, partial
 * predecessors shown apart), and each criterion city-wide against its target. Every hamlet is scored once.
 */
/** What the city's and a ward's dashboards both open with: the date read, the criteria set and where figures come from. */
function dashboardHead(date: string, today: string, assessed: WardsOnDate) {
  return {
    date,
    today,
    criteriaSet: assessed.setRow,
    catalogue: criteriaCatalogue(assessed.definition),
    reorganised: assessed.reorganised,
    source: assessed.source,
  };
}

export async function cityDashboard(
  handle: Db,
  ctx: ScoreContext,
  query: { date?: string; criteriaSetId?: number },
) {
  const actor = requireRole(ctx.actor, 'city_admin', 'viewer');
  const today = isoDateInVietnam(ctx.now);
  const date = query.date ?? today;
  const wards = (await wardsInScope(handle, actor, today)).sort((a, b) => compareVietnamese(a.name, b.name));
  const assessed = await assessWardsOnDate(handle, {
    wards,
    date,
    today,
    now: ctx.now,
    criteriaSetId: query.criteriaSetId,
  });
  const pilots = await unitsRepo.listPilotIds(handle.db);
  const rows = assessed.wards.map((w) => {
    const { hamletRows: _rows, ...row } = wardRow(w, pilots);
    return row;
  });
  const withStandard = rows.filter((w) => w.hamletsMeetingStandard > 0).length;
  return {
    ...dashboardHead(date, today, assessed),
    goal: {
      wardsWithStandardHamlet: withStandard,
      wards: rows.length,
      wardsWithStandardOnlyInPartialSources: rows.filter(
        (w) => w.hamletsMeetingStandard === 0 && w.partialSources.some((p) => p.hamletsMeetingStandard > 0),
      ).length,
    },
    hamlets: assessed.run.rollup.hamlets,
    hamletsMeetingStandard: assessed.run.rollup.hamletsMeetingStandard,
    criteria: criteriaOf(assessed.run.rollup),
    wards: rows,
    /** Hamlet id → meets the standard on the date, for colouring the map. */
    hamletStandard: Object.fromEntries(
      assessed.run.hamlets.map((h) => [h.hamletId, h.result.overall.meetsStandard]),
    ),
  };
}

/** A ward's dashboard: its hamlets criterion by criterion, its pilots and the pilot limit. */
export async function wardDashboard(
  handle: Db,
  ctx: ScoreContext,
  wardId: number,
  query: { date?: string; criteriaSetId?: number },
) {
  const actor = requireRole(ctx.actor, 'city_admin', 'viewer', 'commune_officer');
  const today = isoDateInVietnam(ctx.now);
  const date = query.date ?? today;
  const unit = await unitsRepo.findUnit(handle.db, wardId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, wardId);
  const ward = await unitsRepo.findUnitOn(handle.db, wardId, today);
  if (!ward || ward.level !== 'commune') throw new AppError('DASHBOARD_NOT_A_CURRENT_WARD');
  const assessed = await assessWardsOnDate(handle, {
    wards: [ward],
    date,
    today,
    now: ctx.now,
    criteriaSetId: query.criteriaSetId,
  });
  const pilots = await unitsRepo.listPilotIds(handle.db);
  const row = wardRow(assessed.wards[0]!, pilots);
  return {
    ...dashboardHead(date, today, assessed),
    pilotLimit: await pilotLimit(handle, ctx.now),
    canMarkPilots: actor.role === 'city_admin' || actor.role === 'commune_officer',
    ward: row,
  };
}

/**
 * A hamlet's scorecard with the criteria's names and targets, for the scorecard page. For a past date the stored
 * snapshot of that time (the latest within two months, same criteria version) is shown when there is one, since
 * it is the record of how the hamlet stood; otherwise the scorecard is computed live.
 */
export async function hamletDashboard(
  handle: Db,
  ctx: ScoreContext,
  hamletId: number,
  query: { date?: string; criteriaSetId?: number },
) {
  requireActor(ctx.actor);
  const unit = await unitsRepo.findUnit(handle.db, hamletId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  if (unit.level !== 'hamlet') throw new AppError('DASHBOARD_NOT_A_HAMLET');
  const view = await scorecardView(handle, ctx, hamletId, query.date, query.criteriaSetId);
  const { definition } = await resolveSet(handle, view.date, view.criteriaSet.id);
  const parent = view.unit.parentId
    ? await unitsRepo.findUnitOn(handle.db, view.unit.parentId, view.date)
    : null;
  let result = view.result!;
  let snapshotDate: string | null = null;
  if (view.date < isoDateInVietnam(ctx.now)) {
    const [row] = await latestSnapshotsBetween(
      handle.db,
      [hamletId],
      view.criteriaSet.id,
      addMonths(view.date, -SNAPSHOT_WINDOW_MONTHS),
      view.date,
    );
    const stored = row ? unitsRepo.storedHamletResult(row) : null;
    if (row && stored) {
      result = stored;
      snapshotDate = row.assessmentDate;
    }
  }
  return {
    date: view.date,
    unit: { ...view.unit, parentName: parent?.name ?? null },
    criteriaSet: view.criteriaSet,
    catalogue: criteriaCatalogue(definition),
    isPilot: view.isPilot,
    snapshotDate,
    result,
  };
}
