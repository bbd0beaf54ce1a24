import { IMPORT_LAYOUTS, type ImportLayout } from '../../../../domain/admin-units/schemas.js';
import type { ImportIssues } from './import-issues.js';

/**
 * The column layouts the importer accepts, by exact header name (case and order do not matter). The first three are
 * those of the national lists in ../shared/data (see its SOURCES.md); the last is the hamlet list a ward keeps.
 */
export const LAYOUT_COLUMNS: Record<
  ImportLayout,
  { required: readonly string[]; optional: readonly string[] }
> = {
  before_2025: {
    required: [
      'province_code',
      'province_name',
      'district_code',
      'district_name',
      'ward_code',
      'ward_name',
      'ward_type',
    ],
    optional: ['valid_from', 'valid_to'],
  },
  after_2025: {
    required: ['province_code', 'province_name', 'ward_code', 'ward_name', 'ward_type'],
    optional: ['valid_from', 'valid_to'],
  },
  mapping_2025: {
    required: [
      'old_province_code',
      'old_district_code',
      'old_ward_code',
      'old_name',
      'new_province_code',
      'new_ward_code',
      'new_ward_name',
      'merge_type',
    ],
    optional: ['note'],
  },
  hamlets: {
    required: ['parent_code', 'name', 'type'],
    optional: ['local_code', 'valid_from'],
  },
};

export interface DetectedLayout {
  layout: ImportLayout;
  /** Column name → index in each row. */
  columns: Map<string, number>;
}

function describe(layout: ImportLayout): string {
  const { required, optional } = LAYOUT_COLUMNS[layout];
  return `${layout} (${[...required, ...optional.map((c) => `[${c}]`)].join(',')})`;
}

/**
 * Picks the layout whose required columns are all present and that knows every column of the header. When none fits,
 * records one error naming the accepted layouts and, for the closest one, the missing and unknown columns.
 */
export function detectLayout(
  header: readonly string[],
  headerRow: number,
  issues: ImportIssues,
): DetectedLayout | null {
  const names = header.map((h) => h.toLowerCase());
  const columns = new Map<string, number>();
  const repeated = new Set<string>();
  names.forEach((name, index) => (columns.has(name) ? repeated.add(name) : columns.set(name, index)));

  let best: { layout: ImportLayout; missing: string[]; unknown: string[] } | null = null;
  for (const layout of IMPORT_LAYOUTS) {
    const { required, optional } = LAYOUT_COLUMNS[layout];
    const missing = required.filter((c) => !columns.has(c));
    const unknown = [...columns.keys()].filter((c) => !required.includes(c) && !optional.includes(c));
    if (missing.length === 0 && unknown.length === 0 && repeated.size === 0) return { layout, columns };
    if (!best || missing.length + unknown.length < best.missing.length + best.unknown.length)
      best = { layout, missing, unknown };
  }
  issues.error(headerRow, null, 'IMPORT_HEADER_INVALID', {
    expected: IMPORT_LAYOUTS.map(describe).join('; '),
    missing: best!.missing.join(', ') || '-',
    unknown: [...best!.unknown, ...[...repeated].map((c) => `${c} (x2)`)].join(', ') || '-',
  });
  return null;
}
