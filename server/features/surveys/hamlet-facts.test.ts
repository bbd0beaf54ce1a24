import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createSurveyTestApp, type Cookies, type SurveyTestApp } from './surveys.fixtures.js';

let s: SurveyTestApp;
const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  s = await createSurveyTestApp();
});
afterAll(async () => s.t.close());

const put = (cookies: Cookies, hamletId: number, key: string, payload: Record<string, unknown>) =>
  s.t.app.inject({ method: 'PUT', url: `/api/hamlets/${hamletId}/facts/${key}`, cookies, payload });
const list = (cookies: Cookies, hamletId: number, query = '') =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/facts${query}`, cookies });
const historyOf = (cookies: Cookies, hamletId: number, key: string) =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/facts/${key}/history`, cookies });

const TEAM_DECISION = {
  valueBool: true,
  evidence: 'Quyết định số 45/QĐ-UBND ngày 12/03/2025 của Chủ tịch UBND phường Tân Khánh',
  decisionNo: '45/QĐ-UBND',
  decisionDate: '2025-03-12',
  members: ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Minh Khang'],
};

describe('hamlet facts', () => {
  it('lets a hamlet head record the digital team decision and returns it with canEdit', async () => {
    s.t.clock.now = START;
    const saved = await put(s.as.head, s.khanhLong, 'digitalTeam', TEAM_DECISION);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      key: 'digitalTeam',
      ...TEAM_DECISION,
      valueNum: null,
      validFrom: START.toISOString(),
      validTo: null,
      abilities: { canEdit: true },
    });
    expect(saved.json().changedByName).toBe('Trưởng khu phố Khánh Long');

    const listed = await list(s.as.head, s.khanhLong);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ hamletId: s.khanhLong, asOf: null, abilities: { canEdit: true } });
    expect(listed.json().items.map((f: { key: string }) => f.key)).toEqual(['digitalTeam']);
  });

  it('keeps the old version when a fact changes, and shows it as of a time before the change', async () => {
    const t1 = new Date('2026-11-28T05:00:00Z');
    const t2 = new Date('2026-11-28T08:00:00Z');
    s.t.clock.now = t1;
    expect(
      (
        await put(s.as.officerTanKhanh, s.khanhLong, 'onlinePollsPerYear', {
          valueNum: 1,
          evidence: 'Khảo sát trên Zalo',
        })
      ).statusCode,
    ).toBe(200);
    s.t.clock.now = t2;
    expect(
      (
        await put(s.as.officerTanKhanh, s.khanhLong, 'onlinePollsPerYear', {
          valueNum: 3,
          changeNote: 'Thêm 2 cuộc thăm dò',
        })
      ).statusCode,
    ).toBe(200);

    const polls = (body: {
      items: Array<{ key: string; valueNum: number | null; evidence: string | null }>;
    }) => body.items.find((f) => f.key === 'onlinePollsPerYear');
    expect(polls((await list(s.as.viewer, s.khanhLong)).json())).toMatchObject({
      valueNum: 3,
      evidence: null,
    });
    const before = await list(
      s.as.viewer,
      s.khanhLong,
      `?asOf=${encodeURIComponent('2026-11-28T06:30:00Z')}`,
    );
    expect(before.json().asOf).toBe('2026-11-28T06:30:00.000Z');
    expect(polls(before.json())).toMatchObject({ valueNum: 1, evidence: 'Khảo sát trên Zalo' });
    // Before the first PUT the fact did not exist at all.
    expect(polls((await list(s.as.viewer, s.khanhLong, '?asOf=2026-11-27')).json())).toBeUndefined();

    const versions = (await historyOf(s.as.viewer, s.khanhLong, 'onlinePollsPerYear')).json().items;
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({
      valueNum: 1,
      validFrom: t1.toISOString(),
      validTo: t2.toISOString(),
    });
    expect(versions[1]).toMatchObject({
      valueNum: 3,
      validFrom: t2.toISOString(),
      validTo: null,
      changeNote: 'Thêm 2 cuộc thăm dò',
    });
  });

  it('writes an audit entry with the values before and after each change', async () => {
    const fact = await s.t.db.db
      .selectFrom('hamletFacts')
      .select('uid')
      .where('factKey', '=', 'onlinePollsPerYear')
      .executeTakeFirstOrThrow();
    const entries = await auditOf(s.t, 'hamlet_fact', fact.uid);
    expect(entries.map((e) => e.action)).toEqual(['hamlet_fact.create', 'hamlet_fact.update']);
    expect(entries[0]).toMatchObject({
      actorName: 'canbo.tankhanh',
      before: null,
      after: { factKey: 'onlinePollsPerYear', valueNum: 1 },
    });
    expect(entries[1]).toMatchObject({
      before: { valueNum: 1, validTo: '2026-11-28T08:00:00.000Z' },
      after: { valueNum: 3, validTo: null },
    });
  });

  it('reads a bare asOf date as the end of that day in Vietnam', async () => {
    // 18:00Z on 28/11 is already 01:00 on 29/11 in Vietnam: part of "as of 2026-11-29", not of "as of 2026-11-28".
    s.t.clock.now = new Date('2026-11-28T18:00:00Z');
    await s.refreshSessions();
    expect(
      (await put(s.as.officerTanKhanh, s.khanhLong, 'onlinePollsPerYear', { valueNum: 5 })).statusCode,
    ).toBe(200);
    const polls = async (day: string) => {
      const body = (await list(s.as.viewer, s.khanhLong, `?asOf=${day}`)).json();
      return {
        asOf: body.asOf,
        value: body.items.find((f: { key: string }) => f.key === 'onlinePollsPerYear').valueNum,
      };
    };
    expect(await polls('2026-11-28')).toEqual({ asOf: '2026-11-28T16:59:59.999Z', value: 3 });
    expect(await polls('2026-11-29')).toEqual({ asOf: '2026-11-29T16:59:59.999Z', value: 5 });
  });

  it('records no new version when the same values are put again', async () => {
    s.t.clock.now = new Date('2026-11-28T19:00:00Z');
    const again = await put(s.as.head, s.khanhLong, 'digitalTeam', TEAM_DECISION);
    expect(again.statusCode).toBe(200);
    expect(again.json().validFrom).toBe(START.toISOString());
    expect((await historyOf(s.as.head, s.khanhLong, 'digitalTeam')).json().items).toHaveLength(1);
  });

  it('treats fields left out of a PUT as unknown', async () => {
    s.t.clock.now = new Date('2026-11-28T20:00:00Z');
    const saved = await put(s.as.head, s.khanhLong, 'officeEquipped', {
      valueBool: true,
      evidence: 'Máy tính và wifi tại nhà văn hóa',
    });
    expect(saved.json().evidence).toBe('Máy tính và wifi tại nhà văn hóa');
    s.t.clock.now = new Date('2026-11-28T21:00:00Z');
    const replaced = await put(s.as.head, s.khanhLong, 'officeEquipped', { valueBool: false });
    expect(replaced.json()).toMatchObject({ valueBool: false, evidence: null });
  });

  it('lets team members and viewers read facts but not change them', async () => {
    const read = await list(s.as.team, s.khanhLong);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ canEdit: false });
    expect(read.json().items.every((f: { abilities: { canEdit: boolean } }) => !f.abilities.canEdit)).toBe(
      true,
    );
    for (const cookies of [s.as.team, s.as.viewer]) {
      const refused = await put(cookies, s.khanhLong, 'digitalTeam', { valueBool: false });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
  });

  it('hides a hamlet of another ward from a commune officer with 403 UNIT_NOT_IN_SCOPE', async () => {
    const read = await list(s.as.officerTanHiep, s.khanhLong);
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const write = await put(s.as.officerTanHiep, s.khanhLong, 'digitalTeam', { valueBool: false });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await put(s.as.head, s.tanHiepHamlet, 'digitalTeam', { valueBool: true })).json().code).toBe(
      'UNIT_NOT_IN_SCOPE',
    );
  });

  it('rejects bad input with 400 naming each field, and changes nothing', async () => {
    const badDate = await put(s.as.head, s.khanhLong, 'digitalTeam', {
      valueBool: true,
      decisionDate: '2025-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details.fields.map((f: { field: string }) => f.field)).toContain(
      'body.decisionDate',
    );

    const unknown = await put(s.as.head, s.khanhLong, 'digitalTeam', { valueBool: true, phone: '0909' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_FIELD');

    const numberOnYesNo = await put(s.as.head, s.khanhLong, 'digitalTeam', { valueNum: 3 });
    expect(numberOnYesNo.statusCode).toBe(400);
    expect(numberOnYesNo.json().details.fields).toEqual([
      expect.objectContaining({ field: 'body.valueNum' }),
    ]);

    const fractionalCount = await put(s.as.head, s.khanhLong, 'feedbackReceived', { valueNum: 2.5 });
    expect(fractionalCount.json().details.fields).toEqual([
      expect.objectContaining({ field: 'body.valueNum', issue: 'not_a_count' }),
    ]);

    const badKey = await put(s.as.head, s.khanhLong, 'has-dash', { valueBool: true });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().details.fields.map((f: { field: string }) => f.field)).toContain('params.key');

    expect((await historyOf(s.as.head, s.khanhLong, 'digitalTeam')).json().items).toHaveLength(1);
    expect((await historyOf(s.as.head, s.khanhLong, 'feedbackReceived')).statusCode).toBe(404);
  });

  it('accepts a fact key the catalogue does not know yet', async () => {
    const saved = await put(s.as.admin, s.khanhLong, 'boardingAreaSigns', { valueNum: 4 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'boardingAreaSigns', valueNum: 4 });
  });

  it('answers 404 for a unit that does not exist and 400 for a unit that is not a hamlet', async () => {
    const missing = await list(s.as.admin, 999_999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('UNIT_NOT_FOUND');
    const ward = await put(s.as.admin, s.tanKhanhWard, 'digitalTeam', { valueBool: true });
    expect(ward.statusCode).toBe(400);
    expect(ward.json().code).toBe('SURVEY_UNIT_NOT_HAMLET');
  });

  it('asks for a login first', async () => {
    const anonymous = await s.t.app.inject({ method: 'GET', url: `/api/hamlets/${s.khanhLong}/facts` });
    expect(anonymous.statusCode).toBe(401);
  });
});
