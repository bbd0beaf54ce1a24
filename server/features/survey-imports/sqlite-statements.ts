import { VERSION_SQL_COLUMNS } from '../../db/survey-columns.js';

/** Rows per prepared multi-row INSERT of a SQLite import (main thread and worker alike). */
export const SQLITE_ROWS_PER_STATEMENT = 100;

export interface SqliteImportStatements {
  /** Values per row (the record's columns; the version bookkeeping is bound by name). */
  width: number;
  /** INSERT of SQLITE_ROWS_PER_STATEMENT rows. */
  many: string;
  /** INSERT of one row, for the remainder. */
  one: string;
  /** Closes the version of (uid, valid_from) that is still current at `valid_to`: parameters valid_to, uid, valid_from. */
  close: string;
}

/**
 * The SQL a SQLite import runs on one table, built once here so that the one-thread writer (import-writer.ts) and
 * the worker thread (sqlite-write-worker.mjs, which may not import project code) run the very same statements.
 * Each row binds its record columns positionally and the version bookkeeping as @validFrom, @changedBy, @changeNote.
 */
export function sqliteImportStatements(table: string, record: readonly string[]): SqliteImportStatements {
  const tuple = `(${record.map(() => '?').join(', ')}, @validFrom, NULL, @changedBy, @changeNote)`;
  const head = `insert into "${table}" (${[...record, ...VERSION_SQL_COLUMNS].map((c) => `"${c}"`).join(', ')}) values `;
  return {
    width: record.length,
    many: head + new Array(SQLITE_ROWS_PER_STATEMENT).fill(tuple).join(', '),
    one: head + tuple,
    close: `update "${table}" set valid_to = ? where uid = ? and valid_from = ? and valid_to is null`,
  };
}
