import { isValidOn } from '../../../../domain/admin-units/dates.js';
import { formatDateVi } from '../../../../domain/text/format.js';
import { foldVietnamese } from '../../../../domain/text/fold.js';
import type { ImportCounts } from './apply-national.js';
import type { ImportIssues } from './import-issues.js';
import type { ExistingUnit, ImportRepository, NewUnitRow } from './import.repository.js';
import type { HamletRow } from './validate-hamlets.js';

const showDate = (d: string | null) => (d === null ? '…' : formatDateVi(d));

/**
 * Writes a ward's hamlet list under the ward or commune that has the row's code today. An existing hamlet of that
 * parent is matched by local code when the row has one, else by name (ignoring case and diacritics), and corrected in
 * place; others are inserted, existing from valid_from (default: since their parent exists) until their parent ends.
 */
export async function applyHamlets(
  repo: ImportRepository,
  rows: HamletRow[],
  issues: ImportIssues,
  options: { today: string; nowIso: string; dryRun: boolean },
): Promise<ImportCounts> {
  const parents = new Map(
    (await repo.loadOfficialUnits())
      .filter((u) => u.level === 'commune' && u.code !== null && isValidOn(u, options.today))
      .map((u) => [u.code!, u]),
  );
  const resolved: Array<{ row: HamletRow; parent: ExistingUnit; validFrom: string }> = [];
  for (const row of rows) {
    const parent = parents.get(row.parentCode);
    if (!parent) {
      issues.error(row.row, 'parent_code', 'IMPORT_PARENT_UNKNOWN', { value: row.parentCode });
      continue;
    }
    const validFrom = row.validFrom ?? parent.validFrom;
    if (!isValidOn(parent, validFrom)) {
      issues.error(row.row, 'valid_from', 'IMPORT_DATE_OUTSIDE_PARENT', {
        from: showDate(validFrom),
        to: showDate(parent.validTo),
        parentFrom: showDate(parent.validFrom),
        parentTo: showDate(parent.validTo),
      });
      continue;
    }
    resolved.push({ row, parent, validFrom });
  }
  const counts: ImportCounts = { added: 0, changed: 0, unchanged: 0, lineageAdded: 0 };
  if (issues.hasErrors) return counts;

  const existing = await repo.loadHamletsUnder([...new Set(resolved.map((r) => r.parent.id))]);
  const byCode = new Map(existing.filter((h) => h.localCode).map((h) => [`${h.parentId}|${h.localCode}`, h]));
  const byName = new Map(existing.map((h) => [`${h.parentId}|${foldVietnamese(h.name)}`, h]));
  const bounds = await repo.periodBounds(existing.map((h) => h.id));

  const toInsert: NewUnitRow[] = [];
  const toUpdate: Array<{
    id: number;
    set: { name: string; nameFolded: string; type: string; localCode: string | null; validFrom: string };
  }> = [];
  const matched = new Map<number, number>();
  for (const { row, parent, validFrom } of resolved) {
    const found = row.localCode
      ? byCode.get(`${parent.id}|${row.localCode}`)
      : byName.get(`${parent.id}|${row.nameFolded}`);
    if (!found) {
      const span = { validFrom, validTo: parent.validTo };
      toInsert.push({
        level: 'hamlet',
        code: null,
        localCode: row.localCode,
        name: row.name,
        nameFolded: row.nameFolded,
        type: row.type,
        parentId: parent.id,
        ...span,
        createdAt: options.nowIso,
        updatedAt: options.nowIso,
      });
      continue;
    }
    if (matched.has(found.id)) {
      issues.error(row.row, 'name', 'IMPORT_DUPLICATE', {
        value: found.name,
        firstRow: matched.get(found.id)!,
      });
      continue;
    }
    matched.set(found.id, row.row);
    const set = {
      name: row.name,
      nameFolded: row.nameFolded,
      type: row.type,
      localCode: row.localCode ?? found.localCode,
      validFrom: row.validFrom ?? found.validFrom,
    };
    const firstEnd = bounds.get(found.id)?.first.validTo ?? null;
    if (set.validFrom !== found.validFrom && firstEnd !== null && set.validFrom > firstEnd) {
      issues.error(row.row, 'valid_from', 'IMPORT_HISTORY_CONFLICT', {
        value: found.name,
        date: formatDateVi(firstEnd),
      });
      continue;
    }
    const same =
      set.name === found.name &&
      set.type === found.type &&
      set.localCode === found.localCode &&
      set.validFrom === found.validFrom;
    if (same) counts.unchanged += 1;
    else toUpdate.push({ id: found.id, set });
  }
  if (issues.hasErrors) return counts;
  counts.added = toInsert.length;
  counts.changed = toUpdate.length;
  if (options.dryRun) return counts;

  // Names are unique per parent within one file, so (parent, folded name) tells the inserted rows apart.
  const ids = await repo.insertUnits(toInsert, (r) => `${r.parentId}|${r.nameFolded}`);
  await repo.insertPeriods(
    toInsert.map((h) => ({
      unitId: ids.get(`${h.parentId}|${h.nameFolded}`)!,
      name: h.name,
      nameFolded: h.nameFolded,
      type: h.type,
      parentId: h.parentId,
      validFrom: h.validFrom,
      validTo: h.validTo,
      reason: 'created',
    })),
  );
  for (const { id, set } of toUpdate) {
    await repo.updateUnit(id, { ...set, updatedAt: options.nowIso });
    const b = bounds.get(id);
    if (!b) continue;
    await repo.updatePeriod(b.lastId, { name: set.name, nameFolded: set.nameFolded, type: set.type });
    await repo.updatePeriod(b.first.id, { validFrom: set.validFrom });
  }
  return counts;
}
