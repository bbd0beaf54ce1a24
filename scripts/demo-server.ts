import fs from 'node:fs';
import { buildApp } from '../server/app.js';
import { createDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { readEnv } from '../server/env.js';
import { seedDemo } from '../seeds/demo/index.js';

/*
 * What the e2e harness and `npm run lighthouse` both stand on: the server as `npm start` runs it over a throwaway
 * SQLite file seeded with the demo city, and the Chromium flags these containers need (STACK.md).
 */

/** No sandbox in containers, no background traffic, no QUIC; each caller adds its own headless flag. */
export const CHROMIUM_BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Starts the real server on a free local port over a fresh demo database at `dbFile`, serving `webDist`. */
export async function serveDemo(dbFile: string, webDist: string) {
  removeDatabaseFiles(dbFile);
  const db = createDatabase(dbFile);
  await migrateToLatest(db);
  await seedDemo(db, { now: new Date() });
  const app = await buildApp({ db, env: readEnv({}), webDist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a TCP port');
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await db.close();
      removeDatabaseFiles(dbFile);
    },
  };
}
