import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCity, type DemoCity } from '../../../seeds/demo/seed-demo-city.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { loginAs } from './login-as.js';

let t: TestApp;
let city: DemoCity;
let admin: Record<string, string>;
let officer: Record<string, string>;
let hamletHead: Record<string, string>;
let tanKhanh: number;

beforeAll(async () => {
  t = await createTestApp();
  city = await t.db.db.transaction().execute((trx) => seedDemoCity(trx, t.clock.now.toISOString()));
  tanKhanh = city.newWardIds.get('25891')!;
  admin = await loginAs(t.db, 'city_admin');
  officer = await loginAs(t.db, 'commune_officer', [tanKhanh]);
  hamletHead = await loginAs(t.db, 'hamlet_head', [city.hamletIds.get('25891/Khu phố Khánh Long')!]);
});
afterAll(async () => t.close());

const post = (url: string, cookies: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url, cookies, payload });
const get = (url: string, cookies: Record<string, string>) => t.app.inject({ method: 'GET', url, cookies });
const childNames = async (parentId: number, asOf: string) =>
  (await get(`/api/units/tree?parentId=${parentId}&asOf=${asOf}`, admin))
    .json()
    .items.map((i: { name: string }) => i.name);

async function auditRows(action: string) {
  return t.db.db.selectFrom('auditLog').selectAll().where('action', '=', action).execute();
}

describe('POST /api/units', () => {
  it('lets a commune officer add a boarding-house area to their ward from a date', async () => {
    const res = await post('/api/units', officer, {
      parentId: tanKhanh,
      name: 'Khu nhà trọ Khánh Bình',
      type: 'boarding_area',
      localCode: 'NT01',
      validFrom: '2026-01-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().unit).toMatchObject({
      level: 'hamlet',
      type: 'boarding_area',
      localCode: 'NT01',
      parentName: 'Phường Tân Khánh',
      validFrom: '2026-01-01',
    });
    expect(await childNames(tanKhanh, '2026-06-01')).toContain('Khu nhà trọ Khánh Bình');
    expect(await childNames(tanKhanh, '2025-12-31')).not.toContain('Khu nhà trọ Khánh Bình');
    const audit = await auditRows('units.create');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ name: 'Khu nhà trọ Khánh Bình', parentId: tanKhanh });
  });

  it('refuses a taken local code or name under the same ward', async () => {
    const base = { parentId: tanKhanh, type: 'boarding_area', validFrom: '2026-02-01' };
    const code = await post('/api/units', officer, { ...base, name: 'Khu nhà trọ Mới', localCode: 'NT01' });
    expect(code.statusCode).toBe(409);
    expect(code.json().code).toBe('UNIT_CODE_TAKEN');
    const name = await post('/api/units', officer, { ...base, name: 'khu nha tro khanh binh' });
    expect(name.statusCode).toBe(409);
    expect(name.json().code).toBe('UNIT_NAME_TAKEN');
  });

  it('refuses a parent that is not a ward or commune, and a start before the parent existed', async () => {
    const underHamlet = await post('/api/units', admin, {
      parentId: city.hamletIds.get('25891/Khu phố Khánh Long')!,
      name: 'Tổ 1',
      type: 'residential_group',
      validFrom: '2026-01-01',
    });
    expect(underHamlet.statusCode).toBe(400);
    expect(underHamlet.json().code).toBe('UNIT_PARENT_INVALID');
    const early = await post('/api/units', admin, {
      parentId: tanKhanh,
      name: 'Khu phố Mới',
      type: 'neighbourhood',
      validFrom: '2024-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('UNIT_NOT_VALID_ON_DATE');
  });

  it("refuses another ward's officer, a hamlet head, unknown fields and bad dates", async () => {
    const tanHiep = city.newWardIds.get('25920')!;
    const body = { parentId: tanHiep, name: 'Khu phố X', type: 'neighbourhood', validFrom: '2026-01-01' };
    expect((await post('/api/units', officer, body)).json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await post('/api/units', hamletHead, { ...body, parentId: tanKhanh })).json().code).toBe(
      'FORBIDDEN',
    );
    const unknown = await post('/api/units', admin, { ...body, code: '99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: { fields: [{ field: 'body.code' }] },
    });
    const badDate = await post('/api/units', admin, { ...body, validFrom: '31/02/2026' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().code).toBe('VALIDATION_FAILED');
    const wrongType = await post('/api/units', admin, { ...body, type: 'ward' });
    expect(wrongType.statusCode).toBe(400);
  });
});

describe('POST /api/units/:id/rename', () => {
  it('keeps the former name in the history and in the tree of earlier dates', async () => {
    const id = city.hamletIds.get('25891/Khu phố Khánh Long')!;
    const res = await post(`/api/units/${id}/rename`, officer, {
      name: 'Khu phố Khánh Long Mới',
      effectiveDate: '2026-03-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit.name).toBe('Khu phố Khánh Long Mới');
    expect(
      res
        .json()
        .periods.map((p: { name: string; validFrom: string; validTo: string | null; reason: string }) => [
          p.name,
          p.validFrom,
          p.validTo,
          p.reason,
        ]),
    ).toEqual([
      ['Khu phố Khánh Long', '2020-01-01', '2025-06-30', 'created'],
      ['Khu phố Khánh Long', '2025-07-01', '2026-02-28', 'moved'],
      ['Khu phố Khánh Long Mới', '2026-03-01', null, 'renamed'],
    ]);
    expect(await childNames(tanKhanh, '2026-02-28')).toContain('Khu phố Khánh Long');
    expect(await childNames(tanKhanh, '2026-03-01')).toContain('Khu phố Khánh Long Mới');
    expect(await childNames(city.oldWardIds.get('25891')!, '2024-01-01')).toContain('Khu phố Khánh Long');
    const search = await get('/api/units/search?q=khanh%20long%20moi', admin);
    expect(search.json().items).toHaveLength(1);
    const [audit] = await auditRows('units.rename');
    expect(JSON.parse(audit.before!)).toMatchObject({ name: 'Khu phố Khánh Long' });
    expect(JSON.parse(audit.after!)).toMatchObject({
      name: 'Khu phố Khánh Long Mới',
      validFrom: '2026-03-01',
    });
  });

  it('refuses a date not after the current name began, or after the unit ended', async () => {
    const id = city.hamletIds.get('25891/Khu phố Khánh Hội')!;
    const early = await post(`/api/units/${id}/rename`, admin, {
      name: 'Khu phố Khánh Hội 2',
      effectiveDate: '2025-07-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'UNIT_CHANGE_DATE_INVALID',
      message: expect.stringContaining('01/07/2025'),
    });
    const ended = await post(`/api/units/${city.oldWardIds.get('25939')}/rename`, admin, {
      name: 'Phường Thái Hoà',
      effectiveDate: '2025-08-01',
    });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().code).toBe('UNIT_NOT_VALID_ON_DATE');
  });

  it('lets a city admin correct the name an old ward had in its last years', async () => {
    const res = await post(`/api/units/${city.oldWardIds.get('25939')}/rename`, admin, {
      name: 'Phường Thái Hoà',
      effectiveDate: '2024-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toMatchObject({ name: 'Phường Thái Hoà', validTo: '2025-06-30' });
    expect(res.json().periods.at(-1)).toMatchObject({
      validFrom: '2024-01-01',
      validTo: '2025-06-30',
      reason: 'renamed',
    });
  });

  it("refuses a commune officer renaming their ward, and a name that doesn't change", async () => {
    const ward = await post(`/api/units/${tanKhanh}/rename`, officer, {
      name: 'Phường Tân Khánh Mới',
      effectiveDate: '2026-12-01',
    });
    expect(ward.statusCode).toBe(403);
    expect(ward.json().code).toBe('FORBIDDEN');
    const id = city.hamletIds.get('25891/Khu phố Khánh Lộc')!;
    const same = await post(`/api/units/${id}/rename`, officer, {
      name: 'Khu phố Khánh Lộc',
      effectiveDate: '2026-12-01',
    });
    expect(same.json().code).toBe('UNIT_UNCHANGED');
  });

  it('rejects unknown fields', async () => {
    const id = city.hamletIds.get('25891/Khu phố Khánh Lộc')!;
    const res = await post(`/api/units/${id}/rename`, officer, {
      name: 'A',
      effectiveDate: '2026-12-01',
      reason: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNKNOWN_FIELD');
  });
});

describe('POST /api/units/:id/change-type', () => {
  it('turns an ấp into a khu phố from a date, renaming its type word, and keeps the ấp in earlier trees', async () => {
    const created = await post('/api/units', officer, {
      parentId: tanKhanh,
      name: 'Ấp Bình Khánh',
      type: 'hamlet',
      validFrom: '2025-07-01',
    });
    const id = created.json().unit.id as number;
    const res = await post(`/api/units/${id}/change-type`, officer, {
      type: 'neighbourhood',
      effectiveDate: '2026-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toMatchObject({ name: 'Khu phố Bình Khánh', type: 'neighbourhood' });
    expect(res.json().periods.map((p: { type: string; reason: string }) => [p.type, p.reason])).toEqual([
      ['hamlet', 'created'],
      ['neighbourhood', 'type_changed'],
    ]);
    const before = await get(`/api/units/${id}?asOf=2025-12-31`, admin);
    expect(before.json().unit).toMatchObject({ name: 'Ấp Bình Khánh', type: 'hamlet' });
    expect(await auditRows('units.change_type')).toHaveLength(1);
  });

  it('refuses a type of another level and the type the unit already has', async () => {
    const id = city.hamletIds.get('25891/Khu phố Khánh Lợi')!;
    const ward = await post(`/api/units/${id}/change-type`, officer, {
      type: 'ward',
      effectiveDate: '2026-01-01',
    });
    expect(ward.statusCode).toBe(400);
    expect(ward.json()).toMatchObject({ code: 'UNIT_TYPE_INVALID' });
    const same = await post(`/api/units/${id}/change-type`, officer, {
      type: 'neighbourhood',
      effectiveDate: '2026-01-01',
    });
    expect(same.json().code).toBe('UNIT_UNCHANGED');
    const unknown = await post(`/api/units/${id}/change-type`, officer, {
      type: 'khu_pho',
      effectiveDate: '2026-01-01',
    });
    expect(unknown.statusCode).toBe(400);
  });
});
