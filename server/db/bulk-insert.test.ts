import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { bulkInsert, csvField } from './bulk-insert.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await t.db.schema
    .createTable('bulk_probe')
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('amount', t.dialect === 'postgres' ? sql`double precision` : 'real')
    .addColumn('flag', 'integer')
    .execute();
});
afterAll(async () => t.dispose());

const COLUMNS = ['n', 'label', 'amount', 'flag'];

async function probeRows(from: number, to: number) {
  const { rows } = await sql<{ n: number; label: string | null; amount: number | null; flag: number | null }>`
    select n, label, amount, flag from bulk_probe where n >= ${from} and n < ${to} order by n`.execute(t.db);
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    amount: r.amount === null ? null : Number(r.amount),
    flag: r.flag === null ? null : Number(r.flag),
  }));
}

const TRICKY = [
  [1, 'Nguyễn Thị Ánh, tổ 3', 1.5, true],
  [2, 'Quán "Bà Tư"', -0.25, false],
  [3, '', null, null],
  [4, null, 0, 1],
  [5, 'dòng 1\ndòng 2\r\ncuối', 1e-7, 0],
  [6, '\\N NULL ,"', 12345678.125, null],
  [7, 'Đặng Hữu Lộc – hẻm 45/12 ĐT746', null, true],
];

describe('bulkInsert', () => {
  it('round-trips NULLs, empty strings, quotes, commas, newlines and Vietnamese text', async () => {
    expect(await bulkInsert(t, 'bulk_probe', COLUMNS, TRICKY)).toBe(TRICKY.length);
    expect(await probeRows(1, 8)).toEqual([
      { n: 1, label: 'Nguyễn Thị Ánh, tổ 3', amount: 1.5, flag: 1 },
      { n: 2, label: 'Quán "Bà Tư"', amount: -0.25, flag: 0 },
      { n: 3, label: '', amount: null, flag: null },
      { n: 4, label: null, amount: 0, flag: 1 },
      { n: 5, label: 'dòng 1\ndòng 2\r\ncuối', amount: 1e-7, flag: 0 },
      { n: 6, label: '\\N NULL ,"', amount: 12345678.125, flag: null },
      { n: 7, label: 'Đặng Hữu Lộc – hẻm 45/12 ĐT746', amount: null, flag: 1 },
    ]);
  });

  it('streams a generator across several statements, remainder included', async () => {
    function* many() {
      for (let n = 1000; n < 1000 + 2_345; n++) yield [n, `hộ ${n}`, n / 4, n % 3 === 0 ? null : n % 2];
    }
    expect(await bulkInsert(t, 'bulk_probe', COLUMNS, many())).toBe(2_345);
    const rows = await probeRows(1000, 4000);
    expect(rows).toHaveLength(2_345);
    expect(rows[2_344]).toEqual({ n: 3344, label: 'hộ 3344', amount: 836, flag: 0 });
    expect(rows.filter((r) => r.flag === null)).toHaveLength(781);
  });

  it('accepts an async source', async () => {
    async function* slow() {
      for (let n = 5000; n < 5150; n++) {
        if (n % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        yield [n, null, null, null];
      }
    }
    expect(await bulkInsert(t, 'bulk_probe', COLUMNS, slow())).toBe(150);
    expect(await probeRows(5000, 6000)).toHaveLength(150);
  });

  it('writes nothing when one row is bad', async () => {
    function* withBadRow() {
      for (let n = 7000; n < 7300; n++) yield n === 7250 ? [n, 'thiếu cột'] : [n, 'ok', 1, 1];
    }
    await expect(bulkInsert(t, 'bulk_probe', COLUMNS, withBadRow())).rejects.toThrow(/expected 4/);
    expect(await probeRows(7000, 8000)).toEqual([]);
    // The handle is still usable afterwards.
    expect(await bulkInsert(t, 'bulk_probe', COLUMNS, [[7001, 'sau lỗi', null, null]])).toBe(1);
  });

  it('refuses table and column names that are not plain snake_case identifiers', async () => {
    await expect(bulkInsert(t, 'bulk_probe; drop table users', COLUMNS, [])).rejects.toThrow(/invalid table/);
    await expect(bulkInsert(t, 'bulk_probe', ['n', 'Label'], [])).rejects.toThrow(/invalid column/);
    await expect(bulkInsert(t, 'bulk_probe', ['n', 'label"--'], [])).rejects.toThrow(/invalid column/);
  });

  it('writes NULL as an unquoted empty CSV field and every string quoted', () => {
    expect([null, undefined, '', 'a"b', 3, true].map(csvField)).toEqual(['', '', '""', '"a""b"', '3', '1']);
  });
});
