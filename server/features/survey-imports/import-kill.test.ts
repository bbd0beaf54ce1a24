import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { TEST_ENGINE } from '../../../test/test-db.js';
import { writeBenchCsv } from '../../../bench/import-csv.js';
import { openLargeImportDb, type LargeImportDb } from './survey-imports.fixtures.js';

/*
 * Issue 4 "bad input and faults": the server killed (SIGKILL) in the middle of an import leaves the database with
 * all of the import or none of it. A child process imports a generated CSV into a file database (SQLite) or a
 * fresh PostgreSQL database and is killed as soon as it reports that the commit has started writing rows.
 */

const RESIDENTS = 60_000;
let db: LargeImportDb;
let url: string;
let handle: Db;
let hamletId: number;
let csv: string;

beforeAll(async () => {
  db = await openLargeImportDb('kps-kill-');
  ({ handle, url, hamletId } = db);
  csv = await writeBenchCsv(RESIDENTS, db.dir);
}, 120_000);

afterAll(async () => db.dispose());

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
