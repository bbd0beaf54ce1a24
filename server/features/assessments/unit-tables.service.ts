import type { Db } from '../../db/database.js';
import { requireActor } from '../../policies/actor.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import type { AssessmentResult } from '../../../domain/criteria/index.js';
import * as repo from './assessments.repository.js';
import {
  computeScorecard,
  dataInstant,
  resolveSet,
  wardsInScope,
  type ScoreContext,
} from './assessments.service.js';
import { isoDateInVietnam as todayIn } from '../../../domain/admin-units/dates.js';
import { scoreHamlets } from './score-hamlets.js';

function hamletRow(unit: repo.UnitAt, result: AssessmentResult, pilots: Set<number>) {
  return {
    id: unit.id,
    name: unit.name,
    type: unit.type,
    isPilot: pilots.has(unit.id),
    meetsStandard: result.overall.meetsStandard,
    met: result.overall.met,
    applicable: result.overall.applicable,
    notAssessable: result.overall.notAssessable,
    groups: result.groups,
    criteria: result.criteria
      .filter((c) => !c.hidden)
      .map((c) => ({ code: c.code, status: c.status, percent: c.percent, gap: c.gap, gapUnit: c.gapUnit })),
  };
}

/** A hamlet's scorecard, or for a ward/city the roll-up plus one row per hamlet. */
export async function scorecardView(
  handle: Db,
  ctx: ScoreContext,
  unitId: number,
  date?: string,
  criteriaSetId?: number,
) {
  const card = await computeScorecard(handle, ctx, unitId, date, criteriaSetId);
  const pilots = await repo.listPilotIds(handle.db);
  const byId = new Map(card.hamlets.map((h) => [h.id, h]));
  const rows = card.run.hamlets
    .map((h) => hamletRow(byId.get(h.hamletId)!, h.result, pilots))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  return {
    unit: card.unit,
    date: card.date,
    criteriaSet: card.criteriaSet,
    result: card.unit.level === 'hamlet' ? card.run.hamlets[0].result : null,
    rollup: card.unit.level === 'hamlet' ? null : card.run.rollup,
    hamlets: rows,
    isPilot: pilots.has(card.unit.id),
  };
}

/**
 * The city's table of wards on a date: for each ward its hamlets, its pilots, how many hamlets meet the standard,
 * and the brief's goal counter "wards with at least one hamlet meeting the standard: x / N". All hamlets of all
 * wards are scored in one run (one aggregate query per table).
 */
export async function cityTable(
  handle: Db,
  ctx: ScoreContext,
  dateIn?: string,
  rootId?: number,
  criteriaSetId?: number,
) {
  const actor = requireActor(ctx.actor);
  const date = dateIn ?? todayIn(ctx.now);
  const wards = (await wardsInScope(handle, actor, date, rootId)).sort((a, b) =>
    compareVietnamese(a.name, b.name),
  );
  const { row: setRow, definition } = await resolveSet(handle, date, criteriaSetId);
  const hamletsByWard = new Map<number, repo.UnitAt[]>();
  for (const ward of wards) {
    hamletsByWard.set(
      ward.id,
      (await repo.descendantsOn(handle.db, ward.id, date)).filter((u) => u.level === 'hamlet'),
    );
  }
  const allHamlets = [...hamletsByWard.values()].flat();
  const run = await scoreHamlets(
    handle.db,
    definition,
    date,
    allHamlets.map((h) => h.id),
    dataInstant(date, ctx.now),
  );
  const resultOf = new Map(run.hamlets.map((h) => [h.hamletId, h.result]));
  const pilots = await repo.listPilotIds(handle.db);
  const rows = wards.map((ward) => {
    const hamlets = hamletsByWard.get(ward.id)!.map((h) => hamletRow(h, resultOf.get(h.id)!, pilots));
    const best =
      [...hamlets].sort((a, b) => b.met / Math.max(1, b.applicable) - a.met / Math.max(1, a.applicable))[0] ??
      null;
    return {
      id: ward.id,
      name: ward.name,
      type: ward.type,
      hamlets: hamlets.length,
      hamletsMeetingStandard: hamlets.filter((h) => h.meetsStandard).length,
      pilots: hamlets
        .filter((h) => h.isPilot)
        .map((h) => ({
          id: h.id,
          name: h.name,
          met: h.met,
          applicable: h.applicable,
          meetsStandard: h.meetsStandard,
        })),
      best: best && { id: best.id, name: best.name, met: best.met, applicable: best.applicable },
    };
  });
  return {
    date,
    criteriaSet: { id: setRow.id, code: setRow.code, version: setRow.version, name: setRow.name },
    goal: {
      wardsWithStandardHamlet: rows.filter((w) => w.hamletsMeetingStandard > 0).length,
      wards: rows.length,
    },
    wards: rows,
    rollup: run.rollup,
  };
}
