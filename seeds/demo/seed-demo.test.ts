import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { seedDemo, isDatabaseEmpty, type DemoSeedResult } from './index.js';
import { OLD_WARDS, NEW_WARDS } from '../reference/tan-uyen.js';

let t: TestDb;
let seeded: DemoSeedResult;
beforeAll(async () => {
  t = await createTestDb();
  seeded = await seedDemo(t, { now: new Date('2026-01-01T00:00:00Z') });
});
afterAll(async () => t.dispose());

async function unitsValidOn(date: string, level: string) {
  return t.db
    .selectFrom('adminUnitPeriods')
    .innerJoin('adminUnits', 'adminUnits.id', 'adminUnitPeriods.unitId')
    .select(['adminUnitPeriods.name', 'adminUnitPeriods.parentId', 'adminUnitPeriods.type'])
    .where('adminUnits.level', '=', level as 'hamlet')
    .where('adminUnitPeriods.validFrom', '<=', date)
    .where((eb) =>
      eb.or([eb('adminUnitPeriods.validTo', 'is', null), eb('adminUnitPeriods.validTo', '>=', date)]),
    )
    .execute();
}

describe('the demo seed', () => {
  it('is no longer empty after seeding', async () => {
    expect(await isDatabaseEmpty(t)).toBe(false);
  });

  it('has the 12 old units before the reform and the 7 new wards after it', async () => {
    expect((await unitsValidOn('2025-06-30', 'commune')).map((u) => u.name).sort()).toEqual(
      OLD_WARDS.map((w) => w.name).sort(),
    );
    expect((await unitsValidOn('2025-07-01', 'commune')).map((u) => u.name).sort()).toEqual(
      NEW_WARDS.map((w) => w.name).sort(),
    );
  });

  it('moves every hamlet to exactly one new ward, so a split is never double-counted', async () => {
    const before = await unitsValidOn('2025-06-30', 'hamlet');
    const after = await unitsValidOn('2025-07-01', 'hamlet');
    expect(after.length).toBe(before.length);
    const newWardIds = new Set(seeded.city.newWardIds.values());
    expect(after.every((h) => newWardIds.has(h.parentId!))).toBe(true);
  });

  it('marks one pilot hamlet in five wards, each inside its ward, leaving Tân Hiệp and Tân Khánh to choose', async () => {
    const pilots = await t.db.selectFrom('pilotHamlets').selectAll().execute();
    expect(pilots).toHaveLength(5);
    const current = await t.db
      .selectFrom('adminUnitPeriods')
      .select(['unitId', 'parentId'])
      .where(
        'unitId',
        'in',
        pilots.map((p) => p.hamletId),
      )
      .where('validTo', 'is', null)
      .execute();
    for (const pilot of pilots) {
      expect(current.find((c) => c.unitId === pilot.hamletId)?.parentId).toBe(pilot.wardId);
    }
    const wardsWithPilots = new Set(pilots.map((p) => p.wardId));
    expect(wardsWithPilots.size).toBe(5);
    expect(wardsWithPilots.has(seeded.city.newWardIds.get('25920')!)).toBe(false);
    expect(wardsWithPilots.has(seeded.city.newWardIds.get('25891')!)).toBe(false);
  });

  it('splits Thái Hòa between Tân Khánh and Tân Đông Hiệp as partial lineage', async () => {
    const thaiHoa = seeded.city.oldWardIds.get('25939')!;
    const links = await t.db
      .selectFrom('unitLineage')
      .selectAll()
      .where('fromUnitId', '=', thaiHoa)
      .execute();
    expect(links.map((l) => [l.toUnitId, l.mergeType]).sort()).toEqual(
      [
        [seeded.city.newWardIds.get('25891'), 'partial'],
        [seeded.city.newWardIds.get('25945'), 'partial'],
      ].sort(),
    );
  });

  it('turns the ấp of old communes into khu phố on the reform date, keeping the old name in history', async () => {
    const after = await unitsValidOn('2025-07-01', 'hamlet');
    expect(after.every((h) => h.type === 'neighbourhood')).toBe(true);
    const before = await unitsValidOn('2025-06-30', 'hamlet');
    expect(before.filter((h) => h.type === 'hamlet').map((h) => h.name)).toContain('Ấp 1');
  });

  it('creates one account per role', async () => {
    expect(new Set(seeded.accounts.map((a) => a.role))).toEqual(
      new Set(['city_admin', 'commune_officer', 'hamlet_head', 'team_member', 'viewer']),
    );
  });
});
