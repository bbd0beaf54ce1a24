import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.js';
import { AppError, localiseError, type ErrorCode } from '../../errors.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { IMPORT_COLUMNS, matchHeader, type ImportKind } from '../../../domain/surveys/import-columns.js';
import type { ImportIssue, ImportRow } from '../../../domain/surveys/import-household.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import { commitSpill, isEmptySpill } from './import-commit.js';
import {
  HOUSEHOLD_SQL_COLUMNS,
  planHouseholds,
  RESIDENT_SQL_COLUMNS,
  type PlannedChange,
  type PlanOutput,
} from './import-households.js';
import { detectFormat, readBatches, saveUpload, type SourceRow } from './import-source.js';
import { ImportSpill } from './import-spill.js';
import { commitRecords, planRecords } from './import-records.js';
import { loadHouseholdIndex } from './survey-imports.repository.js';

/*
 * The import use case (issue 4 §6): save the upload to a temp file, stream its rows through the plan, and for a
 * commit apply the spilled writes in one transaction — unless any row had an error, in which case nothing is
 * written and the same errors come back as 422 IMPORT_FAILED.
 */

/** Changes listed in a reply; the summary still counts them all. */
export const CHANGES_LISTED = 500;
/** Errors listed in a reply; beyond this they are only counted. */
export const ERRORS_LISTED = 1000;

export interface ImportError {
  row: number;
  column: string;
  code: string;
  vi: string;
  en: string;
}

export interface ImportResult {
  dryRun: boolean;
  kind: ImportKind;
  summary: { rows: number; added: number; changed: number; unchanged: number; errors: number };
  changes: PlannedChange[];
  errors: ImportError[];
}

export interface ImportRequest {
  hamletId: number;
  kind: ImportKind;
  dryRun: boolean;
  filename?: string;
  body: Readable;
}

export interface ImportHooks {
  /** Rows written so far during the commit (the SIGKILL test waits for the first call). */
  onWriting?: (written: number) => void;
}

function localise(issue: ImportIssue): ImportError {
  const code = issue.code as ErrorCode;
  return {
    row: issue.row,
    column: issue.column,
    code: issue.code,
    vi: localiseError(code, 'vi', issue.params),
    en: localiseError(code, 'en', issue.paramsEn ?? issue.params),
  };
}

/** Maps file rows onto the layout's columns in batches, counting them; the header row is consumed first. */
async function* layoutRows(
  source: AsyncGenerator<SourceRow[]>,
  kind: ImportKind,
  issues: ImportIssue[],
  counter: { rows: number },
): AsyncGenerator<ImportRow[]> {
  let positions: number[] | null = null;
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
      rows = rows.slice(1);
    }
    const p = positions;
    counter.rows += rows.length;
    // A file in the template's own column order (the usual case) needs no remapping.
    const identity = p.every((i, k) => i === k);
    yield identity
      ? rows
      : rows.map((r) => ({ row: r.row, cells: p.map((i) => (i < 0 ? '' : (r.cells[i] ?? ''))) }));
  }
  if (!positions) issues.push({ row: 1, column: '', code: 'IMPORT_FILE_EMPTY', params: {} });
}

function resultOf(
  request: ImportRequest,
  rows: number,
  out: PlanOutput,
  changes: PlannedChange[],
  issues: ImportIssue[],
): ImportResult {
  const errors = issues.map(localise);
  return {
    dryRun: request.dryRun,
    kind: request.kind,
    summary: {
      rows,
      added: out.added,
      changed: out.changed,
      unchanged: out.unchanged,
      errors: errors.length + out.overflow,
    },
    changes,
    errors,
  };
}

/** A commit of a file with errors writes nothing and answers with the same errors. */
const failed = (result: ImportResult) =>
  new AppError('IMPORT_FAILED', { summary: result.summary, errors: result.errors }, { count: result.summary.errors });

/** Dry-runs or commits one import file into a hamlet. */
export async function runImport(
  handle: Db,
  ctx: SurveyContext,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const hamlet = await loadSurveyHamlet(handle, ctx, request.hamletId, 'write');
  const upload = await saveUpload(request.body);
  try {
    const format = await detectFormat(upload.file, request.filename);
    const issues: ImportIssue[] = [];
    const counter = { rows: 0 };
    const changes: PlannedChange[] = [];
    const out: PlanOutput = {
      added: 0,
      changed: 0,
      unchanged: 0,
      overflow: 0,
      onChange: (change) => {
        if (changes.length < CHANGES_LISTED) changes.push(change);
      },
    };
    const at = ctx.now.toISOString();
    const spill = request.dryRun
      ? null
      : new ImportSpill(
          upload.dir,
          handle.dialect === 'sqlite' ? 'json' : 'csv',
          { households: HOUSEHOLD_SQL_COLUMNS, residents: RESIDENT_SQL_COLUMNS },
          { at, actorId: ctx.actor.id, note: `Nhập tệp ${request.filename ?? ''}`.trim() },
        );
    const rows = layoutRows(readBatches(upload.file, format), request.kind, issues, counter);
    const audit = (summary: ImportResult['summary']) => ({
      actor: ctx.actor,
      action: request.kind === 'households' ? 'household.import' : `${request.kind}.import`,
      entity: 'hamlet',
      entityId: hamlet.id,
      after: { filename: request.filename ?? null, kind: request.kind, ...summary },
      ip: ctx.ip ?? null,
      at,
    });
    if (request.kind !== 'households') {
      const plan = await planRecords({ handle, kind: request.kind, hamletId: hamlet.id, rows, issues, out });
      const result = resultOf(request, counter.rows, out, changes, issues);
      if (request.dryRun) return result;
      if (result.summary.errors > 0) throw failed(result);
      if (plan.adds.length + plan.changes.length > 0) {
        const note = `Nhập tệp ${request.filename ?? ''}`.trim();
        await commitRecords(handle, request.kind, hamlet.id, plan, { at, actorId: ctx.actor.id, note, audit: audit(result.summary) });
      }
      return result;
    }
    const index = await loadHouseholdIndex(handle.db, hamlet.id);
    try {
      await planHouseholds({
        db: handle.db,
        hamletId: hamlet.id,
        rows,
        index,
        today: isoDateInVietnam(ctx.now),
        issues,
        maxIssues: ERRORS_LISTED,
        spill,
        out,
      });
    } catch (error) {
      spill?.abort();
      throw error;
    }
    await spill?.finish();
    const result = resultOf(request, counter.rows, out, changes, issues);
    if (!spill) return result;
    if (result.summary.errors > 0) throw failed(result);
    if (!isEmptySpill(spill)) {
      await commitSpill(handle, spill, { at, onProgress: hooks.onWriting, audit: audit(result.summary) });
    }
    return result;
  } finally {
    await upload.dispose();
  }
}
