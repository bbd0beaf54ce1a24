import {
  HISTORIC_START,
  REFORM_FIRST_DAY_NEW,
  REFORM_LAST_DAY_OLD,
} from '../../../../domain/admin-units/constants.js';
import { isSpanWithin, type DateSpan } from '../../../../domain/admin-units/dates.js';
import { typeFromName, typeFromWord, type UnitType } from '../../../../domain/admin-units/unit-types.js';
import { formatDateVi } from '../../../../domain/text/format.js';
import type { RawRow, RowReader } from './row-reader.js';

export type NationalLevel = 'province' | 'district' | 'commune';

/** A unit as a national list describes it; `parent` points at another planned unit of the same file. */
export interface PlannedUnit extends DateSpan {
  level: NationalLevel;
  code: string;
  name: string;
  type: UnitType;
  parent: PlannedUnit | null;
  /** First row that described it. */
  row: number;
}

/** Units found in the file, parents before children (provinces, then districts, then communes). */
export interface NationalPlan {
  units: PlannedUnit[];
}

const CODE_DIGITS: Record<NationalLevel, number> = { province: 2, district: 3, commune: 5 };

/** Existence of the units of each list when no valid_from / valid_to columns say otherwise. */
export const DEFAULT_SPANS: Record<'before_2025' | 'after_2025', DateSpan> = {
  before_2025: { validFrom: HISTORIC_START, validTo: REFORM_LAST_DAY_OLD },
  after_2025: { validFrom: REFORM_FIRST_DAY_NEW, validTo: null },
};

function sameUnit(a: PlannedUnit, b: PlannedUnit): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo &&
    a.parent?.code === b.parent?.code
  );
}

const showDate = (d: string | null) => (d === null ? '…' : formatDateVi(d));

/**
 * Reads the pre-2025 list (province → district → commune) or the post-2025 list (province → commune). Provinces and
 * districts repeat on every row of their communes and must agree; optional valid_from / valid_to apply to the row's
 * commune and must lie within its parents' existence.
 */
export function validateNational(
  rows: RawRow[],
  reader: RowReader,
  layout: 'before_2025' | 'after_2025',
): NationalPlan {
  const span = DEFAULT_SPANS[layout];
  const seen: Record<NationalLevel, Map<string, PlannedUnit>> = {
    province: new Map(),
    district: new Map(),
    commune: new Map(),
  };

  /** Registers a unit, or checks it against the first row that gave the same code; returns the unit to use. */
  const register = (
    candidate: PlannedUnit,
    codeColumn: string,
    row: RawRow,
    isCommune: boolean,
  ): PlannedUnit | null => {
    const first = seen[candidate.level].get(candidate.code);
    if (!first) {
      seen[candidate.level].set(candidate.code, candidate);
      return candidate;
    }
    if (sameUnit(first, candidate)) {
      if (isCommune) reader.issues.warning(row.row, null, 'IMPORT_DUPLICATE_ROW', { firstRow: first.row });
      return first;
    }
    reader.issues.error(row.row, codeColumn, 'IMPORT_DUPLICATE', {
      value: candidate.code,
      firstRow: first.row,
    });
    return null;
  };

  const readParent = (
    row: RawRow,
    level: NationalLevel,
    prefix: 'province' | 'district',
    parent: PlannedUnit | null,
  ) => {
    const code = reader.code(row, `${prefix}_code`, CODE_DIGITS[level]);
    const name = reader.required(row, `${prefix}_name`);
    if (!code || !name) return null;
    const type = typeFromName(level, name);
    if (!type) {
      reader.issues.error(row.row, `${prefix}_name`, 'IMPORT_TYPE_UNKNOWN', {
        value: name.split(' ').slice(0, 2).join(' '),
        level,
      });
      return null;
    }
    return register({ level, code, name, type, parent, ...span, row: row.row }, `${prefix}_code`, row, false);
  };

  for (const row of rows) {
    const province = readParent(row, 'province', 'province', null);
    const district = layout === 'before_2025' ? readParent(row, 'district', 'district', province) : null;
    const parent = layout === 'before_2025' ? district : province;

    const code = reader.code(row, 'ward_code', CODE_DIGITS.commune);
    const name = reader.required(row, 'ward_name');
    const typeWord = reader.required(row, 'ward_type');
    const type = typeWord === null ? null : typeFromWord('commune', typeWord);
    if (typeWord !== null && type === null) {
      reader.issues.error(row.row, 'ward_type', 'IMPORT_TYPE_UNKNOWN', { value: typeWord, level: 'commune' });
    }
    const validFrom = reader.date(row, 'valid_from');
    const validTo = reader.date(row, 'valid_to');
    if (!parent || !code || !name || !type || validFrom === null || validTo === null) continue;

    const own = {
      validFrom: validFrom ?? span.validFrom,
      validTo: validTo === undefined ? span.validTo : validTo,
    };
    if (own.validTo !== null && own.validTo < own.validFrom) {
      reader.issues.error(row.row, 'valid_to', 'IMPORT_DATE_INVALID', {
        value: reader.text(row, 'valid_to'),
      });
      continue;
    }
    if (!isSpanWithin(own, parent)) {
      reader.issues.error(
        row.row,
        own.validFrom < parent.validFrom ? 'valid_from' : 'valid_to',
        'IMPORT_DATE_OUTSIDE_PARENT',
        {
          from: showDate(own.validFrom),
          to: showDate(own.validTo),
          parentFrom: showDate(parent.validFrom),
          parentTo: showDate(parent.validTo),
        },
      );
      continue;
    }
    register({ level: 'commune', code, name, type, parent, ...own, row: row.row }, 'ward_code', row, true);
  }
  return { units: [...seen.province.values(), ...seen.district.values(), ...seen.commune.values()] };
}
