import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isoDateInVietnam } from '../../../../domain/admin-units/dates.js';
import type { ImportLayout, ImportReport, ImportUnitsInput } from '../../../../domain/admin-units/schemas.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Actor } from '../../../policies/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { canImportUnits } from '../admin-units.policy.js';
import { applyHamlets } from './apply-hamlets.js';
import { applyMapping } from './apply-mapping.js';
import { applyNational, type ImportCounts } from './apply-national.js';
import { detectLayout } from './detect-layout.js';
import { ImportIssues } from './import-issues.js';
import { importRepository } from './import.repository.js';
import { readTable, type ImportSource } from './read-table.js';
import { RowReader, rowsWithHeaderWidth } from './row-reader.js';
import { validateHamlets } from './validate-hamlets.js';
import { validateMapping } from './validate-mapping.js';
import { validateNational } from './validate-national.js';

export interface ImportOptions {
  /** Who imports, for the audit log; null for a system import (CLI without a user). */
  actor?: Pick<Actor, 'id' | 'username'> | null;
  now: Date;
  /** Check and count only; write nothing. */
  dryRun?: boolean;
  ip?: string | null;
}

const NO_COUNTS: ImportCounts = { added: 0, changed: 0, unchanged: 0, lineageAdded: 0 };

/**
 * Imports a CSV or XLSX file of administrative units: a national list (before or after 1 July 2025), the 2025
 * old → new mapping, or a ward's hamlet list, recognised from the header row. The whole file is checked first; if
 * anything is wrong the report lists every problem and nothing is written. Otherwise everything is written in one
 * transaction, with one summary audit entry. Importing the same file again reports 0 added and 0 changed.
 * Used by `npm run cli -- units import <file>` and by POST /api/units/import.
 */
export async function importUnitsFile(
  db: Db,
  filePath: string,
  options: ImportOptions,
): Promise<ImportReport> {
  return importUnits(db, { path: filePath }, path.basename(filePath), options);
}

/** The HTTP form: a city admin sends the file as base64 JSON. */
export async function importUnitsUpload(
  db: Db,
  actor: Actor,
  input: ImportUnitsInput,
  now: Date,
  ip?: string | null,
): Promise<ImportReport> {
  if (!canImportUnits(actor)) throw new AppError('FORBIDDEN');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  return importUnits(db, { bytes }, input.filename, { actor, now, dryRun: input.dryRun ?? false, ip });
}

async function importUnits(
  db: Db,
  source: ImportSource,
  filename: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const issues = new ImportIssues();
  let layout: ImportLayout | null = null;
  let rowCount = 0;

  const finish = (counts: ImportCounts): ImportReport => {
    const listed = issues.listed();
    const written = issues.hasErrors ? NO_COUNTS : counts;
    return {
      layout,
      rows: rowCount,
      ...written,
      ...listed,
      dryRun,
      durationMs: Math.round(performance.now() - started),
    };
  };

  const table = await readTable(source, issues);
  if (!table) return finish(NO_COUNTS);
  rowCount = table.rows.length;
  const detected = detectLayout(table.header, table.headerRow, issues);
  if (!detected) return finish(NO_COUNTS);
  layout = detected.layout;
  const reader = new RowReader(detected.columns, issues);
  const rows = rowsWithHeaderWidth(table, issues);

  // Everything that can be checked from the file alone is checked before the database is touched.
  const national =
    layout === 'before_2025' || layout === 'after_2025' ? validateNational(rows, reader, layout) : null;
  const mapping = layout === 'mapping_2025' ? validateMapping(rows, reader) : null;
  const hamlets = layout === 'hamlets' ? validateHamlets(rows, reader) : null;
  if (issues.hasErrors) return finish(NO_COUNTS);

  const nowIso = options.now.toISOString();
  const counts = await db.db.transaction().execute(async (trx) => {
    const repo = importRepository(trx);
    let result: ImportCounts;
    if (national) result = await applyNational(repo, national, { nowIso, dryRun });
    else if (mapping) result = await applyMapping(repo, mapping, issues, { dryRun });
    else
      result = await applyHamlets(repo, hamlets!, issues, {
        today: isoDateInVietnam(options.now),
        nowIso,
        dryRun,
      });
    if (!dryRun && !issues.hasErrors) {
      await recordAudit(trx, {
        actor: options.actor ?? null,
        action: 'units.import',
        entity: 'admin_units',
        entityId: null,
        after: { filename, layout, rows: rowCount, ...result, warnings: issues.warnings.length },
        ip: options.ip ?? null,
        at: nowIso,
      });
    }
    return result;
  });
  return finish(counts);
}
