import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createSurveyTestApp, type Cookies, type SurveyTestApp } from './surveys.fixtures.js';

let s: SurveyTestApp;

beforeAll(async () => {
  s = await createSurveyTestApp();
});
afterAll(async () => s.t.close());

const at = (iso: string) => {
  s.t.clock.now = new Date(iso);
};
const create = (cookies: Cookies, hamletId: number, payload: Record<string, unknown>) =>
  s.t.app.inject({ method: 'POST', url: `/api/hamlets/${hamletId}/wifi-points`, cookies, payload });
const list = (cookies: Cookies, hamletId: number, query = '') =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/wifi-points${query}`, cookies });
const patch = (cookies: Cookies, uid: string, payload: Record<string, unknown>) =>
  s.t.app.inject({ method: 'PATCH', url: `/api/wifi-points/${uid}`, cookies, payload });
const remove = (cookies: Cookies, uid: string, query = '') =>
  s.t.app.inject({ method: 'DELETE', url: `/api/wifi-points/${uid}${query}`, cookies });

const CULTURE_HOUSE = {
  name: 'Wifi miễn phí Nhà văn hóa khu phố',
  lat: 11.0412,
  lng: 106.7567,
  isWorking: true,
  provider: 'VNPT',
};
let uid = '';

describe('wifi points', () => {
  it('lets a hamlet head record a wifi point and lists it with canEdit', async () => {
    at('2026-11-28T04:00:00Z');
    const created = await create(s.as.head, s.khanhLong, CULTURE_HOUSE);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      ...CULTURE_HOUSE,
      hamletId: s.khanhLong,
      validTo: null,
      abilities: { canEdit: true },
    });
    uid = created.json().uid;

    const listed = await list(s.as.head, s.khanhLong);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ uid, name: CULTURE_HOUSE.name, lat: 11.0412 }),
    ]);
    expect(listed.json().abilities).toEqual({ canEdit: true });
  });

  it('rejects a latitude outside −90..90 with 400 naming body.lat', async () => {
    const bad = await create(s.as.head, s.khanhLong, { ...CULTURE_HOUSE, lat: 91 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['body.lat']);
    const badLng = await patch(s.as.head, uid, { lng: -181 });
    expect(badLng.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['body.lng']);
    expect((await list(s.as.head, s.khanhLong)).json().items).toHaveLength(1);
  });

  it('keeps the old version on a change, so the list as of an earlier time shows the old values', async () => {
    at('2026-11-28T06:00:00Z');
    const changed = await patch(s.as.officerTanKhanh, uid, {
      isWorking: false,
      changeNote: 'Bộ phát bị hỏng',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      uid,
      isWorking: false,
      provider: 'VNPT',
      changeNote: 'Bộ phát bị hỏng',
      validFrom: '2026-11-28T06:00:00.000Z',
    });

    const earlier = await list(s.as.viewer, s.khanhLong, '?asOf=2026-11-28T05:00:00Z');
    expect(earlier.json().items).toEqual([expect.objectContaining({ uid, isWorking: true })]);
    const history = (
      await s.t.app.inject({ method: 'GET', url: `/api/wifi-points/${uid}/history`, cookies: s.as.viewer })
    ).json();
    expect(
      history.items.map((v: { isWorking: boolean; validTo: string | null }) => [v.isWorking, v.validTo]),
    ).toEqual([
      [true, '2026-11-28T06:00:00.000Z'],
      [false, null],
    ]);
  });

  it('records nothing when a patch repeats the current values', async () => {
    at('2026-11-28T07:00:00Z');
    const same = await patch(s.as.head, uid, { isWorking: false, provider: 'VNPT' });
    expect(same.statusCode).toBe(200);
    expect(same.json().validFrom).toBe('2026-11-28T06:00:00.000Z');
    const nothing = await patch(s.as.head, uid, { changeNote: 'chỉ ghi chú' });
    expect(nothing.statusCode).toBe(400);
  });

  it('removes a point by closing its version, keeping it in earlier lists', async () => {
    at('2026-11-28T08:00:00Z');
    const removed = await remove(s.as.head, uid, '?note=Thiết bị bị thu hồi');
    expect(removed.statusCode).toBe(204);
    expect((await list(s.as.head, s.khanhLong)).json().items).toEqual([]);
    expect((await list(s.as.head, s.khanhLong, '?asOf=2026-11-28T07:30:00Z')).json().items).toHaveLength(1);
    const again = await remove(s.as.head, uid);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('SURVEY_RECORD_NOT_FOUND');
    expect((await patch(s.as.head, uid, { isWorking: true })).statusCode).toBe(404);
  });

  it('audit-logs creation, change and removal with the values before and after', async () => {
    const entries = await auditOf(s.t, 'wifi_point', uid);
    expect(entries.map((e) => [e.action, e.actorName])).toEqual([
      ['wifi_point.create', 'truongkp.khanhlong'],
      ['wifi_point.update', 'canbo.tankhanh'],
      ['wifi_point.delete', 'truongkp.khanhlong'],
    ]);
    expect(entries[1].before).toMatchObject({ isWorking: 1, validTo: '2026-11-28T06:00:00.000Z' });
    expect(entries[1].after).toMatchObject({ isWorking: 0, validTo: null });
    expect(entries[2].after).toEqual({ removed: true, note: 'Thiết bị bị thu hồi' });
  });

  it('refuses a hamlet outside the actor scope with 403 UNIT_NOT_IN_SCOPE', async () => {
    const outside = await create(s.as.officerTanHiep, s.khanhLong, CULTURE_HOUSE);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('UNIT_NOT_IN_SCOPE');

    const other = await create(s.as.officerTanHiep, s.tanHiepHamlet, {
      name: 'Wifi chợ Long Bình',
      lat: 11.02,
      lng: 106.8,
    });
    expect(other.statusCode).toBe(201);
    expect(other.json().isWorking).toBeNull();
    const foreign = await patch(s.as.head, other.json().uid, { isWorking: true });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await remove(s.as.officerTanKhanh, other.json().uid)).json().code).toBe('UNIT_NOT_IN_SCOPE');
  });

  it('lets a team member read but not record wifi points', async () => {
    const read = await list(s.as.team, s.khanhLong);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.canEdit).toBe(false);
    const write = await create(s.as.team, s.khanhLong, CULTURE_HOUSE);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('FORBIDDEN');
  });

  it('refuses new records in a hamlet that has ended', async () => {
    await s.t.db.db
      .updateTable('adminUnits')
      .set({ validTo: '2026-06-30' })
      .where('id', '=', s.tanHiepHamlet)
      .execute();
    try {
      const refused = await create(s.as.admin, s.tanHiepHamlet, CULTURE_HOUSE);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('UNIT_NOT_VALID_ON_DATE');
      const read = await list(s.as.admin, s.tanHiepHamlet);
      expect(read.statusCode).toBe(200);
      expect(read.json().abilities.canEdit).toBe(false);
    } finally {
      await s.t.db.db
        .updateTable('adminUnits')
        .set({ validTo: null })
        .where('id', '=', s.tanHiepHamlet)
        .execute();
    }
  });
});
