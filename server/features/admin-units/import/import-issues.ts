import type { ImportIssue } from '../../../../domain/admin-units/schemas.js';
import { localiseError, type ErrorCode } from '../../../errors.js';

/** Issues kept per kind; a file with thousands of bad rows is usually one systematic mistake. */
const MAX_LISTED = 500;

type Params = Record<string, string | number>;

/**
 * Collects the problems found in an import file, each with its row (1-based, header = row 1), column, a stable
 * code and the reason in Vietnamese and English (texts live in server/error-messages.ts).
 */
export class ImportIssues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;

  error(row: number | null, column: string | null, code: ErrorCode, params: Params = {}): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED) this.errors.push(makeIssue(row, column, code, params));
  }

  warning(row: number | null, column: string | null, code: ErrorCode, params: Params = {}): void {
    this.warningCount += 1;
    if (this.warnings.length < MAX_LISTED) this.warnings.push(makeIssue(row, column, code, params));
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** The lists for the report, each ending with a note of how many more were left out. */
  listed(): { errors: ImportIssue[]; warnings: ImportIssue[] } {
    const more = (count: number, listed: ImportIssue[]) =>
      count > listed.length
        ? [...listed, makeIssue(null, null, 'IMPORT_TOO_MANY_ISSUES', { count: count - listed.length })]
        : listed;
    return { errors: more(this.errorCount, this.errors), warnings: more(this.warningCount, this.warnings) };
  }
}

function makeIssue(row: number | null, column: string | null, code: ErrorCode, params: Params): ImportIssue {
  const withColumn = column === null ? params : { column, ...params };
  return {
    row,
    column,
    code,
    vi: localiseError(code, 'vi', withColumn),
    en: localiseError(code, 'en', withColumn),
  };
}
