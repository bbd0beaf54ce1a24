import { foldVietnamese } from '../../../../domain/text/fold.js';
import { typeFromWord, type UnitType } from '../../../../domain/admin-units/unit-types.js';
import type { RawRow, RowReader } from './row-reader.js';

/** One hamlet of a ward's list, checked for shape but not yet against the database. */
export interface HamletRow {
  row: number;
  parentCode: string;
  localCode: string | null;
  name: string;
  nameFolded: string;
  type: UnitType;
  /** Absent: the hamlet is taken to exist since its ward does. */
  validFrom: string | null;
}

/**
 * Reads hamlet rows. Under one ward, a local code and a name (ignoring case and diacritics) may each appear once,
 * since either identifies the hamlet when the list is imported again.
 */
export function validateHamlets(rows: RawRow[], reader: RowReader): HamletRow[] {
  const out: HamletRow[] = [];
  const firstByKey = new Map<string, HamletRow>();
  for (const row of rows) {
    const parentCode = reader.code(row, 'parent_code', 5);
    const name = reader.required(row, 'name');
    const typeWord = reader.required(row, 'type');
    const type = typeWord === null ? null : typeFromWord('hamlet', typeWord);
    if (typeWord !== null && type === null)
      reader.issues.error(row.row, 'type', 'IMPORT_TYPE_UNKNOWN', { value: typeWord, level: 'hamlet' });
    const validFrom = reader.date(row, 'valid_from');
    if (!parentCode || !name || !type || validFrom === null) continue;

    const hamlet: HamletRow = {
      row: row.row,
      parentCode,
      localCode: reader.text(row, 'local_code') || null,
      name,
      nameFolded: foldVietnamese(name),
      type,
      validFrom: validFrom ?? null,
    };
    const keys: Array<[string, string, string]> = [[`n|${parentCode}|${hamlet.nameFolded}`, 'name', name]];
    if (hamlet.localCode) keys.push([`c|${parentCode}|${hamlet.localCode}`, 'local_code', hamlet.localCode]);
    let clash: { first: HamletRow; column: string; value: string } | null = null;
    let identical: HamletRow | null = null;
    for (const [key, column, value] of keys) {
      const first = firstByKey.get(key);
      if (!first) continue;
      const same =
        first.name === hamlet.name &&
        first.type === hamlet.type &&
        first.localCode === hamlet.localCode &&
        first.validFrom === hamlet.validFrom;
      if (same) identical = first;
      else clash ??= { first, column, value };
    }
    if (clash) {
      reader.issues.error(row.row, clash.column, 'IMPORT_DUPLICATE', {
        value: clash.value,
        firstRow: clash.first.row,
      });
    } else if (identical) {
      reader.issues.warning(row.row, null, 'IMPORT_DUPLICATE_ROW', { firstRow: identical.row });
    } else {
      for (const [key] of keys) firstByKey.set(key, hamlet);
      out.push(hamlet);
    }
  }
  return out;
}
