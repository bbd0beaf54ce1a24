import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createSurveyTestApp,
  type Cookies,
  type SurveyTestApp,
} from '../surveys/surveys.fixtures.js';
import { addHousehold, addUser, addVisit, userIdOf } from './digital-teams.fixtures.js';

let s: SurveyTestApp;
let memberA = 0;
let memberB = 0;
const hh: Record<string, string> = {};

beforeAll(async () => {
  s = await createSurveyTestApp();
  memberA = await userIdOf(s.t, 'tocns.khanhlong');
  memberB = await addUser(s.t, 'tocns2.khanhlong', 'team_member', [s.khanhLong]);
  await s.t.app.inject({
    method: 'PUT',
    url: `/api/hamlets/${s.khanhLong}/team`,
    cookies: s.as.officerTanKhanh,
    payload: { decisionNo: '7/QĐ-UBND', decisionDate: '2025-04-01' },
  });
  for (const userId of [memberA, memberB]) {
    await s.t.app.inject({
      method: 'POST',
      url: `/api/hamlets/${s.khanhLong}/team/members`,
      cookies: s.as.officerTanKhanh,
      payload: { userId },
    });
  }
  hh.a1 = await addHousehold(s.t, s.khanhLong, 'KL-001', 'Đường Nguyễn Văn Linh');
  hh.a2 = await addHousehold(s.t, s.khanhLong, 'KL-002', 'đường nguyen van linh');
  hh.b1 = await addHousehold(s.t, s.khanhLong, 'KL-003', 'Đường ĐT 746');
  hh.c1 = await addHousehold(s.t, s.khanhLong, 'KL-004', null);
  hh.other = await addHousehold(s.t, s.tanHiepHamlet, 'LB-001', 'Đường Nguyễn Văn Linh');
});
afterAll(async () => s.t.close());

const assign = (cookies: Cookies, payload: Record<string, unknown>, hamletId = s.khanhLong) =>
  s.t.app.inject({ method: 'POST', url: `/api/hamlets/${hamletId}/assignments`, cookies, payload });
const unassign = (cookies: Cookies, uid: string) =>
  s.t.app.inject({ method: 'DELETE', url: `/api/hamlets/${s.khanhLong}/assignments/${uid}`, cookies });
const coverage = (cookies: Cookies) =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${s.khanhLong}/coverage`, cookies });
const holders = async () => {
  const rows = await s.t.db.db
    .selectFrom('householdAssignments')
    .select(['householdUid', 'memberUserId'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.householdUid, r.memberUserId]));
};

describe('household assignments', () => {
  it('assigns every household of a street, ignoring case and diacritics, and only in this hamlet', async () => {
    const res = await assign(s.as.officerTanKhanh, {
      memberUserId: memberA,
      street: 'duong nguyen van linh',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ assigned: 2 });
    expect(await holders()).toEqual({ [hh.a1]: memberA, [hh.a2]: memberA });
  });

  it('lets the hamlet head assign by hand, and a reassignment replaces the previous member', async () => {
    const res = await assign(s.as.head, { memberUserId: memberB, householdUids: [hh.a2, hh.b1] });
    expect(res.json()).toEqual({ assigned: 2 });
    expect(await holders()).toEqual({ [hh.a1]: memberA, [hh.a2]: memberB, [hh.b1]: memberB });
    const audit = await auditOf(s.t, 'hamlet', String(s.khanhLong));
    expect(audit.at(-1)).toMatchObject({
      action: 'household_assignment.assign',
      before: [{ householdUid: hh.a2, memberUserId: memberA }],
      after: { memberUserId: memberB, householdUids: [hh.a2, hh.b1] },
    });
  });

  it('refuses team members and viewers with 403, and a non-member assignee with 400', async () => {
    for (const cookies of [s.as.team, s.as.viewer]) {
      const res = await assign(cookies, { memberUserId: memberA, householdUids: [hh.c1] });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const outsider = await assign(s.as.officerTanHiep, { memberUserId: memberA, householdUids: [hh.c1] });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const headId = await userIdOf(s.t, 'truongkp.khanhlong');
    const notMember = await assign(s.as.officerTanKhanh, { memberUserId: headId, householdUids: [hh.c1] });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().code).toBe('ASSIGNEE_NOT_TEAM_MEMBER');
  });

  it("rejects another hamlet's household, or neither a list nor a street, with 400 naming the field", async () => {
    const foreign = await assign(s.as.officerTanKhanh, {
      memberUserId: memberA,
      householdUids: [hh.c1, hh.other],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details.fields).toEqual([
      expect.objectContaining({ field: 'body.householdUids', issue: 'not_in_hamlet', uids: [hh.other] }),
    ]);
    const neither = await assign(s.as.officerTanKhanh, { memberUserId: memberA });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().details.fields.map((f: { field: string }) => f.field)).toEqual([
      'body.householdUids',
    ]);
    const both = await assign(s.as.officerTanKhanh, {
      memberUserId: memberA,
      householdUids: [hh.c1],
      street: 'a',
    });
    expect(both.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['body.householdUids']);
    const badId = await assign(s.as.officerTanKhanh, { memberUserId: 'x', householdUids: [hh.c1] });
    expect(badId.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['body.memberUserId']);
    expect(await holders()).not.toHaveProperty(hh.c1);
  });

  it('unassigns a household, and answers 404 when it was not assigned', async () => {
    await assign(s.as.officerTanKhanh, { memberUserId: memberA, householdUids: [hh.c1] });
    const res = await unassign(s.as.head, hh.c1);
    expect(res.statusCode).toBe(204);
    expect(await holders()).not.toHaveProperty(hh.c1);
    const again = await unassign(s.as.head, hh.c1);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('ASSIGNMENT_NOT_FOUND');
  });
});

describe('coverage', () => {
  it('counts households visited / assigned per hamlet and per member and lists those never visited', async () => {
    const empty = await coverage(s.as.viewer);
    expect(empty.statusCode).toBe(200);
    expect(empty.json().hamlet).toEqual({ households: 4, assigned: 3, visited: 0, lastVisitAt: null });
    expect(empty.json().neverVisited).toHaveLength(4);

    // a1 (member A's) visited; a2 (member B's) nobody home then visited; b1 refused; c1 unassigned, never visited.
    await addVisit(s.t, {
      householdUid: hh.a1,
      hamletId: s.khanhLong,
      visitorId: memberA,
      visitedAt: '2026-11-20T02:00:00.000Z',
      outcome: 'visited',
    });
    await addVisit(s.t, {
      householdUid: hh.a2,
      hamletId: s.khanhLong,
      visitorId: memberB,
      visitedAt: '2026-11-21T02:00:00.000Z',
      outcome: 'nobody_home',
    });
    await addVisit(s.t, {
      householdUid: hh.a2,
      hamletId: s.khanhLong,
      visitorId: memberB,
      visitedAt: '2026-11-22T02:00:00.000Z',
      outcome: 'visited',
    });
    await addVisit(s.t, {
      householdUid: hh.b1,
      hamletId: s.khanhLong,
      visitorId: memberB,
      visitedAt: '2026-11-23T02:00:00.000Z',
      outcome: 'refused',
    });
    await addVisit(s.t, {
      householdUid: hh.other,
      hamletId: s.tanHiepHamlet,
      visitorId: memberA,
      visitedAt: '2026-11-25T02:00:00.000Z',
      outcome: 'visited',
    });

    const res = await coverage(s.as.head);
    expect(res.json().hamlet).toEqual({
      households: 4,
      assigned: 3,
      visited: 2,
      lastVisitAt: '2026-11-23T02:00:00.000Z',
    });
    expect(res.json().members).toEqual([
      {
        userId: memberA,
        displayName: 'Tổ CNSCĐ khu phố Khánh Long',
        assigned: 1,
        visited: 1,
        lastVisitAt: '2026-11-20T02:00:00.000Z',
      },
      {
        userId: memberB,
        displayName: 'Người dùng tocns2.khanhlong',
        assigned: 2,
        visited: 1,
        lastVisitAt: '2026-11-23T02:00:00.000Z',
      },
    ]);
    expect(res.json().neverVisited).toEqual([
      {
        uid: hh.b1,
        localCode: 'KL-003',
        address: 'KL-003 Đường ĐT 746',
        street: 'Đường ĐT 746',
        assignedTo: { userId: memberB, displayName: 'Người dùng tocns2.khanhlong' },
      },
      { uid: hh.c1, localCode: 'KL-004', address: null, street: null, assignedTo: null },
    ]);
  });

  it("hides a hamlet's coverage from another ward's officer", async () => {
    const res = await coverage(s.as.officerTanHiep);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_IN_SCOPE');
  });
});
