import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../policies/actor.js';
import { assertUnitInScope } from '../../policies/scope.js';
import * as unitsRepo from '../assessments/assessments.repository.js';
import { forecastFromSnapshots, type CriterionForecast } from '../../../domain/forecast/forecast.js';
import type { ActionListContext } from './action-lists.service.js';
import { snapshotsOf } from './action-lists.repository.js';
import { findCriteriaSet } from '../criteria-sets/criteria-sets.repository.js';
import type { CriteriaSetDefinition } from '../../../domain/criteria/index.js';

export interface HamletForecast {
  hamletId: number;
  /** How many stored snapshots the forecast read, and the dates of the first and last. */
  snapshots: number;
  from: string | null;
  to: string | null;
  criteria: Array<CriterionForecast & { name: { vi: string; en: string } }>;
}

/**
 * When each criterion of a hamlet would reach its target at the pace of its stored snapshots (issue 5 §4).
 * Aggregates only (no personal data), so any reader in scope may see it. 404 unknown unit, 403 out of scope,
 * 400 not a hamlet.
 */
export async function hamletForecast(
  handle: Db,
  ctx: ActionListContext,
  hamletId: number,
): Promise<HamletForecast> {
  const actor = requireActor(ctx.actor);
  const unit = await unitsRepo.findUnit(handle.db, hamletId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, hamletId);
  if (unit.level !== 'hamlet') throw new AppError('UNIT_NOT_HAMLET');
  const rows = await snapshotsOf(handle.db, hamletId);
  const snapshots = rows.flatMap((r) => {
    const result = unitsRepo.storedHamletResult(r);
    return result ? [{ date: r.assessmentDate, result }] : [];
  });
  // Names come from the criteria version of the latest snapshot, whose targets the forecast aims at.
  const names = new Map<string, { vi: string; en: string }>();
  const latestSet = rows.length
    ? await findCriteriaSet(handle.db, rows[rows.length - 1].criteriaSetId)
    : undefined;
  if (latestSet)
    for (const g of (JSON.parse(latestSet.definition) as CriteriaSetDefinition).groups)
      for (const c of g.criteria) names.set(c.code, c.name);
  return {
    hamletId,
    snapshots: snapshots.length,
    from: snapshots[0]?.date ?? null,
    to: snapshots.at(-1)?.date ?? null,
    criteria: forecastFromSnapshots(snapshots).map((c) => ({
      ...c,
      name: names.get(c.code) ?? { vi: c.code, en: c.code },
    })),
  };
}
