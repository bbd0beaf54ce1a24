import { foldVietnamese } from '../../../../domain/text/fold.js';
import type { AdminLevel } from '../../../db/tables.js';
import type { ImportRepository, NewPeriodRow, NewUnitRow } from './import.repository.js';
import type { NationalPlan, PlannedUnit } from './validate-national.js';

export interface ImportCounts {
  added: number;
  changed: number;
  unchanged: number;
  lineageAdded: number;
}

const unitKey = (level: AdminLevel, code: string | null, validFrom: string) =>
  `${level}|${code}|${validFrom}`;
const plannedKey = (p: PlannedUnit) => unitKey(p.level, p.code, p.validFrom);

/**
 * Brings the database in line with a national list. Units are matched by (level, code, valid_from), the key that
 * tells apart the old and new unit sharing a reused code. A match whose name, type, parent or end differs is
 * corrected in place (unit row and current period): a list states what a unit is, not when it changed, so no new
 * period is opened. Unmatched units are inserted with one 'created' period. With `dryRun` only counts are returned.
 */
export async function applyNational(
  repo: ImportRepository,
  plan: NationalPlan,
  options: { nowIso: string; dryRun: boolean },
): Promise<ImportCounts> {
  const existing = await repo.loadOfficialUnits();
  const byKey = new Map(existing.map((u) => [unitKey(u.level, u.code, u.validFrom), u]));
  const keyById = new Map(existing.map((u) => [u.id, unitKey(u.level, u.code, u.validFrom)]));

  const toInsert: PlannedUnit[] = [];
  const toUpdate: Array<{ planned: PlannedUnit; id: number }> = [];
  let unchanged = 0;
  for (const planned of plan.units) {
    const found = byKey.get(plannedKey(planned));
    if (!found) {
      toInsert.push(planned);
      continue;
    }
    const parentKey = found.parentId === null ? null : (keyById.get(found.parentId) ?? null);
    const same =
      found.name === planned.name &&
      found.type === planned.type &&
      found.validTo === planned.validTo &&
      parentKey === (planned.parent ? plannedKey(planned.parent) : null);
    if (same) unchanged += 1;
    else toUpdate.push({ planned, id: found.id });
  }
  const counts = { added: toInsert.length, changed: toUpdate.length, unchanged, lineageAdded: 0 };
  if (options.dryRun) return counts;

  const ids = new Map([...byKey].map(([key, u]) => [key, u.id]));
  const parentIdOf = (p: PlannedUnit) => (p.parent ? ids.get(plannedKey(p.parent))! : null);
  const periods: NewPeriodRow[] = [];
  // Parents first, so each level's parent ids are known when it is inserted.
  for (const level of ['province', 'district', 'commune'] as const) {
    const rows: NewUnitRow[] = toInsert
      .filter((p) => p.level === level)
      .map((p) => ({
        level,
        code: p.code,
        localCode: null,
        name: p.name,
        nameFolded: foldVietnamese(p.name),
        type: p.type,
        parentId: parentIdOf(p),
        validFrom: p.validFrom,
        validTo: p.validTo,
        createdAt: options.nowIso,
        updatedAt: options.nowIso,
      }));
    const newIds = await repo.insertUnits(rows, (r) => unitKey(r.level, r.code, r.validFrom));
    for (const row of rows) {
      const key = unitKey(row.level, row.code, row.validFrom);
      const id = newIds.get(key)!;
      ids.set(key, id);
      const { name, nameFolded, type, parentId, validFrom, validTo } = row;
      periods.push({ unitId: id, name, nameFolded, type, parentId, validFrom, validTo, reason: 'created' });
    }
  }
  await repo.insertPeriods(periods);

  const bounds = await repo.periodBounds(toUpdate.map((u) => u.id));
  for (const { planned, id } of toUpdate) {
    const set = {
      name: planned.name,
      nameFolded: foldVietnamese(planned.name),
      type: planned.type,
      parentId: parentIdOf(planned),
      validTo: planned.validTo,
    };
    await repo.updateUnit(id, { ...set, updatedAt: options.nowIso });
    const lastId = bounds.get(id)?.lastId;
    if (lastId !== undefined) await repo.updatePeriod(lastId, set);
  }
  return counts;
}
