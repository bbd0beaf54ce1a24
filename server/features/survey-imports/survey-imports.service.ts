import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Db } from '../../db/database.js';
import { AppError, localiseError, type ErrorCode } from '../../errors.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import type { ImportKind } from '../../../domain/surveys/import-columns.js';
import type { ImportIssue } from '../../../domain/surveys/import-household.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import {
  HOUSEHOLD_SQL_COLUMNS,
  planHouseholds,
  RESIDENT_SQL_COLUMNS,
  type PlannedChange,
  type PlanOutput,
} from './import-households.js';
import { detectFormat, readBatches, saveUpload } from './import-source.js';
import { assembledHouseholds, layoutRows } from './import-groups.js';
import { withImportTransaction, type ImportSink } from './import-writer.js';
import { commitRecords, planRecords } from './import-records.js';
import { loadHouseholdIndex } from './survey-imports.repository.js';

/*
 * The import use case (issue 4 §6): save the upload to a temp file, stream its rows through the plan, and for a
 * commit write the differences as the rows pass, inside one transaction (import-writer.ts) that is committed
 * only if no row had an error; otherwise it is rolled back and the errors come back as 422 IMPORT_FAILED.
 */

/** Changes listed in a reply; the summary still counts them all. */
export const CHANGES_LISTED = 500;
/** Errors listed in a reply; beyond this they are only counted. */
export const ERRORS_LISTED = 1000;
/**
 * Uploads from this size on (≈20,000 CSV rows) write on a worker thread on SQLite (sqlite-worker-sink.ts); below
 * it the thread's start-up and hand-over cost more than the second core gives back.
 */
export const SQLITE_WORKER_MIN_BYTES = 4_000_000;

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
  /** See ImportWriteOptions.onCheckpointed. */
  onCheckpointed?: (ms: number) => void;
  /** Overrides SQLITE_WORKER_MIN_BYTES (tests write small files through the worker). */
  sqliteWorkerMinBytes?: number;
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
  new AppError(
    'IMPORT_FAILED',
    { summary: result.summary, errors: result.errors },
    { count: result.summary.errors },
  );

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
    const audit = (summary: ImportResult['summary']) => ({
      actor: ctx.actor,
      action: request.kind === 'households' ? 'household.import' : `${request.kind}.import`,
      entity: 'hamlet',
      entityId: hamlet.id,
      after: { filename: request.filename ?? null, kind: request.kind, ...summary },
      ip: ctx.ip ?? null,
      at,
    });
    const note = `Nhập tệp ${request.filename ?? ''}`.trim();
    if (request.kind !== 'households') {
      const rows = layoutRows(readBatches(upload.file, format), request.kind, issues, counter);
      const plan = await planRecords({ handle, kind: request.kind, hamletId: hamlet.id, rows, issues, out });
      const result = resultOf(request, counter.rows, out, changes, issues);
      if (request.dryRun) return result;
      if (result.summary.errors > 0) throw failed(result);
      if (plan.adds.length + plan.changes.length > 0) {
        await commitRecords(handle, request.kind, hamlet.id, plan, {
          at,
          actorId: ctx.actor.id,
          note,
          audit: audit(result.summary),
        });
      }
      return result;
    }
    const today = isoDateInVietnam(ctx.now);
    const plan = async (db: Kysely<Database>, sink: ImportSink | null) => {
      const index = await loadHouseholdIndex(db, hamlet.id);
      await planHouseholds({
        db,
        hamletId: hamlet.id,
        households: assembledHouseholds(
          layoutRows(readBatches(upload.file, format), request.kind, issues, counter),
          today,
          issues,
        ),
        index,
        issues,
        maxIssues: ERRORS_LISTED,
        sink,
        out,
      });
      return resultOf(request, counter.rows, out, changes, issues);
    };
    if (request.dryRun) return await plan(handle.db, null);
    const result = await withImportTransaction(
      handle,
      {
        columns: { households: HOUSEHOLD_SQL_COLUMNS, residents: RESIDENT_SQL_COLUMNS },
        version: { at, actorId: ctx.actor.id, note },
        onProgress: hooks.onWriting,
        onCheckpointed: hooks.onCheckpointed,
        sqliteWorker: upload.bytes >= (hooks.sqliteWorkerMinBytes ?? SQLITE_WORKER_MIN_BYTES),
      },
      async (sink, db) => {
        const value = await plan(db, sink);
        const { summary } = value;
        const writes = summary.added + summary.changed;
        return { value, commit: summary.errors === 0 && writes > 0, audit: audit(summary) };
      },
    );
    if (result.summary.errors > 0) throw failed(result);
    return result;
  } finally {
    await upload.dispose();
  }
}
