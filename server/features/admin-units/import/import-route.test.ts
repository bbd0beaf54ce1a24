import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { loginAs } from '../login-as.js';

let t: TestApp;
let admin: Record<string, string>;

const AFTER = `province_code,province_name,ward_code,ward_name,ward_type
79,Thành phố Hồ Chí Minh,25888,Phường Tân Uyên,Phường
79,Thành phố Hồ Chí Minh,25891,Phường Tân Khánh,Phường
`;
const upload = (cookies: Record<string, string>, content: string, extra: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/units/import',
    cookies,
    payload: { filename: 'ds.csv', contentBase64: Buffer.from(content).toString('base64'), ...extra },
  });

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.db, 'city_admin');
});
afterAll(async () => t.close());

describe('POST /api/units/import', () => {
  it('checks a file without writing it on a dry run, then imports it', async () => {
    const dry = await upload(admin, AFTER, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ layout: 'after_2025', added: 3, dryRun: true });
    const tree = await t.app.inject({
      method: 'GET',
      url: '/api/units/tree?asOf=2026-01-01',
      cookies: admin,
    });
    expect(tree.json().items).toEqual([]);
    const real = await upload(admin, AFTER);
    expect(real.json()).toMatchObject({ added: 3, changed: 0, errors: [] });
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/units/tree?asOf=2026-01-01',
      cookies: admin,
    });
    expect(after.json().items).toMatchObject([{ name: 'Thành phố Hồ Chí Minh', childCount: 2 }]);
  });

  it('answers 422 IMPORT_FAILED with each bad row listed', async () => {
    const res = await upload(admin, `${AFTER}79,Thành phố Hồ Chí Minh,25888,Phường Khác,Phường\n`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('1'),
      details: { errors: [{ row: 4, column: 'ward_code', code: 'IMPORT_DUPLICATE' }] },
    });
  });

  it('accepts a workbook sent as base64', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Khu phố');
    sheet.addRow(['parent_code', 'local_code', 'name', 'type']);
    sheet.addRow(['25891', 'KP01', 'Khu phố Khánh Long', 'Khu phố']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units/import',
      cookies: admin,
      payload: { filename: 'khu-pho.xlsx', contentBase64: bytes.toString('base64') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ layout: 'hamlets', added: 1 });
  });

  it('is for city admins only', async () => {
    const officer = await loginAs(t.db, 'commune_officer');
    const res = await upload(officer, AFTER);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('rejects unknown fields', async () => {
    const res = await upload(admin, AFTER, { layout: 'after_2025' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNKNOWN_FIELD');
  });
});
