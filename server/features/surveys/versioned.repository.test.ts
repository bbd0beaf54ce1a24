import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/test-db.js';
import {
  asOf,
  closeVersion,
  findCurrent,
  history,
  insertVersion,
  isUniqueViolation,
  listCurrent,
  updateVersion,
} from './versioned.repository.js';

let t: TestDb;
let hamletA: number;
let hamletB: number;

async function insertHamlet(name: string): Promise<number> {
  const row = await t.db
    .insertInto('adminUnits')
    .values({
      level: 'hamlet',
      code: null,
      localCode: null,
      name,
      nameFolded: name.toLowerCase(),
      type: 'neighbourhood',
      parentId: null,
      validFrom: '2025-07-01',
      validTo: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const household = (hamletId: number, localCode: string) => ({
  hamletId,
  localCode,
  address: 'Số 12, đường ĐT746',
  street: 'ĐT746',
  residency: 'permanent' as const,
  fixedBroadband: 0,
  mobileBroadband: null,
  inDigitalChannel: 1,
  reachedByOutreach: null,
});

const T1 = '2026-01-10T01:00:00.000Z';
const T2 = '2026-02-10T01:00:00.000Z';
const T3 = '2026-03-10T01:00:00.000Z';

beforeAll(async () => {
  t = await createTestDb();
  hamletA = await insertHamlet('Khu phố Khánh Long');
  hamletB = await insertHamlet('Khu phố Bình Hòa 1');
});
afterAll(async () => t.dispose());

describe('versioned survey records', () => {
  it('keeps the old version on update and returns both, with the same uid', async () => {
    await insertVersion(t.db, 'households', 'hh-1', household(hamletA, 'H001'), { actorId: null, at: T1 });
    const result = await t.db
      .transaction()
      .execute((trx) =>
        updateVersion(
          trx,
          'households',
          'hh-1',
          { fixedBroadband: 1 },
          { actorId: null, at: T2, note: 'Lắp cáp quang' },
        ),
      );
    expect(result?.before).toMatchObject({ uid: 'hh-1', fixedBroadband: 0, validFrom: T1, validTo: T2 });
    expect(result?.after).toMatchObject({
      uid: 'hh-1',
      fixedBroadband: 1,
      inDigitalChannel: 1,
      address: 'Số 12, đường ĐT746',
      validFrom: T2,
      validTo: null,
      changeNote: 'Lắp cáp quang',
    });
    expect((await history(t.db, 'households', 'hh-1')).map((v) => v.fixedBroadband)).toEqual([0, 1]);
    expect(await findCurrent(t.db, 'households', 'hh-1')).toMatchObject({ fixedBroadband: 1 });
  });

  it('answers "as of" a time with the version current then', async () => {
    expect(await asOf(t.db, 'households', hamletA, '2026-01-01T00:00:00.000Z')).toEqual([]);
    expect((await asOf(t.db, 'households', hamletA, T1)).map((v) => v.fixedBroadband)).toEqual([0]);
    expect(
      (await asOf(t.db, 'households', hamletA, '2026-02-10T00:59:59.999Z')).map((v) => v.fixedBroadband),
    ).toEqual([0]);
    // At the instant of the change the new version already holds (valid_to is exclusive).
    expect((await asOf(t.db, 'households', hamletA, T2)).map((v) => v.fixedBroadband)).toEqual([1]);
  });

  it('deletes by closing the current version, which as-of reads still see before the deletion', async () => {
    await insertVersion(t.db, 'households', 'hh-2', household(hamletA, 'H002'), { actorId: null, at: T1 });
    const closed = await closeVersion(t.db, 'households', 'hh-2', { at: T3 });
    expect(closed).toMatchObject({ uid: 'hh-2', validTo: T3 });
    expect(await closeVersion(t.db, 'households', 'hh-2', { at: T3 })).toBeUndefined();
    expect(
      await updateVersion(t.db, 'households', 'hh-2', { fixedBroadband: 1 }, { actorId: null, at: T3 }),
    ).toBeUndefined();
    expect((await listCurrent(t.db, 'households', [hamletA])).map((v) => v.uid)).toEqual(['hh-1']);
    expect((await asOf(t.db, 'households', hamletA, T2)).map((v) => v.uid).sort()).toEqual(['hh-1', 'hh-2']);
  });

  it('lets a closed household code be reused, but never by two current households of a hamlet', async () => {
    await insertVersion(t.db, 'households', 'hh-3', household(hamletA, 'H002'), { actorId: null, at: T3 });
    const clash = insertVersion(t.db, 'households', 'hh-4', household(hamletA, 'H002'), {
      actorId: null,
      at: T3,
    });
    await expect(clash).rejects.toSatisfy(isUniqueViolation);
    await insertVersion(t.db, 'households', 'hh-5', household(hamletB, 'H002'), { actorId: null, at: T3 });
    expect(
      (await listCurrent(t.db, 'households', [hamletA, hamletB])).map((v) => [v.hamletId, v.localCode]),
    ).toEqual([
      [hamletA, 'H001'],
      [hamletA, 'H002'],
      [hamletB, 'H002'],
    ]);
  });

  it('never holds two current versions of one record', async () => {
    const clash = insertVersion(t.db, 'households', 'hh-1', household(hamletB, 'H099'), {
      actorId: null,
      at: T3,
    });
    await expect(clash).rejects.toSatisfy(isUniqueViolation);
  });

  it('works the same on every survey table', async () => {
    await insertVersion(
      t.db,
      'wifiPoints',
      'wp-1',
      {
        hamletId: hamletB,
        name: 'Wifi chợ',
        lat: 11.0412345,
        lng: 106.7567891,
        isWorking: null,
        provider: 'Viettel',
      },
      { actorId: null, at: T1 },
    );
    const changed = await updateVersion(
      t.db,
      'wifiPoints',
      'wp-1',
      { isWorking: 1 },
      { actorId: null, at: T2 },
    );
    // Coordinates keep full double precision on both engines.
    expect(changed?.after).toMatchObject({
      lat: 11.0412345,
      lng: 106.7567891,
      isWorking: 1,
      provider: 'Viettel',
    });
    await insertVersion(
      t.db,
      'residents',
      'r-1',
      {
        hamletId: hamletA,
        householdUid: 'hh-1',
        fullName: 'Nguyễn Thị Ánh',
        birthYear: 1990,
        birthDate: null,
        birthKey: '1990-01-01',
        sex: 'female',
        residency: 'temporary',
        isHead: 1,
        vneidLevel: 2,
        onlinePublicServiceAccount: 1,
        canUseOnlinePublicService: null,
        digitalPaymentAccount: 1,
        smartDevice: 1,
        telehealthInformed: 0,
        onlineMedicalBooking: null,
        digitalSkillsCoached: null,
        electronicHealthRecord: null,
      },
      { actorId: null, at: T1 },
    );
    await insertVersion(
      t.db,
      'businesses',
      'b-1',
      {
        hamletId: hamletA,
        name: 'Tạp hóa Minh Tâm',
        kind: 'shop',
        acceptsCashless: 1,
        ecommerceEligible: 0,
        listedOnline: null,
        platforms: null,
        ocopStars: null,
        traceability: null,
        isFarmProduct: 0,
      },
      { actorId: null, at: T1 },
    );
    expect((await listCurrent(t.db, 'residents', [hamletA]))[0]).toMatchObject({
      fullName: 'Nguyễn Thị Ánh',
      vneidLevel: 2,
      canUseOnlinePublicService: null,
    });
    expect((await listCurrent(t.db, 'businesses', [hamletA]))[0]).toMatchObject({
      name: 'Tạp hóa Minh Tâm',
      acceptsCashless: 1,
    });
  });

  it('reads a history of four versions in order, and finds each kind of version through an index', async () => {
    await insertVersion(t.db, 'households', 'hh-h', household(hamletA, 'H200'), { actorId: null, at: T1 });
    await updateVersion(t.db, 'households', 'hh-h', { fixedBroadband: 1 }, { actorId: null, at: T2 });
    await updateVersion(t.db, 'households', 'hh-h', { mobileBroadband: 1 }, { actorId: null, at: T3 });
    await updateVersion(
      t.db,
      'households',
      'hh-h',
      { mobileBroadband: 0 },
      { actorId: null, at: '2026-04-10T01:00:00.000Z' },
    );
    const versions = await history(t.db, 'households', 'hh-h');
    expect(versions.map((v) => [v.validFrom, v.validTo, v.fixedBroadband, v.mobileBroadband])).toEqual([
      [T1, T2, 0, null],
      [T2, T3, 1, null],
      [T3, '2026-04-10T01:00:00.000Z', 1, 1],
      ['2026-04-10T01:00:00.000Z', null, 1, 0],
    ]);
    expect(await history(t.db, 'households', 'no-such-uid')).toEqual([]);

    // Closed versions and the current one each have their own partial index (migration 0007); the queries must
    // name the index's condition to use it. The planner is told to avoid table scans, so a test table this small
    // still shows which index it can use.
    const plan = async (condition: string) =>
      t.db.connection().execute(async (c) => {
        if (TEST_ENGINE === 'postgres') await sql`set enable_seqscan = off`.execute(c);
        try {
          const query = `select * from residents where uid = 'r-1' and ${condition}`;
          const rows = await sql
            .raw<Record<string, unknown>>(
              TEST_ENGINE === 'postgres' ? `explain ${query}` : `explain query plan ${query}`,
            )
            .execute(c);
          return JSON.stringify(rows.rows);
        } finally {
          if (TEST_ENGINE === 'postgres') await sql`reset enable_seqscan`.execute(c);
        }
      });
    expect(await plan('valid_to is not null')).toContain('residents_uid_closed_ix');
    expect(await plan('valid_to is null')).toContain('residents_uid_current_uq');
  });

  it('refuses a reference to a unit or user that does not exist, and the deletion of one still referenced', async () => {
    // SQLite: declarative foreign keys. PostgreSQL: checked once per statement (migration 0008), same outcome.
    const isForeignKeyViolation = (e: unknown) =>
      ['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY'].includes(String((e as { code?: unknown }).code));
    const user = await t.db
      .insertInto('users')
      .values({
        username: 'tocns.fk',
        displayName: 'Tổ CNS',
        passwordHash: 'x',
        role: 'team_member',
        locale: 'vi',
        isActive: 1,
        mustChangePassword: 0,
        failedAttempts: 0,
        createdAt: T1,
        updatedAt: T1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const spareHamlet = await insertHamlet('Khu phố không dùng');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('households')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();

    await expect(
      insertVersion(t.db, 'households', 'hh-fk-1', household(2_000_000_000, 'F1'), { actorId: null, at: T1 }),
    ).rejects.toSatisfy(isForeignKeyViolation);
    await expect(
      insertVersion(t.db, 'households', 'hh-fk-2', household(hamletA, 'F2'), {
        actorId: 2_000_000_000,
        at: T1,
      }),
    ).rejects.toSatisfy(isForeignKeyViolation);
    // One bad row among many fails the whole statement: nothing of it is written.
    const rows = [hamletA, hamletB, 2_000_000_000].map((hamletId, i) => ({
      ...household(hamletId, `M${i}`),
      uid: `hh-many-${i}`,
      validFrom: T1,
      validTo: null,
      changedBy: Number(user.id),
      changeNote: null,
    }));
    await expect(t.db.insertInto('households').values(rows).execute()).rejects.toSatisfy(
      isForeignKeyViolation,
    );
    expect(await count()).toBe(before);
    // An UPDATE is checked too.
    await insertVersion(t.db, 'households', 'hh-fk-3', household(hamletA, 'F3'), {
      actorId: Number(user.id),
      at: T1,
    });
    await expect(
      t.db.updateTable('households').set({ hamletId: 2_000_000_000 }).where('uid', '=', 'hh-fk-3').execute(),
    ).rejects.toSatisfy(isForeignKeyViolation);

    await expect(t.db.deleteFrom('adminUnits').where('id', '=', hamletA).execute()).rejects.toSatisfy(
      isForeignKeyViolation,
    );
    await expect(t.db.deleteFrom('users').where('id', '=', user.id).execute()).rejects.toSatisfy(
      isForeignKeyViolation,
    );
    if (TEST_ENGINE === 'postgres') {
      // TRUNCATE … CASCADE follows foreign keys only; the survey tables' guard refuses it (SQLite has no TRUNCATE).
      await expect(sql`truncate admin_units cascade`.execute(t.db)).rejects.toSatisfy(isForeignKeyViolation);
      await expect(sql`truncate users cascade`.execute(t.db)).rejects.toSatisfy(isForeignKeyViolation);
    }
    // Units and users nothing refers to may go.
    await t.db.deleteFrom('adminUnits').where('id', '=', spareHamlet).execute();
    expect(await t.db.selectFrom('adminUnits').select('id').where('id', '=', spareHamlet).execute()).toEqual(
      [],
    );
    expect(await count()).toBe(before + 1);
  });
});
