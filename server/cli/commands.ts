import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { createDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { readEnv } from '../env.js';
import { isDatabaseEmpty, seedDemo } from '../../seeds/demo/index.js';
import type { HelpTopic } from './help.js';
import { ensureReferenceCriteriaSets } from '../features/criteria-sets/criteria-sets.service.js';

type Options = Record<string, string | boolean | Array<string | boolean> | undefined>;
type Lang = 'vi' | 'en';

const say = (lang: Lang, vi: string, en: string) => console.log(lang === 'vi' ? vi : en);

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDatabase(readEnv().DATABASE_URL);
  try {
    await migrateToLatest(db);
    await ensureReferenceCriteriaSets(db, new Date());
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Copies the database to `file` without stopping the server: SQLite's online backup API, or pg_dump's
 * snapshot on PostgreSQL.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (db.dialect === 'sqlite') {
    await db.sqlite!.backup(file);
    return;
  }
  await promisify(execFile)('pg_dump', ['--format=custom', `--file=${file}`, db.url]);
}

export async function runCommand(
  topic: Exclude<HelpTopic, 'main'>,
  args: string[],
  options: Options,
  lang: Lang,
): Promise<number> {
  switch (topic) {
    case 'db migrate': {
      const db = createDatabase(readEnv().DATABASE_URL);
      try {
        const applied = await migrateToLatest(db);
        say(
          lang,
          `Đã cập nhật cấu trúc: ${applied.length} bước mới.`,
          `Schema up to date: ${applied.length} new migrations.`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'db backup': {
      const file = args[0];
      if (!file) {
        say(lang, 'Thiếu tên tệp sao lưu.', 'Missing the backup file name.');
        return 2;
      }
      await withDb((db) => backupDatabase(db, file));
      say(lang, `Đã sao lưu vào ${file}.`, `Backed up to ${file}.`);
      return 0;
    }
    case 'demo seed':
      return withDb(async (db) => {
        if (!(await isDatabaseEmpty(db))) {
          say(
            lang,
            'Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.',
            'The database is not empty; the demo was not loaded.',
          );
          return 1;
        }
        const { accounts } = await seedDemo(db);
        say(
          lang,
          `Đã nạp dữ liệu mẫu, ${accounts.length} tài khoản.`,
          `Demo loaded, ${accounts.length} accounts.`,
        );
        return 0;
      });
    case 'units import':
      return (await import('./units-import.js')).runUnitsImport(withDb, args, options, lang);
    case 'users create':
      return (await import('./users-create.js')).runUsersCreate(withDb, options, lang);
  }
}
