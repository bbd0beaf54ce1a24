import { MERGE_TYPES, type MergeType } from '../../../../domain/admin-units/constants.js';
import type { RawRow, RowReader } from './row-reader.js';

/** One old → new row of the 2025 mapping file, checked for shape but not yet against the database. */
export interface MappingRow {
  row: number;
  oldProvinceCode: string;
  /** Empty for the 12 codes only the source lists, which carry no district. */
  oldDistrictCode: string | null;
  /** Empty for the 5 island districts that had no communes: the old unit is then the district. */
  oldWardCode: string | null;
  newProvinceCode: string;
  newWardCode: string;
  mergeType: MergeType;
  note: string | null;
}

/** Reads the mapping rows; a pair (old unit, new unit) may appear once, or repeat identically (then a warning). */
export function validateMapping(rows: RawRow[], reader: RowReader): MappingRow[] {
  const out: MappingRow[] = [];
  const firstByPair = new Map<string, MappingRow>();
  for (const row of rows) {
    const oldProvinceCode = reader.code(row, 'old_province_code', 2);
    const oldDistrictCode = reader.code(row, 'old_district_code', 3, true);
    const oldWardCode = reader.code(row, 'old_ward_code', 5, true);
    const newProvinceCode = reader.code(row, 'new_province_code', 2);
    const newWardCode = reader.code(row, 'new_ward_code', 5);
    const mergeWord = reader.required(row, 'merge_type');
    const mergeType = MERGE_TYPES.find((m) => m === mergeWord?.toLowerCase()) ?? null;
    if (mergeWord !== null && mergeType === null)
      reader.issues.error(row.row, 'merge_type', 'IMPORT_MERGE_TYPE_INVALID', { value: mergeWord });
    if (oldWardCode === undefined && oldDistrictCode === undefined) {
      reader.issues.error(row.row, 'old_ward_code', 'IMPORT_VALUE_REQUIRED');
      continue;
    }
    if (
      !oldProvinceCode ||
      !newProvinceCode ||
      !newWardCode ||
      !mergeType ||
      oldDistrictCode === null ||
      oldWardCode === null
    )
      continue;

    const parsed: MappingRow = {
      row: row.row,
      oldProvinceCode,
      oldDistrictCode: oldDistrictCode ?? null,
      oldWardCode: oldWardCode ?? null,
      newProvinceCode,
      newWardCode,
      mergeType,
      note: reader.text(row, 'note') || null,
    };
    const pair = `${parsed.oldWardCode ?? `d${parsed.oldDistrictCode}`}>${newWardCode}`;
    const first = firstByPair.get(pair);
    if (!first) {
      firstByPair.set(pair, parsed);
      out.push(parsed);
    } else if (
      first.mergeType === parsed.mergeType &&
      first.oldProvinceCode === parsed.oldProvinceCode &&
      first.newProvinceCode === parsed.newProvinceCode
    ) {
      reader.issues.warning(row.row, null, 'IMPORT_DUPLICATE_ROW', { firstRow: first.row });
    } else {
      reader.issues.error(row.row, 'new_ward_code', 'IMPORT_DUPLICATE', {
        value: `${parsed.oldWardCode ?? parsed.oldDistrictCode} → ${newWardCode}`,
        firstRow: first.row,
      });
    }
  }
  return out;
}
