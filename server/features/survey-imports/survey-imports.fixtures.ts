import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { firstCurrentHamlet, seedDemo } from '../../../seeds/demo/index.js';
import { createTestDb, TEST_ENGINE } from '../../../test/test-db.js';

export interface LargeImportDb {
  /** A temporary folder for the database file (SQLite) and generated CSVs; removed by dispose. */
  dir: string;
  handle: Db;
  /** What a second connection or a child process opens: the SQLite file, or the PostgreSQL URL. */
  url: string;
  hamletId: number;
  dispose(): Promise<void>;
}

/**
 * A database a second connection can share (large imports write on a worker thread or in a child process): a
 * SQLite FILE, or a fresh PostgreSQL database, migrated and seeded with the demo city without its population.
 */
export async function openLargeImportDb(prefix: string): Promise<LargeImportDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let handle: Db;
  let url: string;
  let dispose: () => Promise<void>;
  if (TEST_ENGINE === 'sqlite') {
    url = path.join(dir, 'import.db');
    handle = createDatabase(url);
    await migrateToLatest(handle);
    dispose = () => handle.close();
  } else {
    const pgDb = await createTestDb();
    handle = pgDb;
    url = pgDb.url;
    dispose = () => pgDb.dispose();
  }
  await seedDemo(handle, { population: false, now: new Date('2026-11-28T03:00:00Z') });
  return {
    dir,
    handle,
    url,
    hamletId: await firstCurrentHamlet(handle.db),
    dispose: async () => {
      await dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
