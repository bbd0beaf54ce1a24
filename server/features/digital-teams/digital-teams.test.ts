import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createSurveyTestApp,
  type Cookies,
  type SurveyTestApp,
} from '../surveys/surveys.fixtures.js';
import { addHousehold, addUser, userIdOf } from './digital-teams.fixtures.js';

let s: SurveyTestApp;
let teamMemberId = 0;
let headId = 0;
let viewerId = 0;

beforeAll(async () => {
  s = await createSurveyTestApp();
  teamMemberId = await userIdOf(s.t, 'tocns.khanhlong');
  headId = await userIdOf(s.t, 'truongkp.khanhlong');
  viewerId = await userIdOf(s.t, 'xem');
});
afterAll(async () => s.t.close());

const team = (cookies: Cookies, hamletId: number) =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/team`, cookies });
const putTeam = (cookies: Cookies, hamletId: number, payload: Record<string, unknown>) =>
  s.t.app.inject({ method: 'PUT', url: `/api/hamlets/${hamletId}/team`, cookies, payload });
const addMember = (cookies: Cookies, hamletId: number, userId: number) =>
  s.t.app.inject({
    method: 'POST',
    url: `/api/hamlets/${hamletId}/team/members`,
    cookies,
    payload: { userId },
  });
const leave = (cookies: Cookies, hamletId: number, userId: number) =>
  s.t.app.inject({ method: 'POST', url: `/api/hamlets/${hamletId}/team/members/${userId}/leave`, cookies });
const fields = (body: { details: { fields: Array<{ field: string }> } }) =>
  body.details.fields.map((f) => f.field);

const DECISION = { decisionNo: '125/QĐ-UBND', decisionDate: '2025-03-05' };

describe('digital teams', () => {
  it('shows no team for a hamlet that has none, with canEdit only for the ward officer', async () => {
    const asOfficer = await team(s.as.officerTanKhanh, s.khanhLong);
    expect(asOfficer.statusCode).toBe(200);
    expect(asOfficer.json()).toEqual({ team: null, abilities: { canEdit: true } });
    expect((await team(s.as.head, s.khanhLong)).json().abilities).toEqual({ canEdit: false });
    expect((await team(s.as.viewer, s.khanhLong)).json().abilities).toEqual({ canEdit: false });
  });

  it('lets the ward officer record the decision and sets the digitalTeam fact with the decision as evidence', async () => {
    const saved = await putTeam(s.as.officerTanKhanh, s.khanhLong, DECISION);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().team).toMatchObject({ ...DECISION, members: [] });

    const facts = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/facts`,
      cookies: s.as.viewer,
    });
    expect(facts.json().items).toEqual([
      expect.objectContaining({
        key: 'digitalTeam',
        valueBool: true,
        evidence: 'Quyết định số 125/QĐ-UBND ngày 05/03/2025',
        decisionNo: '125/QĐ-UBND',
        decisionDate: '2025-03-05',
      }),
    ]);
    const audit = await auditOf(s.t, 'digital_team', String(saved.json().team.id));
    expect(audit.map((a) => a.action)).toEqual(['digital_team.create']);
    expect(audit[0].after).toMatchObject({ decisionNo: '125/QĐ-UBND', hamletId: s.khanhLong });
  });

  it('refuses team changes from viewers, team members and hamlet heads with 403', async () => {
    for (const cookies of [s.as.viewer, s.as.team, s.as.head]) {
      const res = await putTeam(cookies, s.khanhLong, DECISION);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await addMember(cookies, s.khanhLong, teamMemberId)).statusCode).toBe(403);
    }
  });

  it("refuses another ward's officer with 403 UNIT_NOT_IN_SCOPE", async () => {
    const res = await putTeam(s.as.officerTanHiep, s.khanhLong, DECISION);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await team(s.as.officerTanHiep, s.khanhLong)).statusCode).toBe(403);
  });

  it('rejects a bad decision with 400 naming each field', async () => {
    const res = await putTeam(s.as.officerTanKhanh, s.khanhLong, {
      decisionNo: ' ',
      decisionDate: '2025-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect([...new Set(fields(res.json()))].sort()).toEqual(['body.decisionDate', 'body.decisionNo']);
    const unknown = await putTeam(s.as.officerTanKhanh, s.khanhLong, { ...DECISION, extra: 1 });
    expect(unknown.statusCode).toBe(400);
    expect((await team(s.as.viewer, s.khanhLong)).json().team).toMatchObject(DECISION);
  });

  it('adds team_member and hamlet_head accounts and lists the members on the digitalTeam fact', async () => {
    s.t.clock.now = new Date('2026-11-28T04:00:00Z');
    const added = await addMember(s.as.officerTanKhanh, s.khanhLong, teamMemberId);
    expect(added.statusCode).toBe(200);
    expect(added.json().team.members).toEqual([
      {
        userId: teamMemberId,
        displayName: 'Tổ CNSCĐ khu phố Khánh Long',
        username: 'tocns.khanhlong',
        joinedAt: '2026-11-28T04:00:00.000Z',
        leftAt: null,
      },
    ]);
    expect((await addMember(s.as.admin, s.khanhLong, headId)).statusCode).toBe(200);
    const facts = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/facts`,
      cookies: s.as.viewer,
    });
    expect(facts.json().items[0].members).toEqual([
      'Tổ CNSCĐ khu phố Khánh Long',
      'Trưởng khu phố Khánh Long',
    ]);
  });

  it('refuses a viewer account, an unknown user, a member twice and an out-of-ward user', async () => {
    const viewer = await addMember(s.as.officerTanKhanh, s.khanhLong, viewerId);
    expect(viewer.statusCode).toBe(400);
    expect(viewer.json().code).toBe('TEAM_MEMBER_ROLE_INVALID');
    expect((await addMember(s.as.officerTanKhanh, s.khanhLong, 999_999)).json().code).toBe('USER_NOT_FOUND');
    const twice = await addMember(s.as.officerTanKhanh, s.khanhLong, teamMemberId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('TEAM_MEMBER_ALREADY');
    const outsider = await addUser(s.t, 'tocns.longbinh', 'team_member', [s.tanHiepHamlet]);
    const far = await addMember(s.as.officerTanKhanh, s.khanhLong, outsider);
    expect(far.statusCode).toBe(400);
    expect(far.json().code).toBe('TEAM_MEMBER_NOT_IN_HAMLET');
  });

  it('keeps a member who left in the history and takes their households off them', async () => {
    const hh = await addHousehold(s.t, s.khanhLong, 'KL-900', 'Đường ĐT 746');
    const assigned = await s.t.app.inject({
      method: 'POST',
      url: `/api/hamlets/${s.khanhLong}/assignments`,
      cookies: s.as.head,
      payload: { memberUserId: headId, householdUids: [hh] },
    });
    expect(assigned.json()).toEqual({ assigned: 1 });

    s.t.clock.now = new Date('2026-11-28T05:00:00Z');
    const left = await leave(s.as.officerTanKhanh, s.khanhLong, headId);
    expect(left.statusCode).toBe(200);
    expect(left.json().team.members).toEqual([
      expect.objectContaining({ userId: teamMemberId, leftAt: null }),
      expect.objectContaining({ userId: headId, leftAt: '2026-11-28T05:00:00.000Z' }),
    ]);
    const again = await leave(s.as.officerTanKhanh, s.khanhLong, headId);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('TEAM_MEMBER_NOT_FOUND');

    const remaining = await s.t.db.db
      .selectFrom('householdAssignments')
      .selectAll()
      .where('householdUid', '=', hh)
      .execute();
    expect(remaining).toEqual([]);
    const audit = await auditOf(s.t, 'digital_team', String(left.json().team.id));
    expect(audit.at(-1)).toMatchObject({
      action: 'digital_team.member_leave',
      after: expect.objectContaining({ userId: headId, unassignedHouseholds: [hh] }),
    });
    // A member can join again later: a new membership, the old one stays closed.
    const back = await addMember(s.as.officerTanKhanh, s.khanhLong, headId);
    expect(back.json().team.members.filter((m: { userId: number }) => m.userId === headId)).toHaveLength(2);
  });

  it('creates a team without a decision when a member is added first, and sets the fact once decided', async () => {
    const hamlet = [...s.seeded.city.hamletIds.entries()].find(
      ([key, id]) => key.startsWith('25891/') && id !== s.khanhLong,
    )![1];
    const wardMember = await addUser(s.t, 'tocns.tankhanh', 'team_member', [s.tanKhanhWard]);
    const added = await addMember(s.as.officerTanKhanh, hamlet, wardMember);
    expect(added.json().team).toMatchObject({
      decisionNo: null,
      decisionDate: null,
      members: [{ userId: wardMember }],
    });
    const factsUrl = `/api/hamlets/${hamlet}/facts`;
    expect(
      (await s.t.app.inject({ method: 'GET', url: factsUrl, cookies: s.as.viewer })).json().items,
    ).toEqual([]);
    await putTeam(s.as.officerTanKhanh, hamlet, DECISION);
    const facts = await s.t.app.inject({ method: 'GET', url: factsUrl, cookies: s.as.viewer });
    expect(facts.json().items).toEqual([
      expect.objectContaining({
        key: 'digitalTeam',
        valueBool: true,
        members: ['Người dùng tocns.tankhanh'],
      }),
    ]);
  });

  it('refuses a team on a unit that is not a hamlet', async () => {
    const res = await putTeam(s.as.officerTanKhanh, s.tanKhanhWard, DECISION);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SURVEY_UNIT_NOT_HAMLET');
  });
});
