import { ApiError, buildUrl, uploadWithProgress } from '../../api/client';

/*
 * The import/export calls of issue 4 §6-7. The upload goes through XMLHttpRequest rather than fetch because
 * only XHR reports upload progress, which the page shows as a bar for large registers.
 */

export const IMPORT_KINDS = ['households', 'businesses', 'wifi-points'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ExportFormat = 'xlsx' | 'csv';

export interface ImportRowError {
  row: number;
  column: string | null;
  code: string;
  vi: string;
  en: string;
}

export interface ImportChange {
  row: number;
  action: 'add' | 'change' | 'unchanged';
  key: string;
  fields?: string[];
}

export interface ImportReport {
  dryRun: boolean;
  kind: ImportKind;
  summary: { rows: number; added: number; changed: number; unchanged: number; errors: number };
  changes: ImportChange[];
  errors: ImportRowError[];
}

export function templateUrl(kind: ImportKind): string {
  return `/api/imports/templates/${kind}`;
}

export function exportUrl(hamletId: number, kind: ImportKind, format: ExportFormat): string {
  return buildUrl(`/api/hamlets/${hamletId}/export`, { kind, format });
}

/** The row errors a refused commit carries (422 IMPORT_FAILED), or null for any other failure. */
export function rowErrorsOf(error: unknown): ImportRowError[] | null {
  if (!(error instanceof ApiError)) return null;
  const errors = error.details.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : null;
}

/**
 * Sends the raw file (no multipart: the server streams the body) as a dry run or a commit. `onProgress` gets
 * 0..100 while the bytes go up; the server then parses and answers with the report.
 */
export function uploadImport(
  hamletId: number,
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress: (percent: number) => void,
): Promise<ImportReport> {
  const url = buildUrl(`/api/hamlets/${hamletId}/imports`, { kind, dryRun, filename: file.name });
  return uploadWithProgress<ImportReport>(url, file, onProgress, {
    'Content-Type': 'application/octet-stream',
  });
}
