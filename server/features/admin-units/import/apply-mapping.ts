import { REFORM_FIRST_DAY_NEW, REFORM_LAST_DAY_OLD } from '../../../../domain/admin-units/constants.js';
import { isValidOn } from '../../../../domain/admin-units/dates.js';
import { deriveProvinceLineage } from '../../../../domain/admin-units/lineage.js';
import type { AdminLevel } from '../../../db/tables.js';
import type { ImportCounts } from './apply-national.js';
import type { ImportIssues } from './import-issues.js';
import type { ExistingUnit, ImportRepository, LineageRow } from './import.repository.js';
import type { MappingRow } from './validate-mapping.js';

/** Code → id of the units of `level` that exist on `date` (a code names at most one unit on a given day). */
function codesOn(units: ExistingUnit[], level: AdminLevel, date: string): Map<string, number> {
  return new Map(
    units
      .filter((u) => u.level === level && u.code !== null && isValidOn(u, date))
      .map((u) => [u.code!, u.id]),
  );
}

/**
 * Writes the 2025 old → new links: each old commune (valid on 30/06/2025) to the new commune (valid on 01/07/2025),
 * plus the province links derived from them. An old unit missing from the database is skipped with a warning when
 * the row's note explains why (codes only the mapping source lists, island districts without communes), and is an
 * error otherwise; a missing new unit is always an error. Records errors in `issues`; writes nothing if there are any.
 */
export async function applyMapping(
  repo: ImportRepository,
  rows: MappingRow[],
  issues: ImportIssues,
  options: { dryRun: boolean },
): Promise<ImportCounts> {
  const units = await repo.loadOfficialUnits();
  const oldCommunes = codesOn(units, 'commune', REFORM_LAST_DAY_OLD);
  const oldDistricts = codesOn(units, 'district', REFORM_LAST_DAY_OLD);
  const newCommunes = codesOn(units, 'commune', REFORM_FIRST_DAY_NEW);
  const oldProvinces = codesOn(units, 'province', REFORM_LAST_DAY_OLD);
  const newProvinces = codesOn(units, 'province', REFORM_FIRST_DAY_NEW);

  const links = new Map<string, LineageRow>();
  const provincePairs: Array<{ from: number; to: number }> = [];
  for (const r of rows) {
    const newId = newCommunes.get(r.newWardCode);
    const oldId = r.oldWardCode ? oldCommunes.get(r.oldWardCode) : oldDistricts.get(r.oldDistrictCode!);
    const oldColumn = r.oldWardCode ? 'old_ward_code' : 'old_district_code';
    const oldCode = r.oldWardCode ?? r.oldDistrictCode!;
    if (newId === undefined)
      issues.error(r.row, 'new_ward_code', 'IMPORT_NEW_UNIT_MISSING', { value: r.newWardCode });
    if (oldId === undefined) {
      if (r.note)
        issues.warning(r.row, oldColumn, 'IMPORT_OLD_UNIT_SKIPPED', { value: oldCode, note: r.note });
      else issues.error(r.row, oldColumn, 'IMPORT_OLD_UNIT_MISSING', { value: oldCode });
    }
    // Skipped rows still tell where an old province's territory went.
    const fromProvince = oldProvinces.get(r.oldProvinceCode);
    const toProvince = newProvinces.get(r.newProvinceCode);
    if (fromProvince !== undefined && toProvince !== undefined)
      provincePairs.push({ from: fromProvince, to: toProvince });
    if (newId !== undefined && oldId !== undefined) {
      links.set(`${oldId}|${newId}`, {
        fromUnitId: oldId,
        toUnitId: newId,
        mergeType: r.mergeType,
        effectiveDate: REFORM_FIRST_DAY_NEW,
        note: r.note,
      });
    }
  }
  for (const p of deriveProvinceLineage(provincePairs)) {
    links.set(`${p.from}|${p.to}`, {
      fromUnitId: p.from,
      toUnitId: p.to,
      mergeType: p.mergeType,
      effectiveDate: REFORM_FIRST_DAY_NEW,
      note: null,
    });
  }
  const counts: ImportCounts = { added: 0, changed: 0, unchanged: 0, lineageAdded: 0 };
  if (issues.hasErrors) return counts;

  const existing = new Map((await repo.loadLineage()).map((l) => [`${l.fromUnitId}|${l.toUnitId}`, l]));
  const toInsert: LineageRow[] = [];
  const toUpdate: Array<{ id: number; link: LineageRow }> = [];
  for (const [key, link] of links) {
    const found = existing.get(key);
    if (!found) toInsert.push(link);
    else if (
      found.mergeType !== link.mergeType ||
      found.effectiveDate !== link.effectiveDate ||
      found.note !== link.note
    ) {
      toUpdate.push({ id: found.id, link });
    } else counts.unchanged += 1;
  }
  counts.lineageAdded = toInsert.length;
  counts.changed = toUpdate.length;
  if (options.dryRun) return counts;
  await repo.insertLineage(toInsert);
  for (const { id, link } of toUpdate)
    await repo.updateLineage(id, {
      mergeType: link.mergeType,
      effectiveDate: link.effectiveDate,
      note: link.note,
    });
  return counts;
}
