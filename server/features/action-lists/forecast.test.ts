import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo } from '../../../seeds/demo/index.js';
import type { CriterionForecast } from '../../../domain/forecast/forecast.js';
import type { HamletForecast } from './forecast.service.js';

let t: TestApp;
let khanhHoa = 0;
let tanKhanhWard = 0;
const DAY = 86_400_000;

const login = (username: string) => logInDemo(t, username);
const today = () => new Date(t.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

async function snapshot() {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/assessments',
    cookies: await login('canbo.tankhanh'),
    payload: { unitId: khanhHoa, date: today() },
  });
  expect(res.statusCode).toBe(201);
}

/** Gives `n` more residents born 1975–1995 (of working age throughout) a digital payment account. */
async function payAccounts(n: number) {
  const rows = await t.db.db
    .selectFrom('residents')
    .select('id')
    .where('hamletId', '=', khanhHoa)
    .where('validTo', 'is', null)
    .where('birthYear', '>=', 1975)
    .where('birthYear', '<=', 1995)
    .where((eb) => eb.or([eb('digitalPaymentAccount', 'is', null), eb('digitalPaymentAccount', '=', 0)]))
    .orderBy('id')
    .limit(n)
    .execute();
  expect(rows).toHaveLength(n);
  await t.db.db
    .updateTable('residents')
    .set({ digitalPaymentAccount: 1 })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemo(t.db, { now: t.clock.now });
  khanhHoa = seeded.city.hamletIds.get('25891/Khu phố Khánh Hòa')!;
  tanKhanhWard = seeded.city.newWardIds.get('25891')!;
  // The demo seed may ship a monthly history; this test builds its own, so it knows every point.
  await t.db.db.deleteFrom('assessments').where('unitId', '=', khanhHoa).execute();
}, 120_000);
afterAll(async () => t.close());

const forecast = async (user: string, hamletId = khanhHoa) =>
  t.app.inject({ method: 'GET', url: `/api/hamlets/${hamletId}/forecast`, cookies: await login(user) });

describe('forecast', () => {
  it('has nothing to project before any snapshot, and too little after one', async () => {
    const none = await forecast('canbo.tankhanh');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ snapshots: 0, criteria: [] });
    await snapshot();
    const one = (await forecast('canbo.tankhanh')).json();
    expect(one.snapshots).toBe(1);
    const skl3 = (one.criteria as CriterionForecast[]).find((c) => c.code === 'SKL-3')!;
    expect(skl3.forecast).toEqual({ kind: 'insufficient_data', points: 1 });
  });

  it('projects a rising criterion, and says no progress for a flat one and met for a met one', async () => {
    for (let month = 1; month <= 2; month++) {
      t.clock.now = new Date(t.clock.now.getTime() + 30 * DAY);
      await payAccounts(3);
      await snapshot();
    }
    const res = await forecast('canbo.tankhanh');
    const body = res.json() as HamletForecast;
    expect(body.snapshots).toBe(3);
    const skl3 = body.criteria.find((c) => c.code === 'SKL-3')!;
    expect(skl3.history).toHaveLength(3);
    expect(skl3.history[2].value).toBeGreaterThan(skl3.history[0].value);
    // Three more accounts a month on a gap of 25: still short, so a month is forecast after the last snapshot.
    expect(skl3.status).not.toBe('met');
    expect(skl3.forecast.kind).toBe('eta');
    if (skl3.forecast.kind === 'eta') {
      expect(skl3.forecast.date > skl3.history[2].date).toBe(true);
      expect(skl3.forecast.slopePerMonth).toBeGreaterThan(0);
    }
    // Nothing touched the households: AWR-1 (households reached by outreach) is unmet and flat.
    const awr1 = body.criteria.find((c) => c.code === 'AWR-1')!;
    expect(awr1.status).not.toBe('met');
    expect(new Set(awr1.history.map((p) => p.value)).size).toBe(1);
    expect(awr1.forecast).toMatchObject({ kind: 'no_progress', slopePerMonth: 0 });
    expect(awr1.name.vi).toContain('tuyên truyền');
    for (const c of body.criteria.filter((x) => x.status === 'met'))
      expect(c.forecast).toEqual({ kind: 'met' });
  });

  it('is refused outside scope, for wards and for unknown units', async () => {
    expect((await forecast('truongkp.khanhlong')).json().code).toBe('UNIT_NOT_IN_SCOPE');
    const outside = await forecast('canbo.tanhiep');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const ward = await forecast('canbo.tankhanh', tanKhanhWard);
    expect(ward.statusCode).toBe(400);
    expect(ward.json().code).toBe('UNIT_NOT_HAMLET');
    expect((await forecast('admin', 999_999)).statusCode).toBe(404);
  });
});
