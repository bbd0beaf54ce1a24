import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemo } from '../../../seeds/demo/index.js';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/test-db.js';
import { writeBenchCsv } from '../../../bench/import-csv.js';

/*
 * Issue 4 "bad input and faults": the server killed (SIGKILL) in the middle of an import leaves the database with
 * all of the import or none of it. A child process imports a generated CSV into a file database (SQLite) or a
 * fresh PostgreSQL database and is killed as soon as it reports that the commit has started writing rows.
 */

const RESIDENTS = 60_000;
let dir: string;
let url: string;
let handle: Db;
let pgDb: TestDb | null = null;
let hamletId: number;
let csv: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-kill-'));
  if (TEST_ENGINE === 'sqlite') {
    url = path.join(dir, 'kill.db');
    handle = createDatabase(url);
    await migrateToLatest(handle);
  } else {
    pgDb = await createTestDb();
    handle = pgDb;
    url = pgDb.url;
  }
  await seedDemo(handle, { population: false, now: new Date('2026-11-28T03:00:00Z') });
  const hamlet = await handle.db
    .selectFrom('adminUnits')
    .select('id')
    .where('level', '=', 'hamlet')
    .where('validTo', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  hamletId = Number(hamlet.id);
  csv = await writeBenchCsv(RESIDENTS, dir);
}, 120_000);

afterAll(async () => {
  if (pgDb) await pgDb.dispose();
  else await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the import in a child; with `kill`, SIGKILLs it when it says "started writing". */
function importInChild(
  kill: boolean,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/import-worker.ts', url, csv, String(hamletId), '--announce'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (kill && out.includes('started writing')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

async function countsInHamlet() {
  const count = async (table: 'households' | 'residents') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('hamletId', '=', hamletId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audit = Number(
    (
      await handle.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'household.import')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { households: await count('households'), residents: await count('residents'), audit };
}

describe(`an import killed with SIGKILL (${TEST_ENGINE})`, () => {
  it('leaves none of the import behind when killed while writing, and all of it when left to finish', async () => {
    const before = await countsInHamlet();
    const killed = await importInChild(true);
    expect(killed.out).toContain('started writing');
    expect(killed.signal).toBe('SIGKILL');
    expect(await countsInHamlet()).toEqual(before);

    const finished = await importInChild(false);
    expect(finished.code, finished.out).toBe(0);
    const summary = JSON.parse(finished.out.trim().split('\n').pop()!).summary;
    expect(summary).toMatchObject({ rows: RESIDENTS, errors: 0 });
    expect(await countsInHamlet()).toEqual({
      households: before.households + summary.added,
      residents: before.residents + RESIDENTS,
      audit: before.audit + 1,
    });
  }, 180_000);
});
