import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnitsFile } from './import-units-file.js';
import {
  AFTER,
  BEFORE,
  createImportFixture,
  MAPPING,
  MAPPING_HEADER,
  NOW as now,
  type ImportFixture,
} from './import-fixtures.js';

let fx: ImportFixture;
const file = (name: string, content: string | Buffer) => fx.file(name, content);
const count = (table: 'adminUnits' | 'unitLineage' | 'auditLog') => fx.count(table);

beforeAll(async () => {
  fx = await createImportFixture();
  for (const [name, content] of [
    ['before.csv', BEFORE],
    ['after.csv', AFTER],
    ['mapping.csv', MAPPING],
  ]) {
    const report = await importUnitsFile(fx.db, file(name, content), { now });
    if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
  }
});
afterAll(async () => fx.dispose());

describe('refusing bad files', () => {
  async function expectRefused(
    name: string,
    content: string | Buffer,
    expected: { row: number | null; column: string | null; code: string },
  ) {
    const units = await count('adminUnits');
    const lineage = await count('unitLineage');
    const report = await importUnitsFile(fx.db, file(name, content), { now });
    expect(report.errors[0]).toMatchObject(expected);
    expect(report.errors[0].vi).not.toBe('');
    expect(report.errors[0].en).not.toBe('');
    expect(report).toMatchObject({ added: 0, changed: 0, lineageAdded: 0 });
    expect(await count('adminUnits')).toBe(units);
    expect(await count('unitLineage')).toBe(lineage);
    return report;
  }

  it('names the expected columns when the header is wrong', async () => {
    const report = await expectRefused(
      'header.csv',
      'province_code,province_name,ward_code,ward_name\n79,X,25888,Y\n',
      {
        row: 1,
        column: null,
        code: 'IMPORT_HEADER_INVALID',
      },
    );
    expect(report.errors[0].vi).toContain('ward_type');
    expect(report.errors[0].en).toContain('Missing columns: ward_type');
  });

  it('refuses a code repeated with different data, naming both rows', async () => {
    const content = `${AFTER}79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên Mới,Phường\n`;
    const report = await expectRefused('dup.csv', content, {
      row: 7,
      column: 'ward_code',
      code: 'IMPORT_DUPLICATE',
    });
    expect(report.errors[0].en).toContain('row 2');
  });

  it('refuses a province spelled two ways', async () => {
    await expectRefused('dup-province.csv', `${AFTER}79,TP Hồ Chí Minh,25999,Phường X,Phường\n`, {
      row: 7,
      column: 'province_name',
      code: 'IMPORT_TYPE_UNKNOWN',
    });
    await expectRefused('dup-province2.csv', `${AFTER}79,Thành phố Hồ Chí Minh Mới,25999,Phường X,Phường\n`, {
      row: 7,
      column: 'province_code',
      code: 'IMPORT_DUPLICATE',
    });
  });

  it('refuses a commune without its province', async () => {
    await expectRefused(
      'parent.csv',
      'province_code,province_name,ward_code,ward_name,ward_type\n,,25888,Phường Tân Uyên,Phường\n',
      {
        row: 2,
        column: 'province_code',
        code: 'IMPORT_VALUE_REQUIRED',
      },
    );
  });

  it('refuses an impossible date and a span outside the parent', async () => {
    const header = 'province_code,province_name,ward_code,ward_name,ward_type,valid_from\n';
    await expectRefused(
      'date.csv',
      `${header}79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Phường,\n79,Thành phố Hồ Chí Minh,25891,Phường Tân Khánh,Phường,31/02/2026\n`,
      {
        row: 3,
        column: 'valid_from',
        code: 'IMPORT_DATE_INVALID',
      },
    );
    await expectRefused(
      'span.csv',
      `${header}79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Phường,01/01/2020\n`,
      {
        row: 2,
        column: 'valid_from',
        code: 'IMPORT_DATE_OUTSIDE_PARENT',
      },
    );
  });

  it('refuses a type word it does not know', async () => {
    await expectRefused(
      'type.csv',
      'province_code,province_name,ward_code,ward_name,ward_type\n79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Khóm\n',
      {
        row: 2,
        column: 'ward_type',
        code: 'IMPORT_TYPE_UNKNOWN',
      },
    );
  });

  it('refuses a file that is not UTF-8, naming the row', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(
        'province_code,province_name,ward_code,ward_name,ward_type\n79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Phường\n',
      ),
      Buffer.from('79,Th\xe0nh ph\xf4 H\xf4 Ch\xed Minh,25891,Ph\xfd\xf4ng,Ph\xfd\xf4ng\n', 'latin1'),
    ]);
    await expectRefused('latin1.csv', latin1, { row: 3, column: null, code: 'IMPORT_NOT_UTF8' });
  });

  it('refuses an empty file', async () => {
    await expectRefused('empty.csv', '', { row: null, column: null, code: 'IMPORT_FILE_EMPTY' });
    await expectRefused('blank.csv', '\n \n', { row: null, column: null, code: 'IMPORT_FILE_EMPTY' });
  });

  it('refuses a row with missing cells and a broken quote', async () => {
    await expectRefused(
      'short.csv',
      'province_code,province_name,ward_code,ward_name,ward_type\n79,Thành phố Hồ Chí Minh,25888\n',
      {
        row: 2,
        column: null,
        code: 'IMPORT_COLUMN_COUNT',
      },
    );
    await expectRefused(
      'quote.csv',
      'province_code,province_name,ward_code,ward_name,ward_type\n79,"Thành phố,25888,X,Phường\n',
      {
        row: 2,
        column: null,
        code: 'IMPORT_FILE_UNREADABLE',
      },
    );
  });

  it('refuses mapping rows whose units are missing unless a note explains it', async () => {
    const report = await expectRefused(
      'bad-mapping.csv',
      `${MAPPING_HEADER}\n74,723,25999,Phường Không Có,79,25888,Phường Tân Uyên,full,\n74,723,25888,Phường Uyên Hưng,79,25000,Phường Mới,full,\n74,,25998,Xã Cũ,79,25888,Phường Tân Uyên,full,only in the source\n`,
      {
        row: 2,
        column: 'old_ward_code',
        code: 'IMPORT_OLD_UNIT_MISSING',
      },
    );
    expect(report.errors[1]).toMatchObject({
      row: 3,
      column: 'new_ward_code',
      code: 'IMPORT_NEW_UNIT_MISSING',
    });
    expect(report.errors).toHaveLength(2);
    expect(report.warnings).toMatchObject([{ row: 4, code: 'IMPORT_OLD_UNIT_SKIPPED' }]);
  });

  it('refuses a merge type other than full or partial', async () => {
    await expectRefused(
      'merge.csv',
      `${MAPPING_HEADER}\n74,723,25888,Phường Uyên Hưng,79,25888,Phường Tân Uyên,toàn bộ,\n`,
      {
        row: 2,
        column: 'merge_type',
        code: 'IMPORT_MERGE_TYPE_INVALID',
      },
    );
  });
});
