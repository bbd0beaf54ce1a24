import { IMPORT_COLUMNS, matchHeader, type ImportKind } from '../../../domain/surveys/import-columns.js';
import {
  assembleHousehold,
  localCodeOf,
  type ImportIssue,
  type ImportRow,
} from '../../../domain/surveys/import-household.js';
import type { HouseholdInput } from '../../../domain/surveys/schemas.js';
import type { SourceRow } from './import-source.js';

/*
 * The part of an import that needs no database: the header, then the rows grouped by "Mã hộ" and each group
 * assembled and validated into a household, in file order, one input batch at a time.
 */

/** A household that passed validation, with the row it starts on. */
export interface AssembledHousehold {
  row: number;
  code: string;
  household: HouseholdInput;
}

/** Maps file rows onto the layout's columns in batches, counting them; the header row is consumed first. */
export async function* layoutRows(
  source: AsyncIterable<SourceRow[]>,
  kind: ImportKind,
  issues: ImportIssue[],
  counter: { rows: number },
): AsyncGenerator<ImportRow[]> {
  let positions: number[] | null = null;
  // A file in the template's own column order (the usual case) needs no remapping.
  let identity = false;
  for await (const batch of source) {
    let rows = batch;
    if (!positions) {
      const header = rows[0];
      const match = matchHeader(kind, header.cells);
      if (match.missing.length > 0 || match.unknown.length > 0) {
        issues.push({
          row: header.row,
          column: '',
          code: 'IMPORT_HEADER_INVALID',
          params: {
            expected: IMPORT_COLUMNS[kind].map((c) => c.header).join(', '),
            missing: match.missing.join(', ') || '—',
            unknown: match.unknown.join(', ') || '—',
          },
        });
        return;
      }
      positions = match.positions;
      identity = positions.every((i, k) => i === k);
      rows = rows.slice(1);
    }
    const p = positions;
    counter.rows += rows.length;
    yield identity
      ? rows
      : rows.map((r) => ({ row: r.row, cells: p.map((i) => (i < 0 ? '' : (r.cells[i] ?? ''))) }));
  }
  if (!positions) issues.push({ row: 1, column: '', code: 'IMPORT_FILE_EMPTY', params: {} });
}

/**
 * Groups rows by local code (a household's rows must be contiguous) and assembles each group; yields the valid
 * households of each input batch. Problems go into `issues`, in file order.
 */
export async function* assembledHouseholds(
  rows: AsyncIterable<ImportRow[]>,
  today: string,
  issues: ImportIssue[],
): AsyncGenerator<AssembledHousehold[]> {
  const seen = new Map<string, number>();
  let group: ImportRow[] = [];
  let groupCode = '';
  let out: AssembledHousehold[] = [];

  const flush = () => {
    if (group.length === 0) return;
    const assembled = assembleHousehold(group, today, issues);
    if (assembled) out.push({ row: group[0].row, code: groupCode, household: assembled.household });
    group = [];
  };

  for await (const batch of rows) {
    for (const row of batch) {
      const code = localCodeOf(row);
      if (code === '') {
        issues.push({ row: row.row, column: 'Mã hộ', code: 'SURVEY_IMPORT_HOUSEHOLD_MISSING', params: {} });
        continue;
      }
      if (group.length > 0 && groupCode !== code) flush();
      if (group.length === 0) {
        const firstRow = seen.get(code);
        if (firstRow !== undefined) {
          issues.push({
            row: row.row,
            column: 'Mã hộ',
            code: 'SURVEY_IMPORT_NOT_CONTIGUOUS',
            params: { code, firstRow },
          });
          continue;
        }
        seen.set(code, row.row);
        groupCode = code;
      }
      group.push(row);
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  flush();
  if (out.length > 0) yield out;
}
