import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createSurveyTestApp,
  type Cookies,
  type SurveyTestApp,
} from '../surveys/surveys.fixtures.js';
import { history } from '../surveys/versioned.repository.js';

let s: SurveyTestApp;

beforeAll(async () => {
  s = await createSurveyTestApp();
});
afterAll(async () => s.t.close());

const create = (cookies: Cookies, payload: Record<string, unknown>, hamletId = s.khanhLong) =>
  s.t.app.inject({ method: 'POST', url: `/api/hamlets/${hamletId}/businesses`, cookies, payload });
const list = (cookies: Cookies, hamletId = s.khanhLong) =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/businesses`, cookies });
const patch = (cookies: Cookies, uid: string, payload: Record<string, unknown>) =>
  s.t.app.inject({ method: 'PATCH', url: `/api/businesses/${uid}`, cookies, payload });
const remove = (cookies: Cookies, uid: string, query = '') =>
  s.t.app.inject({ method: 'DELETE', url: `/api/businesses/${uid}${query}`, cookies });
const fieldsOf = (body: { details: { fields: Array<{ field: string }> } }) => [
  ...new Set(body.details.fields.map((f) => f.field)),
];

const BAKERY = {
  name: 'Tiệm bánh mì Cô Ba',
  kind: 'household_business',
  acceptsCashless: true,
  listedOnline: true,
  platforms: ['Shopee', 'Zalo OA'],
};
let uid = '';

describe('businesses', () => {
  it('lets a hamlet head record a business, unknown flags staying null', async () => {
    s.t.clock.now = new Date('2026-11-28T04:00:00Z');
    const res = await create(s.as.head, BAKERY);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...BAKERY,
      hamletId: s.khanhLong,
      ecommerceEligible: null,
      traceability: null,
      ocopStars: null,
      isFarmProduct: false,
      changedByName: 'Trưởng khu phố Khánh Long',
      validTo: null,
      abilities: { canEdit: true },
    });
    uid = res.json().uid;
    const stored = await s.t.db.db
      .selectFrom('businesses')
      .select('platforms')
      .where('uid', '=', uid)
      .executeTakeFirst();
    expect(stored?.platforms).toBe('Shopee,Zalo OA');
    const listed = await list(s.as.viewer);
    expect(listed.json().items).toEqual([expect.objectContaining({ uid, abilities: { canEdit: false } })]);
    expect(listed.json().abilities).toEqual({ canCreate: false });
    expect((await auditOf(s.t, 'business', uid)).map((a) => a.action)).toEqual(['business.create']);
  });

  it('rejects bad input with 400 naming each field', async () => {
    const res = await create(s.as.head, { name: '', kind: 'bank', ocopStars: 6, platforms: ['a,b'] });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual([
      'body.kind',
      'body.name',
      'body.ocopStars',
      'body.platforms.0',
    ]);
    const contradiction = await create(s.as.head, { ...BAKERY, listedOnline: false });
    expect(fieldsOf(contradiction.json())).toEqual(['body.platforms']);
    const zeroStars = await patch(s.as.head, uid, { ocopStars: 0 });
    expect(fieldsOf(zeroStars.json())).toEqual(['body.ocopStars']);
    const unlisted = await patch(s.as.head, uid, { listedOnline: false });
    expect(unlisted.statusCode).toBe(400);
    expect(fieldsOf(unlisted.json())).toEqual(['body.platforms']);
    expect((await list(s.as.head)).json().items).toHaveLength(1);
  });

  it('records a change as a new version and keeps the old one', async () => {
    s.t.clock.now = new Date('2026-11-28T06:00:00Z');
    const res = await patch(s.as.officerTanKhanh, uid, {
      ocopStars: 3,
      isFarmProduct: true,
      traceability: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      uid,
      ocopStars: 3,
      isFarmProduct: true,
      traceability: true,
      platforms: BAKERY.platforms,
    });
    const versions = await history(s.t.db.db, 'businesses', uid);
    expect(versions.map((v) => [v.ocopStars, v.validTo])).toEqual([
      [null, '2026-11-28T06:00:00.000Z'],
      [3, null],
    ]);
    // The same values again record nothing.
    await patch(s.as.officerTanKhanh, uid, { ocopStars: 3 });
    expect(await history(s.t.db.db, 'businesses', uid)).toHaveLength(2);
    expect((await auditOf(s.t, 'business', uid)).map((a) => a.action)).toEqual([
      'business.create',
      'business.update',
    ]);
  });

  it('refuses team members and viewers with 403, and another ward’s officer with 403 UNIT_NOT_IN_SCOPE', async () => {
    for (const cookies of [s.as.team, s.as.viewer]) {
      expect((await create(cookies, BAKERY)).json().code).toBe('FORBIDDEN');
      expect((await patch(cookies, uid, { name: 'X' })).statusCode).toBe(403);
      expect((await remove(cookies, uid)).statusCode).toBe(403);
    }
    const foreign = await patch(s.as.officerTanHiep, uid, { name: 'X' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await list(s.as.officerTanHiep)).statusCode).toBe(403);
  });

  it('removes a business by closing its version, audit-logged with the note', async () => {
    s.t.clock.now = new Date('2026-11-28T08:00:00Z');
    const res = await remove(s.as.head, uid, '?note=Ng%E1%BB%ABng%20kinh%20doanh');
    expect(res.statusCode).toBe(204);
    expect((await list(s.as.head)).json().items).toEqual([]);
    expect((await history(s.t.db.db, 'businesses', uid)).at(-1)?.validTo).toBe('2026-11-28T08:00:00.000Z');
    expect((await auditOf(s.t, 'business', uid)).at(-1)).toMatchObject({
      action: 'business.delete',
      after: { removed: true, note: 'Ngừng kinh doanh' },
    });
    const again = await remove(s.as.head, uid);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('SURVEY_RECORD_NOT_FOUND');
  });
});
