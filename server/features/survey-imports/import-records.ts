import { newRecordUid } from '../../db/uid.js';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { foldVietnamese } from '../../../domain/text/fold.js';
import { IMPORT_COLUMNS, type ImportColumn } from '../../../domain/surveys/import-columns.js';
import { formatCell, parseCell } from '../../../domain/surveys/import-values.js';
import type { ImportIssue, ImportRow } from '../../../domain/surveys/import-household.js';
import {
  BusinessInputSchema,
  platformsFromText,
  platformsToText,
} from '../../../domain/surveys/businesses.js';
import { flagFromDb, flagToDb } from '../../../domain/surveys/schemas.js';
import { WifiPointInputSchema } from '../surveys/surveys.schemas.js';
import { recordAudit, type AuditInput } from '../audit/record-audit.js';
import { insertVersion, listCurrent, updateVersion } from '../surveys/versioned.repository.js';
import { describeChange, type FieldChange, type PlanOutput } from './import-households.js';

/*
 * Businesses and wifi points from Excel/CSV (issue 4 §5–6): short lists, one row per record, matched with the
 * hamlet's current records by name (case and accents aside). They are planned in memory (at most
 * RECORD_ROWS_MAX rows) and committed through the versioned repository in one Kysely transaction.
 */

export const RECORD_ROWS_MAX = 5000;

type RecordKind = 'businesses' | 'wifi-points';
type Values = Record<string, unknown>;

interface KindSpec {
  table: 'businesses' | 'wifiPoints';
  schema: z.ZodType;
  /** Cell values (by column field) → the schema's input. */
  toInput(values: Values): Values;
  /** Validated input → database fields. */
  toFields(input: Values): Values;
  /** A current database row → cell values (by column field), for comparison and export. */
  fromRow(row: Values): Values;
}

const flags = (v: Values, names: string[], map: (x: unknown) => unknown) =>
  Object.fromEntries(names.map((n) => [n, map(v[n] ?? null)]));

const BUSINESS_FLAGS = ['acceptsCashless', 'ecommerceEligible', 'listedOnline', 'traceability'];

const SPECS: Record<RecordKind, KindSpec> = {
  businesses: {
    table: 'businesses',
    schema: BusinessInputSchema,
    toInput: (v) => ({
      ...v,
      platforms: platformsFromText((v.platforms as string | null) ?? null),
      isFarmProduct: v.isFarmProduct ?? false,
    }),
    toFields: (i) => ({
      name: i.name,
      kind: i.kind,
      ...flags(i, BUSINESS_FLAGS, (x) => flagToDb(x as boolean | null)),
      platforms: platformsToText(i.platforms as string[]),
      ocopStars: i.ocopStars ?? null,
      isFarmProduct: i.isFarmProduct ? 1 : 0,
    }),
    fromRow: (r) => ({
      name: r.name,
      kind: r.kind,
      ...flags(r, BUSINESS_FLAGS, (x) => flagFromDb(x === null ? null : Number(x))),
      platforms: platformsFromText(r.platforms as string | null).join(', ') || null,
      ocopStars: r.ocopStars === null ? null : Number(r.ocopStars),
      isFarmProduct: Number(r.isFarmProduct) === 1,
    }),
  },
  'wifi-points': {
    table: 'wifiPoints',
    schema: WifiPointInputSchema,
    toInput: (v) => ({ ...v, provider: v.provider ?? null }),
    toFields: (i) => ({
      name: i.name,
      lat: i.lat,
      lng: i.lng,
      isWorking: flagToDb(i.isWorking as boolean | null),
      provider: i.provider ?? null,
    }),
    fromRow: (r) => ({
      name: r.name,
      lat: Number(r.lat),
      lng: Number(r.lng),
      isWorking: flagFromDb(r.isWorking === null ? null : Number(r.isWorking)),
      provider: r.provider ?? null,
    }),
  },
};

const keyOf = (name: unknown) => foldVietnamese(String(name));

/** Reads and validates one row; null with issues when it is not valid. */
function readRecord(kind: RecordKind, row: ImportRow, issues: ImportIssue[]): Values | null {
  const columns = IMPORT_COLUMNS[kind];
  const values: Values = {};
  const before = issues.length;
  columns.forEach((c: ImportColumn, i) => {
    const parsed = parseCell(c.type, row.cells[i] ?? '');
    if (!parsed.ok) {
      const value = (row.cells[i] ?? '').trim();
      issues.push({
        row: row.row,
        column: c.header,
        code: 'SURVEY_IMPORT_VALUE_INVALID',
        params: { value, column: c.header, expected: parsed.expected.vi },
        paramsEn: { value, column: c.header, expected: parsed.expected.en },
      });
    } else if (parsed.value === null && c.required) {
      issues.push({
        row: row.row,
        column: c.header,
        code: 'IMPORT_VALUE_REQUIRED',
        params: { column: c.header },
      });
    } else if (parsed.value !== null) values[c.field] = parsed.value;
  });
  if (issues.length > before) return null;
  const result = SPECS[kind].schema.safeParse(SPECS[kind].toInput(values));
  if (result.success) return result.data as Values;
  for (const issue of result.error.issues) {
    const column = columns.find((c) => c.field === issue.path[0])?.header ?? '';
    issues.push({
      row: row.row,
      column,
      code: 'SURVEY_IMPORT_RULE',
      params: { reason: issue.message },
    });
  }
  return null;
}

export interface RecordPlan {
  adds: Values[];
  changes: Array<{ uid: string; fields: Values }>;
}

/** Plans a businesses or wifi-points file against the hamlet's current records. */
export async function planRecords(opts: {
  handle: Db;
  kind: RecordKind;
  hamletId: number;
  rows: AsyncIterable<ImportRow[]>;
  issues: ImportIssue[];
  out: PlanOutput;
}): Promise<RecordPlan> {
  const { handle, kind, hamletId, issues, out } = opts;
  const spec = SPECS[kind];
  const columns = IMPORT_COLUMNS[kind];
  const current = await listCurrent(handle.db, spec.table, [hamletId]);
  const existing = new Map(current.map((r) => [keyOf(r.name), r as unknown as Values]));
  const seen = new Map<string, number>();
  const plan: RecordPlan = { adds: [], changes: [] };
  let count = 0;
  for await (const batch of opts.rows) {
    for (const row of batch) {
      if (++count > RECORD_ROWS_MAX) {
        out.overflow++;
        continue;
      }
      const input = readRecord(kind, row, issues);
      if (!input) continue;
      const key = keyOf(input.name);
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        issues.push({
          row: row.row,
          column: 'Tên',
          code: 'IMPORT_DUPLICATE',
          params: { value: String(input.name), column: 'Tên', firstRow },
        });
        continue;
      }
      seen.set(key, row.row);
      const fields = spec.toFields(input);
      const old = existing.get(key);
      if (!old) {
        out.added++;
        out.onChange({ row: row.row, action: 'add', key: String(input.name) });
        plan.adds.push(fields);
        continue;
      }
      const a = spec.fromRow(old);
      const b = spec.fromRow({ ...fields, isFarmProduct: fields.isFarmProduct ?? 0 });
      const diff: FieldChange[] = columns
        .filter((c) => (a[c.field] ?? null) !== (b[c.field] ?? null))
        .map((c) => ({
          column: c.header,
          before: formatCell(c.type, a[c.field]),
          after: formatCell(c.type, b[c.field]),
        }));
      if (diff.length === 0) {
        out.unchanged++;
        out.onChange({ row: row.row, action: 'unchanged', key: String(input.name) });
        continue;
      }
      out.changed++;
      out.onChange(describeChange(row.row, String(input.name), diff));
      plan.changes.push({ uid: String(old.uid), fields });
    }
  }
  return plan;
}

/** Writes a planned records import in one transaction, with the one summary audit entry. */
export async function commitRecords(
  handle: Db,
  kind: RecordKind,
  hamletId: number,
  plan: RecordPlan,
  meta: { at: string; actorId: number; note: string; audit: AuditInput },
): Promise<void> {
  const table = SPECS[kind].table;
  const version = { actorId: meta.actorId, at: meta.at, note: meta.note };
  await handle.db.transaction().execute(async (trx) => {
    for (const fields of plan.adds) {
      await insertVersion(trx, table, newRecordUid(), { ...fields, hamletId } as never, version);
    }
    for (const { uid, fields } of plan.changes)
      await updateVersion(trx, table, uid, fields as never, version);
    await recordAudit(trx, meta.audit);
  });
}

/** Rows of a records export in the template layout, for the given hamlets. */
export async function* recordExportRows(
  handle: Db,
  kind: RecordKind,
  hamletIds: number[],
): AsyncGenerator<string[]> {
  const spec = SPECS[kind];
  const rows = await listCurrent(handle.db, spec.table, hamletIds);
  for (const row of rows) {
    const values = spec.fromRow(row as unknown as Values);
    yield IMPORT_COLUMNS[kind].map((c) => formatCell(c.type, values[c.field]));
  }
}
