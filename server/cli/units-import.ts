import fs from 'node:fs';
import type { Db } from '../db/database.js';
import { AppError, localiseError } from '../errors.js';
import { importUnitsFile } from '../features/admin-units/import/import-units-file.js';

type Options = Record<string, string | boolean | Array<string | boolean> | undefined>;
type Lang = 'vi' | 'en';

/** One import problem as the importer reports it (ImportIssueSchema): row, column, code, and text in both languages. */
interface RowError {
  row?: number | null;
  column?: string | null;
  code?: string;
  vi: string;
  en: string;
}

function describe(error: RowError, lang: Lang): string {
  const text = error[lang];
  const where = [
    error.row ? (lang === 'vi' ? `dòng ${error.row}` : `row ${error.row}`) : '',
    error.column ? (lang === 'vi' ? `cột ${error.column}` : `column ${error.column}`) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `  ${where}: ${text}` : `  ${text}`;
}

export async function runUnitsImport(
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  args: string[],
  options: Options,
  lang: Lang,
): Promise<number> {
  const file = args[0];
  if (!file || !fs.existsSync(file)) {
    console.error(
      lang === 'vi'
        ? `Không tìm thấy tệp: ${file ?? '(chưa nhập)'}`
        : `File not found: ${file ?? '(none given)'}`,
    );
    return 2;
  }
  return withDb(async (db) => {
    try {
      const report = await importUnitsFile(db, file, {
        actor: null,
        now: new Date(),
        dryRun: options['dry-run'] === true,
      });
      const errors = (report.errors ?? []) as RowError[];
      if (errors.length > 0) {
        console.error(
          lang === 'vi'
            ? `Tệp có ${errors.length} lỗi; không ghi gì:`
            : `The file has ${errors.length} errors; nothing was written:`,
        );
        for (const e of errors.slice(0, 50)) console.error(describe(e, lang));
        return 1;
      }
      const summary = { ...report, errors: undefined, warnings: (report.warnings ?? []).length };
      console.log(JSON.stringify(summary, null, 2));
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`${error.code}: ${localiseError(error.code, lang, error.params)}`);
        const errors = (error.details as { errors?: RowError[] }).errors ?? [];
        for (const e of errors.slice(0, 50)) console.error(describe(e, lang));
        return 1;
      }
      throw error;
    }
  });
}
