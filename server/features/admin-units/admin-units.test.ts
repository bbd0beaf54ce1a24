import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCity, type DemoCity } from '../../../seeds/demo/seed-demo-city.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { loginAs } from './login-as.js';

let t: TestApp;
let city: DemoCity;
let admin: Record<string, string>;
let tanHiepOfficer: Record<string, string>;
let tanKhanhOfficer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  city = await t.db.db.transaction().execute((trx) => seedDemoCity(trx, t.clock.now.toISOString()));
  admin = await loginAs(t.db, 'city_admin');
  tanHiepOfficer = await loginAs(t.db, 'commune_officer', [city.newWardIds.get('25920')!]);
  tanKhanhOfficer = await loginAs(t.db, 'commune_officer', [city.newWardIds.get('25891')!]);
});
afterAll(async () => t.close());

const get = (url: string, cookies: Record<string, string>) => t.app.inject({ method: 'GET', url, cookies });
const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe('GET /api/units/tree', () => {
  it('shows the provinces of the day to an unlimited city admin', async () => {
    const before = await get('/api/units/tree?asOf=2024-01-01', admin);
    const after = await get('/api/units/tree?asOf=2026-01-01', admin);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      asOf: '2024-01-01',
      items: [{ name: 'Tỉnh Bình Dương', level: 'province', childCount: 1 }],
    });
    expect(names(after.json().items)).toEqual(['Thành phố Hồ Chí Minh']);
    expect(after.json().items[0].childCount).toBe(7);
  });

  it('lists the 12 old units of Tân Uyên in 2024 and nothing under the abolished city in 2026', async () => {
    const before = await get(`/api/units/tree?asOf=2024-01-01&parentId=${city.oldCityId}`, admin);
    expect(before.json().items).toHaveLength(12);
    expect(before.json().items[0]).toMatchObject({
      parentName: 'Thành phố Tân Uyên',
      validTo: '2025-06-30',
      level: 'commune',
    });
    const after = await get(`/api/units/tree?asOf=2026-01-01&parentId=${city.oldCityId}`, admin);
    expect(after.json().items).toEqual([]);
  });

  it('sorts children the Vietnamese way and counts their children on that date', async () => {
    const res = await get(`/api/units/tree?asOf=2024-01-01&parentId=${city.oldWardIds.get('25891')}`, admin);
    expect(names(res.json().items)).toEqual([
      'Khu phố Bình Hòa 1',
      'Khu phố Bình Hòa 2',
      'Khu phố Khánh Hòa',
      'Khu phố Khánh Hội',
      'Khu phố Khánh Long',
      'Khu phố Khánh Lộc',
      'Khu phố Khánh Lợi',
      'Khu phố Khánh Thạnh',
    ]);
    const old = await get(`/api/units/tree?asOf=2024-01-01&parentId=${city.oldCityId}`, admin);
    expect(old.json().items.find((u: { code: string }) => u.code === '25891').childCount).toBe(8);
  });

  it('shows hamlets under their new ward after the reform, with the type they had that day', async () => {
    const res = await get(`/api/units/tree?asOf=2026-01-01&parentId=${city.newWardIds.get('25891')}`, admin);
    const items = res.json().items as Array<{ name: string; type: string; parentName: string }>;
    // 8 of Tân Phước Khánh, 4 of Tân Vĩnh Hiệp, 3 + 3 of Thạnh Phước and Thạnh Hội, 2 of the split Thái Hòa.
    expect(items).toHaveLength(20);
    expect(items.every((i) => i.type === 'neighbourhood' && i.parentName === 'Phường Tân Khánh')).toBe(true);
    const before = await get(
      `/api/units/tree?asOf=2024-01-01&parentId=${city.newWardIds.get('25891')}`,
      admin,
    );
    expect(before.json().items).toEqual([]);
  });

  it("gives a new ward's officer the old wards it was formed from when browsing 2024", async () => {
    const before = await get('/api/units/tree?asOf=2024-01-01', tanHiepOfficer);
    expect(names(before.json().items)).toEqual(['Phường Khánh Bình', 'Phường Tân Hiệp']);
    expect(before.json().items.every((u: { validTo: string }) => u.validTo === '2025-06-30')).toBe(true);
    const after = await get('/api/units/tree?asOf=2026-01-01', tanHiepOfficer);
    expect(after.json().items).toMatchObject([
      { name: 'Phường Tân Hiệp', validFrom: '2025-07-01', validTo: null },
    ]);
  });

  it('shows an officer the hamlets that came from a split ward as tops of 2024, naming their old ward', async () => {
    const res = await get('/api/units/tree?asOf=2024-01-01', tanKhanhOfficer);
    const items = res.json().items as Array<{ name: string; level: string; parentName: string }>;
    expect(items.filter((i) => i.level === 'commune').map((i) => i.name)).toEqual([
      'Phường Tân Phước Khánh',
      'Phường Tân Vĩnh Hiệp',
      'Phường Thạnh Phước',
      'Xã Thạnh Hội',
    ]);
    // Thái Hòa was split, so it is not in scope; only its two hamlets that moved to Tân Khánh are.
    expect(items.filter((i) => i.level === 'hamlet').map((i) => [i.name, i.parentName])).toEqual([
      ['Khu phố 1', 'Phường Thái Hòa'],
      ['Khu phố 2', 'Phường Thái Hòa'],
    ]);
  });

  it('defaults asOf to today in Vietnam', async () => {
    const res = await get('/api/units/tree', admin);
    expect(res.json().asOf).toBe('2026-11-28');
  });

  it("refuses the children of a unit outside the user's scope without naming it", async () => {
    const res = await get(`/api/units/tree?parentId=${city.newWardIds.get('25891')}`, tanHiepOfficer);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect(res.body).not.toContain('Tân Khánh');
  });

  it('rejects unknown query fields and impossible dates', async () => {
    const unknown = await get('/api/units/tree?foo=1', admin);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: { fields: [{ field: 'querystring.foo' }] },
    });
    const bad = await get('/api/units/tree?asOf=2025-02-30', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().details.fields[0].field).toContain('asOf');
  });

  it('asks for a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units/tree' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });
});

describe('GET /api/units/:id', () => {
  it('gives a hamlet its ancestors as of the date asked', async () => {
    const id = city.hamletIds.get('25891/Khu phố Khánh Long')!;
    const before = (await get(`/api/units/${id}?asOf=2024-01-01`, admin)).json();
    expect(before.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Bình Dương',
      'Thành phố Tân Uyên',
      'Phường Tân Phước Khánh',
    ]);
    expect(before.unit).toMatchObject({ parentName: 'Phường Tân Phước Khánh', localCode: '25891-05' });
    const after = (await get(`/api/units/${id}?asOf=2026-01-01`, admin)).json();
    expect(after.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Thành phố Hồ Chí Minh',
      'Phường Tân Khánh',
    ]);
    expect(after.periods).toMatchObject([
      {
        name: 'Khu phố Khánh Long',
        parentName: 'Phường Tân Phước Khánh',
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
        reason: 'created',
      },
      {
        name: 'Khu phố Khánh Long',
        parentName: 'Phường Tân Khánh',
        validFrom: '2025-07-01',
        validTo: null,
        reason: 'moved',
      },
    ]);
    expect(after.abilities).toEqual({ canRename: true, canChangeType: true, canAddHamlet: false });
  });

  it('lets a commune officer edit hamlets but not their ward', async () => {
    const ward = (await get(`/api/units/${city.newWardIds.get('25891')}`, tanKhanhOfficer)).json();
    expect(ward.abilities).toEqual({ canRename: false, canChangeType: false, canAddHamlet: true });
    const hamlet = (
      await get(`/api/units/${city.hamletIds.get('25891/Khu phố Khánh Long')}`, tanKhanhOfficer)
    ).json();
    expect(hamlet.abilities.canRename).toBe(true);
  });

  it('answers 404 for an unknown unit and 403 outside the scope', async () => {
    expect((await get('/api/units/999999', admin)).json().code).toBe('UNIT_NOT_FOUND');
    const res = await get(`/api/units/${city.newWardIds.get('25891')}`, tanHiepOfficer);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Tân Khánh');
  });
});

describe('GET /api/units/:id/lineage', () => {
  it('names the units a new ward was formed from, full or partial', async () => {
    const res = await get(`/api/units/${city.newWardIds.get('25891')}/lineage`, tanKhanhOfficer);
    expect(res.statusCode).toBe(200);
    const preds = res.json().predecessors as Array<{
      unit: { name: string; inScope: boolean };
      mergeType: string;
      effectiveDate: string;
    }>;
    expect(preds.map((p) => [p.unit.name, p.mergeType, p.unit.inScope])).toEqual([
      ['Phường Tân Phước Khánh', 'full', true],
      ['Phường Tân Vĩnh Hiệp', 'full', true],
      ['Phường Thái Hòa', 'partial', false],
      ['Phường Thạnh Phước', 'full', true],
      ['Xã Thạnh Hội', 'full', true],
    ]);
    expect(preds.every((p) => p.effectiveDate === '2025-07-01')).toBe(true);
    expect(res.json().successors).toEqual([]);
  });

  it('names the wards a split unit went into, and follows the chain', async () => {
    const res = await get(`/api/units/${city.oldWardIds.get('25939')}/lineage`, admin);
    expect(
      res
        .json()
        .successors.map((s: { unit: { name: string }; mergeType: string }) => [s.unit.name, s.mergeType]),
    ).toEqual([
      ['Phường Tân Đông Hiệp', 'partial'],
      ['Phường Tân Khánh', 'partial'],
    ]);
    expect(res.json().predecessors).toEqual([]);
    expect(res.json().chain.links).toHaveLength(2);
    const province = await get(`/api/units/${city.oldProvinceId}/lineage`, admin);
    expect(province.json().successors[0].unit).toMatchObject({
      name: 'Thành phố Hồ Chí Minh',
      inScope: true,
    });
  });
});

describe('GET /api/units/:id/descendants', () => {
  it('finds every unit below, following the parents of the date', async () => {
    const communes = await get(
      `/api/units/${city.oldCityId}/descendants?asOf=2024-01-01&level=commune`,
      admin,
    );
    expect(communes.json().items).toHaveLength(12);
    const all = await get(`/api/units/${city.oldCityId}/descendants?asOf=2024-01-01`, admin);
    const hamlets = all.json().items.filter((u: { level: string }) => u.level === 'hamlet');
    expect(all.json().items.length).toBe(12 + hamlets.length);
    expect(hamlets.length).toBeGreaterThan(30);
    const hcmc = await get(
      `/api/units/${city.newProvinceId}/descendants?asOf=2026-01-01&level=hamlet`,
      admin,
    );
    expect(hcmc.json().items).toHaveLength(hamlets.length);
    const none = await get(`/api/units/${city.newProvinceId}/descendants?asOf=2024-01-01`, admin);
    expect(none.json().items).toEqual([]);
  });

  it('rejects an unknown level', async () => {
    const res = await get(`/api/units/${city.oldCityId}/descendants?level=ward`, admin);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/units/search', () => {
  it('ignores diacritics and finds both the old city and the new ward', async () => {
    const res = await get('/api/units/search?q=tan%20uyen', admin);
    expect(res.statusCode).toBe(200);
    expect(names(res.json().items)).toEqual(
      expect.arrayContaining(['Thành phố Tân Uyên', 'Phường Tân Uyên']),
    );
    expect(names(res.json().items).slice(0, 2).sort()).toEqual(['Phường Tân Uyên', 'Thành phố Tân Uyên']);
  });

  it('finds a ward that no longer exists and says until when it existed', async () => {
    const res = await get('/api/units/search?q=thai%20hoa', admin);
    expect(res.json().items).toMatchObject([{ name: 'Phường Thái Hòa', validTo: '2025-06-30' }]);
    const today = await get('/api/units/search?q=thai%20hoa&asOf=2026-01-01', admin);
    expect(today.json().items).toEqual([]);
  });

  it('finds a unit by a former name and says which name matched', async () => {
    // The ấp of Xã Bạch Đằng became khu phố on 01/07/2025.
    const res = await get('/api/units/search?q=ap%201&level=hamlet', admin);
    const items = res.json().items as Array<{ name: string; matchedName?: string }>;
    expect(items.some((i) => i.name === 'Khu phố 1' && i.matchedName === 'Ấp 1')).toBe(true);
  });

  it("keeps to the user's scope", async () => {
    const res = await get('/api/units/search?q=khanh%20long', tanHiepOfficer);
    expect(res.json().items).toEqual([]);
    const own = await get('/api/units/search?q=khanh%20long', tanKhanhOfficer);
    expect(names(own.json().items)).toEqual(['Khu phố Khánh Long']);
  });

  it('needs a search text and caps the limit', async () => {
    expect((await get('/api/units/search', admin)).statusCode).toBe(400);
    expect((await get('/api/units/search?q=tan&limit=1000', admin)).statusCode).toBe(400);
    const one = await get('/api/units/search?q=tan&limit=1', admin);
    expect(one.json().items).toHaveLength(1);
  });
});
