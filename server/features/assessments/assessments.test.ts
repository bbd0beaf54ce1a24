import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieFrom, type TestApp } from '../../../test/test-app.js';
import { seedDemo, DEMO_PASSWORD, type DemoSeedResult } from '../../../seeds/demo/index.js';
import { ensureReferenceCriteriaSets } from '../criteria-sets/criteria-sets.service.js';
import {
  ASSESSMENT_DATE,
  EXPECTED_OVERALL,
  EXPECTED_SKL2A_ONLY,
  EXPECTED_SKL2B_ONLY,
  HAMLET_20_SKL2A_ONLY,
  HAMLET_20_SKL2B_ONLY,
} from '../../../test/fixtures/hamlet-20.js';
import { insertSurveyRows } from '../../../test/fixtures/insert-survey-rows.js';

let t: TestApp;
let demo: DemoSeedResult;
const cookies: Record<string, Record<string, string>> = {};
let hamletA: number; // Khu phố Long Bình (Tân Hiệp), fixture variant SKL-2a only
let hamletB: number; // Khu phố Khánh Tân (Tân Hiệp), fixture variant SKL-2b only
let tanHiep: number;

async function login(username: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return sessionCookieFrom(res);
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.db, { now: t.clock.now, population: false });
  await ensureReferenceCriteriaSets(t.db, t.clock.now);
  hamletA = demo.city.hamletIds.get('25921/Khu phố Long Bình')!;
  hamletB = demo.city.hamletIds.get('25921/Khu phố Khánh Tân')!;
  tanHiep = demo.city.newWardIds.get('25920')!;
  await insertSurveyRows(t.db.db, hamletA, HAMLET_20_SKL2A_ONLY, 'a');
  await insertSurveyRows(t.db.db, hamletB, HAMLET_20_SKL2B_ONLY, 'b');
  for (const u of ['admin', 'canbo.tanhiep', 'canbo.tankhanh', 'xem']) cookies[u] = await login(u);
});
afterAll(async () => t.close());

const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, cookies: cookies[user] });
const post = (user: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, cookies: cookies[user] });

describe('hamlet scorecards computed in SQL', () => {
  it.each([
    ['SKL-2a only', () => hamletA, EXPECTED_SKL2A_ONLY],
    ['SKL-2b only', () => hamletB, EXPECTED_SKL2B_ONLY],
  ])('match the hand-worked 20-resident example (%s)', async (_label, hamlet, expected) => {
    const res = await get('canbo.tanhiep', `/api/units/${hamlet()}/scorecard?date=${ASSESSMENT_DATE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.criteriaSet.version).toBe(1);
    for (const [code, want] of Object.entries(expected)) {
      const got = body.result.criteria.find((c: { code: string }) => c.code === code);
      expect({
        code,
        status: got.status,
        value: got.value,
        unknown: got.unknown,
        gap: got.gap,
        reason: got.reason,
      }).toEqual({
        code,
        status: want.status,
        value: want.value,
        unknown: want.unknown,
        gap: want.gap,
        reason: want.reason,
      });
    }
    expect(body.result.overall).toMatchObject(EXPECTED_OVERALL);
  });

  it('adds raw counters for the ward: the ward ratio is the summed fraction, not the mean of percentages', async () => {
    const res = await get('canbo.tanhiep', `/api/units/${tanHiep}/scorecard?date=${ASSESSMENT_DATE}`);
    expect(res.statusCode).toBe(200);
    const skl2b = res.json().rollup.criteria.find((c: { code: string }) => c.code === 'SKL-2b');
    // 11/15 and 12/15 in the two hamlets; the other hamlets of the ward have no data yet.
    expect(skl2b.aggregate.value).toEqual({ numerator: 23, denominator: 30 });
    expect(res.json().hamlets.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the goal counter over the wards in scope', async () => {
    const res = await get('admin', `/api/city-table?date=${ASSESSMENT_DATE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.goal.wards).toBe(7);
    expect(body.wards.map((w: { name: string }) => w.name)).toContain('Phường Tân Hiệp');
    expect(body.goal.wardsWithStandardHamlet).toBe(
      body.wards.filter((w: { hamletsMeetingStandard: number }) => w.hamletsMeetingStandard > 0).length,
    );
  });

  it('counts the 12 old units as wards before the reform', async () => {
    const res = await get('admin', '/api/city-table?date=2024-10-01');
    expect(res.statusCode).toBe(200);
    expect(res.json().goal.wards).toBe(12);
  });
});

describe('limits of the assessment API', () => {
  it('refuses a hamlet outside the officer’s ward with 403 and no data', async () => {
    const res = await get('canbo.tankhanh', `/api/units/${hamletA}/scorecard?date=${ASSESSMENT_DATE}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect(res.body).not.toContain('Long Bình');
  });

  it('refuses a date before the unit existed', async () => {
    const res = await get('canbo.tanhiep', `/api/units/${tanHiep}/scorecard?date=2024-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNIT_NOT_VALID_ON_DATE');
  });

  it('refuses an impossible date naming the field', async () => {
    const res = await get('canbo.tanhiep', `/api/units/${tanHiep}/scorecard?date=2025-02-31`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('querystring.date');
  });
});

describe('stored assessments', () => {
  it('stores a snapshot once: recomputing the same inputs returns the same snapshot', async () => {
    const first = await post('canbo.tanhiep', '/api/assessments', { unitId: hamletA, date: ASSESSMENT_DATE });
    expect(first.statusCode).toBe(201);
    const again = await post('canbo.tanhiep', '/api/assessments', { unitId: hamletA, date: ASSESSMENT_DATE });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(again.json().assessment.id).toBe(first.json().assessment.id);
  });

  it('keeps a stored snapshot unchanged when the data changes later', async () => {
    const before = (
      await post('canbo.tanhiep', '/api/assessments', { unitId: hamletA, date: '2026-11-28' })
    ).json().assessment;
    // Every resident of the hamlet now has a payment account: a new snapshot differs, the old one does not move.
    await t.db.db
      .updateTable('residents')
      .set({ digitalPaymentAccount: 1 })
      .where('hamletId', '=', hamletA)
      .execute();
    const after = await post('canbo.tanhiep', '/api/assessments', { unitId: hamletA, date: '2026-11-28' });
    expect(after.statusCode).toBe(201);
    expect(after.json().assessment.id).not.toBe(before.id);
    const reread = await get('canbo.tanhiep', `/api/assessments/${before.id}`);
    expect(reread.json().assessment.result).toEqual(before.result);
    const history = await get('canbo.tanhiep', `/api/assessments?unitId=${hamletA}`);
    expect(history.json().latest.id).toBe(after.json().assessment.id);
    expect(history.json().history.length).toBeGreaterThanOrEqual(3);
  });

  it('uses the criteria version in force on the date and records it', async () => {
    const res = await post('canbo.tanhiep', '/api/assessments', { unitId: hamletB, date: '2026-03-01' });
    expect(res.json().assessment.criteriaSetVersion).toBe(2);
  });

  it('lets a viewer read but not record', async () => {
    const res = await post('xem', '/api/assessments', { unitId: hamletA, date: ASSESSMENT_DATE });
    expect(res.statusCode).toBe(403);
  });
});

describe('pilot hamlets', () => {
  it('accepts two pilots per ward and refuses a third with a clear error', async () => {
    const hamlets = (await get('canbo.tanhiep', `/api/units/${tanHiep}/scorecard`))
      .json()
      .hamlets.map((h: { id: number }) => h.id);
    expect(
      (await post('canbo.tanhiep', `/api/units/${tanHiep}/pilots`, { hamletId: hamlets[0] })).statusCode,
    ).toBe(201);
    expect(
      (await post('canbo.tanhiep', `/api/units/${tanHiep}/pilots`, { hamletId: hamlets[1] })).statusCode,
    ).toBe(201);
    const third = await post('canbo.tanhiep', `/api/units/${tanHiep}/pilots`, { hamletId: hamlets[2] });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({
      code: 'PILOT_LIMIT_REACHED',
      message: expect.stringContaining('tối đa 2'),
    });
    expect((await get('canbo.tanhiep', `/api/units/${tanHiep}/pilots`)).json().items).toHaveLength(2);
  });

  it('follows the pilot limit setting', async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/pilot-limit',
      payload: { value: 3 },
      cookies: cookies.admin,
    });
    expect(set.statusCode).toBe(200);
    const hamlets = (await get('canbo.tanhiep', `/api/units/${tanHiep}/scorecard`))
      .json()
      .hamlets.map((h: { id: number }) => h.id);
    expect(
      (await post('canbo.tanhiep', `/api/units/${tanHiep}/pilots`, { hamletId: hamlets[2] })).statusCode,
    ).toBe(201);
  });

  it('refuses a hamlet of another ward', async () => {
    const other = demo.city.hamletIds.get('25891/Khu phố Khánh Long')!;
    const res = await post('admin', `/api/units/${tanHiep}/pilots`, { hamletId: other });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PILOT_NOT_IN_WARD');
  });
});
