import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurveyTestApp, type Cookies, type SurveyTestApp } from '../surveys/surveys.fixtures.js';
import { head, newHousehold, spouse, submit } from './households.fixtures.js';

let s: SurveyTestApp;
const uids: Record<string, string> = {};

beforeAll(async () => {
  s = await createSurveyTestApp();
  const seed = async (code: string, over: Record<string, unknown>) => {
    const payload = newHousehold(s.khanhLong, code);
    const res = await submit(s, s.as.head, { ...payload, household: { ...payload.household, ...over } });
    if (res.statusCode !== 200) throw new Error(res.body);
    uids[code] = res.json().household.uid;
  };
  await seed('KL-101', { street: 'Đường số 5', members: [head({ fullName: 'Lê Thị Đào' })] });
  await seed('KL-102', { street: 'ĐT746', members: [head({ fullName: 'Phạm Văn Đông' }), spouse()] });
  await seed('KL-103', {
    street: 'ĐT746',
    address: 'Tổ 3, hẻm Bưu điện',
    members: [head({ fullName: 'Võ Minh Tâm' })],
  });
});
afterAll(async () => s.t.close());

const list = (cookies: Cookies, query = '') =>
  s.t.app.inject({ method: 'GET', url: `/api/hamlets/${s.khanhLong}/households${query}`, cookies });
const codes = (res: { json(): { items: Array<{ localCode: string }> } }) =>
  res.json().items.map((h) => h.localCode);

/** False when the teams migration (0005) is not in this build: then nobody can be assigned. */
const hasAssignments = () =>
  sql`select 1 from household_assignments where 1 = 0`.execute(s.t.db.db).then(
    () => true,
    () => false,
  );
const teamMemberId = async () =>
  (
    await s.t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tocns.khanhlong')
      .executeTakeFirstOrThrow()
  ).id;

describe('household register', () => {
  it('lists the hamlet households with members, last visit and abilities', async () => {
    const res = await list(s.as.team);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 50, abilities: { canCreate: true } });
    expect(codes(res)).toEqual(['KL-101', 'KL-102', 'KL-103']);
    expect(body.items[1]).toMatchObject({
      localCode: 'KL-102',
      assignedTo: null,
      lastVisit: { outcome: 'visited' },
      abilities: { canEdit: true },
    });
    expect(body.items[1].members.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Phạm Văn Đông',
      'Trần Thị Bích',
    ]);
  });

  it('finds households by member name, code or address without diacritics', async () => {
    expect(codes(await list(s.as.team, '?q=dong'))).toEqual(['KL-102']);
    expect(codes(await list(s.as.team, '?q=BICH'))).toEqual(['KL-102']);
    expect(codes(await list(s.as.team, '?q=buu dien'))).toEqual(['KL-103']);
    expect(codes(await list(s.as.team, '?q=kl-101'))).toEqual(['KL-101']);
    expect(codes(await list(s.as.team, `?street=${encodeURIComponent('dt746')}`))).toEqual([
      'KL-102',
      'KL-103',
    ]);
  });

  it('pages the list and filters by assignment', async () => {
    const page2 = await list(s.as.team, '?page=2&pageSize=2');
    expect(page2.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(codes(page2)).toEqual(['KL-103']);
    expect(codes(await list(s.as.team, '?assignedTo=none'))).toHaveLength(3);
    expect(codes(await list(s.as.team, '?assignedTo=me'))).toEqual([]);
  });

  it('shows the assignment of a household assigned to a team member', async () => {
    if (!(await hasAssignments())) return;
    const member = { id: await teamMemberId() };
    await sql`insert into household_assignments (household_uid, hamlet_id, member_user_id, assigned_by, assigned_at)
      values (${uids['KL-103']}, ${s.khanhLong}, ${member.id}, ${null}, ${'2026-11-28T03:00:00.000Z'})`.execute(
      s.t.db.db,
    );
    const mine = await list(s.as.team, '?assignedTo=me');
    expect(codes(mine)).toEqual(['KL-103']);
    expect(mine.json().items[0].assignedTo).toEqual({
      userId: member.id,
      displayName: 'Tổ CNSCĐ khu phố Khánh Long',
    });
    expect(codes(await list(s.as.team, '?assignedTo=none'))).toEqual(['KL-101', 'KL-102']);
    expect(codes(await list(s.as.team, `?assignedTo=${member.id}`))).toEqual(['KL-103']);
  });

  it('lets a team member survey a household assigned to them outside their hamlet', async () => {
    if (!(await hasAssignments())) return;
    const created = await submit(s, s.as.admin, newHousehold(s.tanHiepHamlet, 'LB-001'));
    const uid = created.json().household.uid as string;
    const denied = await s.t.app.inject({ method: 'GET', url: `/api/households/${uid}`, cookies: s.as.team });
    expect(denied.statusCode).toBe(403);
    const member = await teamMemberId();
    await sql`insert into household_assignments (household_uid, hamlet_id, member_user_id, assigned_by, assigned_at)
      values (${uid}, ${s.tanHiepHamlet}, ${member}, ${null}, ${'2026-11-28T03:00:00.000Z'})`.execute(
      s.t.db.db,
    );
    const read = await s.t.app.inject({ method: 'GET', url: `/api/households/${uid}`, cookies: s.as.team });
    expect(read.statusCode).toBe(200);
    expect(read.json().household.abilities).toEqual({ canEdit: true });
    const visit = await submit(s, s.as.team, {
      clientId: 'assigned-visit-1',
      hamletId: s.tanHiepHamlet,
      householdUid: uid,
      visit: { outcome: 'nobody_home', visitedAt: '2026-11-28T03:10:00Z' },
    });
    expect(visit.statusCode).toBe(200);
    expect(visit.json().household.lastVisit).toMatchObject({ outcome: 'nobody_home' });
    // The rest of that hamlet stays out of reach.
    expect((await submit(s, s.as.team, newHousehold(s.tanHiepHamlet, 'LB-002'))).statusCode).toBe(403);
  });

  it('records who read the register in the audit log', async () => {
    await list(s.as.officerTanKhanh, '?q=dao');
    const entry = await s.t.db.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'household.list')
      .where('actorName', '=', 'canbo.tankhanh')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'hamlet', entityId: String(s.khanhLong) });
    expect(JSON.parse(entry.after!)).toMatchObject({ q: 'dao', returned: 1 });
  });

  it('reads one household and lets a viewer read without edit abilities', async () => {
    const res = await s.t.app.inject({
      method: 'GET',
      url: `/api/households/${uids['KL-101']}`,
      cookies: s.as.viewer,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().household).toMatchObject({ localCode: 'KL-101', abilities: { canEdit: false } });
    expect((await list(s.as.viewer)).json().abilities).toEqual({ canCreate: false });
  });

  it("hides the register from another ward's officer", async () => {
    const listed = await list(s.as.officerTanHiep);
    expect(listed.statusCode).toBe(403);
    expect(listed.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect(listed.body).not.toContain('KL-101');
    const one = await s.t.app.inject({
      method: 'GET',
      url: `/api/households/${uids['KL-101']}`,
      cookies: s.as.officerTanHiep,
    });
    expect(one.statusCode).toBe(403);
    const visits = await s.t.app.inject({
      method: 'GET',
      url: `/api/households/${uids['KL-101']}/visits`,
      cookies: s.as.officerTanHiep,
    });
    expect(visits.statusCode).toBe(403);
  });

  it('answers 404 for an unknown household', async () => {
    const res = await s.t.app.inject({ method: 'GET', url: '/api/households/nope', cookies: s.as.admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('HOUSEHOLD_NOT_FOUND');
  });
});
