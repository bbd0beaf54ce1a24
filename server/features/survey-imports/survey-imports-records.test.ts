import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurveyTestApp, type SurveyTestApp } from '../surveys/surveys.fixtures.js';

let s: SurveyTestApp;

beforeAll(async () => {
  s = await createSurveyTestApp();
});
afterAll(async () => s.t.close());

const upload = (kind: string, body: string, query: string) =>
  s.t.app.inject({
    method: 'POST',
    url: `/api/hamlets/${s.khanhLong}/imports?kind=${kind}&${query}`,
    cookies: s.as.head,
    headers: { 'content-type': 'text/csv' },
    payload: Buffer.from(body, 'utf8'),
  });

const WIFI = [
  'Tên,Vĩ độ,Kinh độ,Hoạt động,Nhà cung cấp',
  'Wifi Nhà văn hóa,11.0412,106.7567,Có,VNPT',
  '"Wifi chợ Khánh Long","11,0420","106,7571",,Viettel',
].join('\n');

const BUSINESSES = [
  'Tên,Loại,Thanh toán không tiền mặt,Đủ điều kiện lên sàn TMĐT,Đã lên sàn TMĐT,Sàn TMĐT,Sao OCOP,Truy xuất nguồn gốc,Nông sản',
  'Tạp hóa Minh Châu,Cửa hàng,Có,Không,Không,,,,',
  'HTX Bưởi Khánh Long,Hợp tác xã,Có,Có,Có,"Shopee, Lazada",4,Có,Có',
].join('\n');

describe('wifi point and business imports', () => {
  it('adds wifi points, then finds the same file unchanged and a corrected one changed', async () => {
    const dry = await upload('wifi-points', WIFI, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().summary).toEqual({ rows: 2, added: 2, changed: 0, unchanged: 0, errors: 0 });
    expect((await upload('wifi-points', WIFI, 'dryRun=false')).statusCode).toBe(200);
    const again = await upload('wifi-points', WIFI, 'dryRun=false');
    expect(again.json().summary).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
    const fixed = await upload('wifi-points', WIFI.replace('Có,VNPT', 'Không,VNPT'), 'dryRun=false');
    expect(fixed.json().summary).toMatchObject({ changed: 1, unchanged: 1 });
    expect(fixed.json().changes[0]).toMatchObject({
      action: 'change',
      fields: ['Hoạt động'],
      diff: [{ column: 'Hoạt động', before: 'Có', after: 'Không' }],
    });
    const rows = await s.t.db.db
      .selectFrom('wifiPoints')
      .selectAll()
      .where('hamletId', '=', s.khanhLong)
      .execute();
    expect(rows).toHaveLength(3);
  });

  it('reports a wifi point outside the map and a missing name, writing nothing', async () => {
    const bad = WIFI + '\nWifi lạ,91,106.7,Có,\n,11.04,106.75,Có,';
    const res = await upload('wifi-points', bad, 'dryRun=false');
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, 'Vĩ độ'],
      [5, 'Tên'],
    ]);
  });

  it('imports businesses with platforms and OCOP stars and exports them back unchanged', async () => {
    const res = await upload('businesses', BUSINESSES, 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ added: 2, errors: 0 });
    const coop = await s.t.db.db
      .selectFrom('businesses')
      .selectAll()
      .where('name', '=', 'HTX Bưởi Khánh Long')
      .executeTakeFirstOrThrow();
    expect(coop).toMatchObject({ kind: 'cooperative', ocopStars: 4, listedOnline: 1, isFarmProduct: 1 });
    const exported = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/export?kind=businesses&format=csv`,
      cookies: s.as.head,
    });
    expect(exported.statusCode).toBe(200);
    const again = await upload('businesses', exported.body, 'dryRun=true');
    expect(again.json().summary).toMatchObject({ added: 0, changed: 0, unchanged: 2, errors: 0 });
  });
});
