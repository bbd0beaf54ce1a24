import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createSurveyTestApp,
  type Cookies,
  type SurveyTestApp,
} from '../surveys/surveys.fixtures.js';
import { addHousehold } from '../digital-teams/digital-teams.fixtures.js';
import { findCurrent, history } from '../surveys/versioned.repository.js';

let s: SurveyTestApp;
let otherKhanhHamlet = 0;
const hh: Record<string, string> = {};

beforeAll(async () => {
  s = await createSurveyTestApp();
  otherKhanhHamlet = [...s.seeded.city.hamletIds.entries()].find(
    ([key, id]) => key.startsWith('25891/') && id !== s.khanhLong,
  )![1];
  hh.a = await addHousehold(s.t, s.khanhLong, 'KL-001', 'Đường A');
  hh.b = await addHousehold(s.t, s.khanhLong, 'KL-002', 'Đường A');
  hh.c = await addHousehold(s.t, otherKhanhHamlet, 'X-001', 'Đường B');
  hh.far = await addHousehold(s.t, s.tanHiepHamlet, 'LB-001', 'Đường C');
});
afterAll(async () => s.t.close());

const create = (cookies: Cookies, payload: Record<string, unknown>, hamletId = s.khanhLong) =>
  s.t.app.inject({ method: 'POST', url: `/api/hamlets/${hamletId}/outreach-sessions`, cookies, payload });
const list = (cookies: Cookies, hamletId = s.khanhLong) =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/outreach-sessions`, cookies });

const OUTREACH = { heldOn: '2026-11-20', kind: 'outreach', topic: 'Cài đặt VNeID mức 2', attendees: 35 };

describe('outreach sessions', () => {
  it('records a session over two hamlets and marks the households reached as new versions', async () => {
    s.t.clock.now = new Date('2026-11-28T04:00:00Z');
    const res = await create(s.as.officerTanKhanh, {
      ...OUTREACH,
      hamletIds: [otherKhanhHamlet],
      householdUids: [hh.a, hh.c],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...OUTREACH,
      hamletIds: [s.khanhLong, otherKhanhHamlet],
      householdUids: [hh.a, hh.c],
      createdByName: 'Cán bộ CĐS phường Tân Khánh',
    });

    expect((await findCurrent(s.t.db.db, 'households', hh.a))?.reachedByOutreach).toBe(1);
    expect((await findCurrent(s.t.db.db, 'households', hh.c))?.reachedByOutreach).toBe(1);
    expect((await findCurrent(s.t.db.db, 'households', hh.b))?.reachedByOutreach).toBeNull();
    const versions = await history(s.t.db.db, 'households', hh.a);
    expect(versions.map((v) => [v.reachedByOutreach, v.validTo])).toEqual([
      [null, '2026-11-28T04:00:00.000Z'],
      [1, null],
    ]);
    const audit = await auditOf(s.t, 'household', hh.a);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'household.reached_by_outreach',
        after: expect.objectContaining({ reachedByOutreach: 1, outreachSessionId: res.json().id }),
      }),
    ]);
    expect((await auditOf(s.t, 'outreach_session', String(res.json().id)))[0].action).toBe(
      'outreach_session.create',
    );
  });

  it('does not record a new version for a household already reached', async () => {
    s.t.clock.now = new Date('2026-11-28T05:00:00Z');
    const res = await create(s.as.head, { ...OUTREACH, heldOn: '2026-11-25', householdUids: [hh.a] });
    expect(res.statusCode).toBe(201);
    expect(await history(s.t.db.db, 'households', hh.a)).toHaveLength(2);
  });

  it('lists the sessions of a hamlet, latest first, to anyone in scope', async () => {
    const res = await list(s.as.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2026-11-25', '2026-11-20']);
    expect(res.json().abilities).toEqual({ canCreate: false });
    expect((await list(s.as.head)).json().abilities).toEqual({ canCreate: true });
    expect((await list(s.as.viewer, otherKhanhHamlet)).json().items).toHaveLength(1);
  });

  it('sums training attendees into the hamlet fact trainingAttendees (SKL-4)', async () => {
    await create(s.as.officerTanKhanh, {
      ...OUTREACH,
      kind: 'training',
      attendees: 20,
      topic: 'Kỹ năng số cơ bản',
    });
    await create(s.as.officerTanKhanh, {
      ...OUTREACH,
      kind: 'training',
      attendees: 12,
      topic: 'Thanh toán số',
    });
    const facts = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/facts`,
      cookies: s.as.viewer,
    });
    expect(facts.json().items).toEqual([expect.objectContaining({ key: 'trainingAttendees', valueNum: 32 })]);
  });

  it('refuses team members and viewers with 403, and a hamlet of another ward with 403', async () => {
    for (const cookies of [s.as.team, s.as.viewer]) {
      const res = await create(cookies, OUTREACH);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const foreign = await create(s.as.officerTanKhanh, { ...OUTREACH, hamletIds: [s.tanHiepHamlet] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await create(s.as.officerTanHiep, OUTREACH)).statusCode).toBe(403);
  });

  it('rejects bad input with 400 naming each field, and households outside the hamlets', async () => {
    const bad = await create(s.as.officerTanKhanh, {
      heldOn: '20/11/2026',
      kind: 'party',
      topic: '',
      attendees: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().details.fields.map((f: { field: string }) => f.field))].sort()).toEqual([
      'body.attendees',
      'body.heldOn',
      'body.kind',
      'body.topic',
    ]);
    const far = await create(s.as.officerTanKhanh, { ...OUTREACH, householdUids: [hh.b, hh.far] });
    expect(far.statusCode).toBe(400);
    expect(far.json().details.fields).toEqual([
      expect.objectContaining({ field: 'body.householdUids', uids: [hh.far] }),
    ]);
    expect((await findCurrent(s.t.db.db, 'households', hh.b))?.reachedByOutreach).toBeNull();
  });
});
