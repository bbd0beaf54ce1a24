import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './tables.js';

// PostgreSQL returns int8 (count(*), sum of ints) and numeric as strings; the app wants numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only), for bulk loads and online backups. */
  sqlite?: SQLite.Database;
  /** The raw pg pool (PostgreSQL only), for COPY. */
  pool?: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/khuphoso.db';

/** Opens SQLite (a file path, `sqlite:` URL or `:memory:`) or PostgreSQL (`postgres://` URL). */
export function createDatabase(url: string = DEFAULT_SQLITE_PATH): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle pooled connection can be closed by the server (restart, admin terminate); pg then emits 'error' on
    // the pool, which would crash the process if nobody listened. The pool drops that client and makes a new one.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL idle connection closed: ${error.message}`);
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, dialect: 'postgres', pool, url, close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', sqlite, url: file, close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(handle: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(handle.db);
    return true;
  } catch {
    return false;
  }
}
