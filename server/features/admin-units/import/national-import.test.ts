import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFORM_FIRST_DAY_NEW, REFORM_LAST_DAY_OLD } from '../../../../domain/admin-units/constants.js';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../../test/test-db.js';
import { importUnitsFile } from './import-units-file.js';

/*
 * The real national lists (see ../shared/data/SOURCES.md). The folder lives beside the repository on the project's
 * machines only, so without it the test is skipped and says why in its name.
 */
const dataDir = path.resolve(process.cwd(), '../shared/data');
const exists = fs.existsSync(path.join(dataDir, 'vn-admin-units.csv'));
const now = new Date('2026-11-28T03:00:00Z');

let db: TestDb;
beforeAll(async () => {
  if (exists) db = await createTestDb();
}, 60_000);
afterAll(async () => {
  if (exists) await db.dispose();
});

async function countOn(level: string, date: string): Promise<number> {
  const row = await db.db
    .selectFrom('adminUnits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', level as 'commune')
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface TanUyen {
  pre_2025: {
    wards: Array<{ code: string; name: string; became: Array<{ code: string; merge_type: string }> }>;
  };
}

describe('importing the national lists of ../shared/data', () => {
  it.skipIf(!exists)(
    'imports the three national files, matches the official counts and Tân Uyên lineage, and re-imports nothing (needs ../shared/data)',
    async () => {
      const timed = async (name: string) => {
        const report = await importUnitsFile(db, path.join(dataDir, name), { now });
        expect(report.errors).toEqual([]);
        return report;
      };
      const before = await timed('vn-admin-units.csv');
      const after = await timed('vn-admin-units-2025.csv');
      const mapping = await timed('vn-admin-units-2025-mapping.csv');
      console.log(
        `national import: before ${(before.durationMs / 1000).toFixed(2)}s, after ${(after.durationMs / 1000).toFixed(2)}s, mapping ${(mapping.durationMs / 1000).toFixed(2)}s (${TEST_ENGINE})`,
      );
      expect(before).toMatchObject({ rows: 10_035, added: 63 + 691 + 10_035 });
      expect(after).toMatchObject({ rows: 3_321, added: 34 + 3_321 });
      // 12 codes only the mapping source lists and 5 island districts without communes are skipped with a note.
      expect(mapping.warnings).toHaveLength(17);

      expect(await countOn('province', REFORM_LAST_DAY_OLD)).toBe(63);
      expect(await countOn('district', REFORM_LAST_DAY_OLD)).toBe(691);
      expect(await countOn('commune', REFORM_LAST_DAY_OLD)).toBe(10_035);
      expect(await countOn('province', REFORM_FIRST_DAY_NEW)).toBe(34);
      expect(await countOn('district', REFORM_FIRST_DAY_NEW)).toBe(0);
      expect(await countOn('commune', REFORM_FIRST_DAY_NEW)).toBe(3_321);

      const tanUyen = JSON.parse(fs.readFileSync(path.join(dataDir, 'tan-uyen.json'), 'utf8')) as TanUyen;
      expect(tanUyen.pre_2025.wards).toHaveLength(12);
      const links = await db.db
        .selectFrom('unitLineage as l')
        .innerJoin('adminUnits as f', 'f.id', 'l.fromUnitId')
        .innerJoin('adminUnits as t', 't.id', 'l.toUnitId')
        .innerJoin('adminUnits as d', 'd.id', 'f.parentId')
        .where('d.code', '=', '723')
        .where('f.level', '=', 'commune')
        .select([
          'f.code as fromCode',
          't.code as toCode',
          't.validFrom as toValidFrom',
          'l.mergeType',
          'l.effectiveDate',
        ])
        .execute();
      for (const ward of tanUyen.pre_2025.wards) {
        const mine = links
          .filter((l) => l.fromCode === ward.code)
          .map((l) => ({ code: l.toCode, merge_type: l.mergeType }));
        const expected = ward.became.map((b) => ({ code: b.code, merge_type: b.merge_type }));
        expect(
          mine.sort((a, b) => a.code!.localeCompare(b.code!)),
          ward.name,
        ).toEqual(expected.sort((a, b) => a.code.localeCompare(b.code)));
      }
      expect(
        links.every(
          (l) => l.toValidFrom === REFORM_FIRST_DAY_NEW && l.effectiveDate === REFORM_FIRST_DAY_NEW,
        ),
      ).toBe(true);
      const thaiHoa = links.filter((l) => l.fromCode === '25939').map((l) => [l.toCode, l.mergeType]);
      expect(thaiHoa.sort()).toEqual([
        ['25891', 'partial'],
        ['25945', 'partial'],
      ]);
      const binhDuong = await db.db
        .selectFrom('unitLineage as l')
        .innerJoin('adminUnits as f', 'f.id', 'l.fromUnitId')
        .innerJoin('adminUnits as t', 't.id', 'l.toUnitId')
        .where('f.level', '=', 'province')
        .where('f.code', '=', '74')
        .select(['t.code', 'l.mergeType'])
        .execute();
      expect(binhDuong).toEqual([{ code: '79', mergeType: 'full' }]);

      for (const name of [
        'vn-admin-units.csv',
        'vn-admin-units-2025.csv',
        'vn-admin-units-2025-mapping.csv',
      ]) {
        expect(await timed(name)).toMatchObject({ added: 0, changed: 0, lineageAdded: 0 });
      }
    },
    180_000,
  );
});
