import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { TEST_ENGINE } from '../../../test/test-db.js';
import { writeBenchCsv } from '../../../bench/import-csv.js';
import { openLargeImportDb, type LargeImportDb } from './survey-imports.fixtures.js';
import type { Actor } from '../../policies/actor.js';
import { runImport } from './survey-imports.service.js';
import { AppError } from '../../errors.js';

/*
 * Large SQLite imports write on a worker thread with its own connection (sqlite-worker-sink.ts). These tests push
 * small files through that path (the size threshold forced to 0) on a FILE database, the only kind a second
 * connection can share; on PostgreSQL the same scenarios run through the normal writer.
 */

const RESIDENTS = 12_000;
let db: LargeImportDb;
let handle: Db;
let hamletId: number;
let csv: string;
let actor: Actor;

beforeAll(async () => {
  db = await openLargeImportDb('kps-worker-');
  ({ handle, hamletId } = db);
  const admin = await handle.db
    .selectFrom('users')
    .select(['id', 'username', 'displayName'])
    .where('role', '=', 'city_admin')
    .executeTakeFirstOrThrow();
  actor = { ...admin, role: 'city_admin', scopeUnitIds: [], isUnlimited: true, sessionId: 'test' };
  csv = fs.readFileSync(await writeBenchCsv(RESIDENTS, db.dir), 'utf8');
}, 120_000);

afterAll(async () => db.dispose());

const importText = (
  body: string | Buffer,
  dryRun = false,
  onWriting?: (n: number) => void,
  onCheckpointed?: (ms: number) => void,
) =>
  runImport(
    handle,
    { actor, now: new Date('2026-11-28T05:00:00Z'), ip: null },
    { hamletId, kind: 'households', dryRun, filename: 'lon.csv', body: Readable.from([Buffer.from(body)]) },
    { sqliteWorkerMinBytes: 0, onWriting, onCheckpointed },
  );

async function counts() {
  const count = async (table: 'households' | 'residents', current: boolean) => {
    let q = handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('hamletId', '=', hamletId);
    if (current) q = q.where('validTo', 'is', null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const audit = await handle.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', 'household.import')
    .executeTakeFirstOrThrow();
  return {
    households: await count('households', false),
    residents: await count('residents', false),
    currentResidents: await count('residents', true),
    audit: Number(audit.n),
  };
}

describe(`a large import written by a worker thread (${TEST_ENGINE})`, () => {
  it('writes nothing on a dry run, everything with one audit entry on a commit, and nothing again on a re-import', async () => {
    const before = await counts();
    const dry = await importText(csv, true);
    expect(dry.summary).toMatchObject({ rows: RESIDENTS, errors: 0 });
    expect(await counts()).toEqual(before);

    // While the worker writes, the app's own connection still reads, and sees none of the open transaction.
    const seenWhileWriting: number[] = [];
    const sizeBefore = handle.sqlite ? fs.statSync(db.url).size : 0;
    let checkpointed!: () => void;
    const checkpoint = new Promise<void>((resolve) => (checkpointed = resolve));
    const done = await importText(
      csv,
      false,
      () => {
        if (handle.sqlite) {
          const row = handle.sqlite
            .prepare('select count(*) as n from residents where hamlet_id = ?')
            .get(hamletId) as { n: number };
          seenWhileWriting.push(row.n);
        }
      },
      () => checkpointed(),
    );
    expect(done.summary).toMatchObject({ rows: RESIDENTS, added: dry.summary.added, errors: 0 });
    if (handle.sqlite) {
      // The import returned once committed; the worker then copied the WAL into the database file by itself.
      await checkpoint;
      // The app's connection wrote nothing meanwhile, so only that checkpoint can have grown the database file.
      expect(fs.statSync(db.url).size).toBeGreaterThan(sizeBefore + 2_000_000);
    }
    if (handle.sqlite) expect(seenWhileWriting).toContain(before.residents);
    const after = await counts();
    expect(after).toEqual({
      households: before.households + done.summary.added,
      residents: before.residents + RESIDENTS,
      currentResidents: before.currentResidents + RESIDENTS,
      audit: before.audit + 1,
    });

    const again = await importText(csv);
    expect(again.summary).toMatchObject({ added: 0, changed: 0, unchanged: done.summary.added });
    expect(await counts()).toEqual(after);
  });

  it('closes the changed versions and inserts new ones for a corrected file', async () => {
    const before = await counts();
    const changedMembers = csv.split('\n').filter((line) => line.includes(',Mức 2,')).length;
    expect(changedMembers).toBeGreaterThan(0);
    const fixed = await importText(csv.replaceAll(',Mức 2,', ',Mức 1,'));
    expect(fixed.summary.changed).toBeGreaterThan(0);
    expect(fixed.summary.errors).toBe(0);
    expect(await counts()).toEqual({
      ...before,
      residents: before.residents + changedMembers,
      currentResidents: before.currentResidents,
      audit: before.audit + 1,
    });
  });

  it('rolls back a file that breaks off after rows were written, and releases the database', async () => {
    const before = await counts();
    const broken = Buffer.concat([
      Buffer.from(csv.replaceAll(',Có,Có,Có,Có\n', ',Không,Có,Có,Có\n'), 'utf8'),
      Buffer.from([0x4e, 0xe9, 0x0a]),
    ]);
    let written = 0;
    const failure = await importText(broken, false, (n) => (written = n)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('IMPORT_NOT_UTF8');
    expect(written).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);

    // A bad cell: 422 with row and column, nothing written.
    const lines = csv.split('\n');
    lines[5] = lines[5].replace(/,(19|20)\d\d,/, ',năm ngoái,');
    const invalid = await importText(lines.join('\n')).catch((e: unknown) => e);
    expect((invalid as AppError).code).toBe('IMPORT_FAILED');
    const details = (invalid as AppError).details as { errors: Array<{ row: number; column: string }> };
    expect(details.errors[0]).toMatchObject({ row: 6, column: 'Năm sinh' });
    expect(await counts()).toEqual(before);

    // No worker still holds the write lock: a write on the app's connection goes through at once.
    const started = Date.now();
    await handle.db
      .updateTable('users')
      .set({ displayName: 'Quản trị' })
      .where('id', '=', actor.id)
      .execute();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
