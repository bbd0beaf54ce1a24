import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../../../test/test-db.js';

/* Small synthetic lists shared by the importer tests (not a test file itself), shaped like ../shared/data's. */

export const NOW = new Date('2026-11-28T03:00:00Z');

export const BEFORE = `province_code,province_name,district_code,district_name,ward_code,ward_name,ward_type
74,Tỉnh Bình Dương,723,Thành phố Tân Uyên,25888,Phường Uyên Hưng,Phường
74,Tỉnh Bình Dương,723,Thành phố Tân Uyên,25939,Phường Thái Hòa,Phường
74,Tỉnh Bình Dương,723,Thành phố Tân Uyên,25930,Xã Bạch Đằng,Xã
74,Tỉnh Bình Dương,726,Huyện Bắc Tân Uyên,25909,Thị trấn Tân Bình,Thị trấn
77,Tỉnh Bà Rịa - Vũng Tàu,747,Thành phố Vũng Tàu,26506,Phường 1,Phường
`;
export const AFTER = `province_code,province_name,ward_code,ward_name,ward_type
79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Phường
79,Thành phố Hồ Chí Minh,25891,Phường Tân Khánh,Phường
79,Thành phố Hồ Chí Minh,25945,Phường Tân Đông Hiệp,Phường
79,Thành phố Hồ Chí Minh,26506,Phường Vũng Tàu,Phường
79,Thành phố Hồ Chí Minh,26732,Đặc khu Côn Đảo,Đặc khu
`;
export const MAPPING_HEADER =
  'old_province_code,old_district_code,old_ward_code,old_name,new_province_code,new_ward_code,new_ward_name,merge_type,note';
export const MAPPING = `${MAPPING_HEADER}
74,723,25888,Phường Uyên Hưng,79,25888,Phường Tân Uyên,full,
74,723,25930,Xã Bạch Đằng,79,25888,Phường Tân Uyên,full,
74,723,25939,Phường Thái Hòa,79,25891,Phường Tân Khánh,partial,
74,723,25939,Phường Thái Hòa,79,25945,Phường Tân Đông Hiệp,partial,
74,726,25909,Thị trấn Tân Bình,79,25888,Phường Tân Uyên,full,
77,747,26506,Phường 1,79,26506,Phường Vũng Tàu,full,
77,755,,Huyện Côn Đảo,79,26732,Đặc khu Côn Đảo,full,pre-2025 district without commune-level units
`;

export interface ImportFixture {
  db: TestDb;
  /** Writes a file into the fixture's temporary folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  /** The path of a file in the temporary folder. */
  pathOf(name: string): string;
  count(table: 'adminUnits' | 'unitLineage' | 'auditLog'): Promise<number>;
  /** The unit with this key; throws when there is none. */
  unit(level: string, code: string, validFrom: string): ReturnType<typeof findUnit>;
  dispose(): Promise<void>;
}

function findUnit(db: TestDb, level: string, code: string, validFrom: string) {
  return db.db
    .selectFrom('adminUnits')
    .selectAll()
    .where('level', '=', level as 'commune')
    .where('code', '=', code)
    .where('validFrom', '=', validFrom)
    .executeTakeFirstOrThrow();
}

/** A fresh database and temporary folder for one test file. */
export async function createImportFixture(): Promise<ImportFixture> {
  const db = await createTestDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-import-'));
  return {
    db,
    pathOf: (name) => path.join(dir, name),
    file(name, content) {
      const target = path.join(dir, name);
      fs.writeFileSync(target, content);
      return target;
    },
    async count(table) {
      const row = await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    unit: (level, code, validFrom) => findUnit(db, level, code, validFrom),
    async dispose() {
      await db.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
