import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';

/**
 * Which engine this test run uses. `npm test` runs the whole suite twice: TEST_DB=sqlite, then TEST_DB=postgres.
 * TEST_PG_URL points at a server where we may create databases (default: the local one, database `test`).
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb extends Db {
  /** Drops the temporary database (PostgreSQL) or closes the in-memory one. */
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty database for one test file: in-memory SQLite, or a new PostgreSQL database. */
export async function createTestDb(): Promise<TestDb> {
  if (TEST_ENGINE === 'sqlite') {
    const handle = createDatabase(':memory:');
    await migrateToLatest(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `khuphoso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = createDatabase(url.toString());
  await migrateToLatest(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // Closed pool connections may still be saying goodbye; forcing the drop then kills them mid-goodbye and the
      // driver reports an unhandled error. Wait for them first, and force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await c.end();
    },
  };
}
