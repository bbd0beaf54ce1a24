import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnitsFile } from './import-units-file.js';
import {
  AFTER,
  BEFORE,
  createImportFixture,
  MAPPING,
  NOW as now,
  type ImportFixture,
} from './import-fixtures.js';

let fx: ImportFixture;
const file = (name: string, content: string | Buffer) => fx.file(name, content);
const count = (table: 'adminUnits' | 'unitLineage' | 'auditLog') => fx.count(table);
const unit = (level: string, code: string, validFrom: string) => fx.unit(level, code, validFrom);

beforeAll(async () => {
  fx = await createImportFixture();
});
afterAll(async () => fx.dispose());

describe('importing the national lists', () => {
  it('loads the pre-2025 list as provinces, districts and communes ending on 30/06/2025', async () => {
    const report = await importUnitsFile(fx.db, file('before.csv', BEFORE), { now });
    expect(report).toMatchObject({
      layout: 'before_2025',
      rows: 5,
      added: 10,
      changed: 0,
      unchanged: 0,
      errors: [],
      warnings: [],
    });
    const ward = await unit('commune', '25888', '1900-01-01');
    expect(ward).toMatchObject({
      name: 'Phường Uyên Hưng',
      nameFolded: 'phuong uyen hung',
      type: 'ward',
      validTo: '2025-06-30',
    });
    const city = await unit('district', '723', '1900-01-01');
    expect(city).toMatchObject({ type: 'city', validTo: '2025-06-30' });
    expect(Number(ward.parentId)).toBe(Number(city.id));
    expect((await unit('commune', '25909', '1900-01-01')).type).toBe('township');
    const periods = await fx.db.db
      .selectFrom('adminUnitPeriods')
      .selectAll()
      .where('unitId', '=', ward.id)
      .execute();
    expect(periods).toMatchObject([
      { name: 'Phường Uyên Hưng', validFrom: '1900-01-01', validTo: '2025-06-30', reason: 'created' },
    ]);
  });

  it('loads the post-2025 list under provinces, reusing codes as new units', async () => {
    const report = await importUnitsFile(fx.db, file('after.csv', AFTER), { now });
    expect(report).toMatchObject({ layout: 'after_2025', added: 6, changed: 0 });
    const ward = await unit('commune', '25888', '2025-07-01');
    expect(ward).toMatchObject({ name: 'Phường Tân Uyên', validTo: null });
    expect((await unit('province', '79', '2025-07-01')).type).toBe('municipality');
    expect((await unit('commune', '26732', '2025-07-01')).type).toBe('special_zone');
  });

  it('links old to new communes, derives province links and skips explained absences with a warning', async () => {
    const report = await importUnitsFile(fx.db, file('mapping.csv', MAPPING), { now });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ layout: 'mapping_2025', rows: 7, lineageAdded: 8 });
    expect(report.warnings).toMatchObject([
      { row: 8, column: 'old_district_code', code: 'IMPORT_OLD_UNIT_SKIPPED' },
    ]);
    const thaiHoa = await unit('commune', '25939', '1900-01-01');
    const links = await fx.db.db
      .selectFrom('unitLineage')
      .selectAll()
      .where('fromUnitId', '=', thaiHoa.id)
      .execute();
    expect(links.map((l) => l.mergeType)).toEqual(['partial', 'partial']);
    const provinceLinks = await fx.db.db
      .selectFrom('unitLineage')
      .innerJoin('adminUnits as f', 'f.id', 'unitLineage.fromUnitId')
      .select(['f.code', 'unitLineage.mergeType', 'unitLineage.effectiveDate'])
      .where('f.level', '=', 'province')
      .orderBy('f.code')
      .execute();
    expect(provinceLinks).toEqual([
      { code: '74', mergeType: 'full', effectiveDate: '2025-07-01' },
      { code: '77', mergeType: 'full', effectiveDate: '2025-07-01' },
    ]);
  });

  it('changes nothing when the same files are imported again', async () => {
    for (const name of ['before.csv', 'after.csv', 'mapping.csv']) {
      const report = await importUnitsFile(fx.db, fx.pathOf(name), { now });
      expect(report).toMatchObject({ added: 0, changed: 0, lineageAdded: 0, errors: [] });
      expect(report.unchanged).toBeGreaterThan(0);
    }
  });

  it('writes one summary audit entry per import, none for a dry run', async () => {
    const before = await count('auditLog');
    const dry = await importUnitsFile(
      fx.db,
      file('before-dry.csv', BEFORE.replace('Phường 1,', 'Phường Một,')),
      { now, dryRun: true },
    );
    expect(dry).toMatchObject({ dryRun: true, changed: 1 });
    expect((await unit('commune', '26506', '1900-01-01')).name).toBe('Phường 1');
    expect(await count('auditLog')).toBe(before);
    const real = await importUnitsFile(fx.db, fx.pathOf('before-dry.csv'), {
      now,
      actor: { id: 1, username: 'admin' },
    });
    expect(real).toMatchObject({ changed: 1, unchanged: 9 });
    expect(await count('auditLog')).toBe(before + 1);
    const entry = await fx.db.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'units.import', actorName: 'admin' });
    expect(JSON.parse(entry.after!)).toMatchObject({
      filename: 'before-dry.csv',
      layout: 'before_2025',
      changed: 1,
    });
    const fixed = await unit('commune', '26506', '1900-01-01');
    const periods = await fx.db.db
      .selectFrom('adminUnitPeriods')
      .select('name')
      .where('unitId', '=', fixed.id)
      .execute();
    expect([fixed.name, ...periods.map((p) => p.name)]).toEqual(['Phường Một', 'Phường Một']);
  });
});

describe('importing other forms', () => {
  it('accepts a UTF-8 byte-order mark and Windows line ends', async () => {
    const content = '\ufeffparent_code,local_code,name,type\r\n25891,BOM1,Khu phố Bình Hòa 1,Khu phố\r\n';
    const report = await importUnitsFile(fx.db, file('bom.csv', content), { now });
    expect(report).toMatchObject({ layout: 'hamlets', added: 1, errors: [] });
  });

  it('reads the first sheet of a workbook, restoring leading zeros of numeric codes and reading date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['province_code', 'province_name', 'ward_code', 'ward_name', 'ward_type', 'valid_from']);
    sheet.addRow([1, 'Thành phố Hà Nội', 4, 'Phường Ba Đình', 'Phường', new Date(Date.UTC(2025, 6, 1))]);
    sheet.addRow([1, 'Thành phố Hà Nội', 8, 'Phường Ngọc Hà', 'Phường']);
    const target = fx.pathOf('hanoi.xlsx');
    await workbook.xlsx.writeFile(target);
    const report = await importUnitsFile(fx.db, target, { now });
    expect(report).toMatchObject({ layout: 'after_2025', rows: 2, added: 3, errors: [] });
    expect(await unit('commune', '00004', '2025-07-01')).toMatchObject({ name: 'Phường Ba Đình' });
    expect(await unit('province', '01', '2025-07-01')).toMatchObject({ type: 'municipality' });
    expect((await importUnitsFile(fx.db, target, { now })).added).toBe(0);
  });

  it('puts hamlets under the current ward with that code, idempotently, and corrects them by local code', async () => {
    const header = 'parent_code,local_code,name,type,valid_from\n';
    const rows = `${header}25891,KP01,Khu phố Khánh Long,Khu phố,\n25891,,Ấp Bình Chánh,Ấp,01/01/2026\n25888,KP01,Khu phố 1,khu phố,2025-07-01\n`;
    const first = await importUnitsFile(fx.db, file('hamlets.csv', rows), { now });
    expect(first).toMatchObject({ added: 3, errors: [] });
    const tanKhanh = await unit('commune', '25891', '2025-07-01');
    const khanhLong = await fx.db.db
      .selectFrom('adminUnits')
      .selectAll()
      .where('localCode', '=', 'KP01')
      .where('parentId', '=', tanKhanh.id)
      .executeTakeFirstOrThrow();
    expect(khanhLong).toMatchObject({
      level: 'hamlet',
      type: 'neighbourhood',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect((await importUnitsFile(fx.db, fx.pathOf('hamlets.csv'), { now })).added).toBe(0);
    const second = await importUnitsFile(
      fx.db,
      file('hamlets2.csv', rows.replace('Khu phố Khánh Long', 'Khu phố Khánh Long A')),
      { now },
    );
    expect(second).toMatchObject({ added: 0, changed: 1, unchanged: 2 });
  });

  it('refuses a hamlet whose ward code is unknown today', async () => {
    const units = await count('adminUnits');
    // 25939 Thái Hòa ended on 30/06/2025, so it has no hamlets to receive now.
    const report = await importUnitsFile(
      fx.db,
      file('hamlet-parent.csv', 'parent_code,name,type\n25939,Khu phố Phước Hải,Khu phố\n'),
      { now },
    );
    expect(report.errors).toMatchObject([{ row: 2, column: 'parent_code', code: 'IMPORT_PARENT_UNKNOWN' }]);
    expect(await count('adminUnits')).toBe(units);
  });

  it('refuses two hamlets of one ward with the same name', async () => {
    const report = await importUnitsFile(
      fx.db,
      file(
        'hamlet-dup.csv',
        'parent_code,local_code,name,type\n25891,A,Khu phố Mới,Khu phố\n25891,B,Khu Phố Mới,Khu phố\n',
      ),
      { now },
    );
    expect(report.errors).toMatchObject([{ row: 3, column: 'name', code: 'IMPORT_DUPLICATE' }]);
  });
});
