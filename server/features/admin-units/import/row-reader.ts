import { parseDateVi } from '../../../../domain/text/format.js';
import type { ImportIssues } from './import-issues.js';
import type { RawTable } from './read-table.js';

export type RawRow = RawTable['rows'][number];

/**
 * Reads typed values out of rows by column name and records an issue for each bad value. A method returns null when
 * the value is bad (the issue is recorded) and undefined when an optional value is absent.
 */
export class RowReader {
  constructor(
    private readonly columns: Map<string, number>,
    readonly issues: ImportIssues,
  ) {}

  text(row: RawRow, column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (row.cells[index] ?? '');
  }

  required(row: RawRow, column: string): string | null {
    const value = this.text(row, column);
    if (value !== '') return value;
    this.issues.error(row.row, column, 'IMPORT_VALUE_REQUIRED');
    return null;
  }

  /**
   * An official code of `digits` digits. Shorter all-digit codes are left-padded, because a spreadsheet turns "01"
   * into the number 1; anything else is an error.
   */
  code(row: RawRow, column: string, digits: number, optional = false): string | null | undefined {
    const value = this.text(row, column);
    if (value === '') {
      if (optional) return undefined;
      this.issues.error(row.row, column, 'IMPORT_VALUE_REQUIRED');
      return null;
    }
    if (/^\d+$/.test(value) && value.length <= digits) return value.padStart(digits, '0');
    this.issues.error(row.row, column, 'IMPORT_CODE_INVALID', { value, digits });
    return null;
  }

  /** A date written dd/MM/yyyy or yyyy-MM-dd, as ISO. */
  date(row: RawRow, column: string): string | null | undefined {
    const value = this.text(row, column);
    if (value === '') return undefined;
    const iso = parseDateVi(value);
    if (iso === null) this.issues.error(row.row, column, 'IMPORT_DATE_INVALID', { value });
    return iso;
  }
}

/**
 * Rows whose cell count differs from the header's are reported and left out. Extra cells that are all empty (a
 * trailing comma, a spreadsheet's blank columns) are tolerated.
 */
export function rowsWithHeaderWidth(table: RawTable, issues: ImportIssues): RawRow[] {
  const width = table.header.length;
  return table.rows.filter((r) => {
    const filled = r.cells.length > width && r.cells.slice(width).some((c) => c !== '');
    if (r.cells.length < width || filled) {
      issues.error(r.row, null, 'IMPORT_COLUMN_COUNT', { actual: r.cells.length, expected: width });
      return false;
    }
    return true;
  });
}
