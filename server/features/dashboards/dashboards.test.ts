import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo, type DemoSeedResult } from '../../../seeds/demo/index.js';
import { monthEnds } from '../../../domain/dashboards/simulated-history.js';
import { DEMO_HISTORY_FROM } from '../../../seeds/demo/seed-demo-history.js';

let t: TestApp;
let demo: DemoSeedResult;
const cookies: Record<string, Record<string, string>> = {};
let tanHiep: number;
let tanKhanh: number;
let khanhLong: number;

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.db, { now: t.clock.now });
  tanHiep = demo.city.newWardIds.get('25920')!;
  tanKhanh = demo.city.newWardIds.get('25891')!;
  khanhLong = demo.city.hamletIds.get('25891/Khu phố Khánh Long')!;
  for (const username of ['admin', 'canbo.tanhiep', 'canbo.tankhanh', 'truongkp.khanhlong', 'xem']) {
    cookies[username] = await logInDemo(t, username);
  }
}, 60_000);
afterAll(async () => t.close());

const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, cookies: cookies[user] });

interface WardRow {
  id: number;
  name: string;
  hamlets: number;
  hamletsMeetingStandard: number;
  fullSources: Array<{ unitId: number; name: string }>;
  partialSources: Array<{ unitId: number; name: string; share: number | null; hamlets: number }>;
  criteria: Array<{ code: string; hamlets: number; hamletsMet: number }>;
}

describe('city dashboard', () => {
  it("gives the goal counter over today's wards, consistent with the city table", async () => {
    const res = await get('admin', '/api/dashboards/city');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.date).toBe('2026-11-28');
    expect(body.reorganised).toBe(false);
    expect(body.goal.wards).toBe(7);
    const wards = body.wards as WardRow[];
    expect(wards).toHaveLength(7);
    expect(body.goal.wardsWithStandardHamlet).toBe(wards.filter((w) => w.hamletsMeetingStandard > 0).length);
    const table = (await get('admin', '/api/city-table')).json();
    expect(body.goal.wardsWithStandardHamlet).toBe(table.goal.wardsWithStandardHamlet);
    expect(body.hamlets).toBe(wards.reduce((s, w) => s + w.hamlets, 0));
    // City-wide criteria carry names and targets in the catalogue and a value from summed counters.
    const skl1 = body.criteria.find((c: { code: string }) => c.code === 'SKL-1');
    expect(skl1.percent).toBeGreaterThan(0);
    expect(skl1.hamlets).toBe(body.hamlets);
    const named = body.catalogue.criteria.find((c: { code: string }) => c.code === 'SKL-1');
    expect(named.name.vi).toMatch(/VNeID|định danh/i);
    expect(named.targetPercent).toBe(100);
  });

  it('lets the viewer read it and refuses commune officers and hamlet heads', async () => {
    expect((await get('xem', '/api/dashboards/city')).statusCode).toBe(200);
    const officer = await get('canbo.tanhiep', '/api/dashboards/city');
    expect(officer.statusCode).toBe(403);
    expect(officer.json().code).toBe('FORBIDDEN');
    expect((await get('truongkp.khanhlong', '/api/dashboards/city')).statusCode).toBe(403);
  });

  it("re-aggregates a date before 07/2025 onto today's wards, showing a split ward apart and counting no hamlet twice", async () => {
    const res = await get('admin', '/api/dashboards/city?date=2025-03-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reorganised).toBe(true);
    const wards = body.wards as WardRow[];
    expect(wards.map((w) => w.id).sort()).toEqual([...demo.city.newWardIds.values()].sort());
    const tanKhanhRow = wards.find((w) => w.id === tanKhanh)!;
    // Tân Khánh was formed from whole old wards plus part of Thái Hòa.
    expect(tanKhanhRow.fullSources.length).toBeGreaterThan(1);
    expect(tanKhanhRow.fullSources.every((s) => s.unitId !== tanKhanh)).toBe(true);
    const partial = tanKhanhRow.partialSources.find((p) => p.name === 'Phường Thái Hòa')!;
    expect(partial.share).toBe(0.5);
    const fullIds = new Set(wards.flatMap((w) => w.fullSources.map((s) => s.unitId)));
    const partialUnits = new Map<number, number>();
    for (const w of wards) for (const p of w.partialSources) partialUnits.set(p.unitId, p.hamlets);
    expect(partialUnits.has(partial.unitId)).toBe(true);
    for (const id of partialUnits.keys()) expect(fullIds.has(id)).toBe(false);
    // Every hamlet of the city is either in exactly one ward's totals or in a split unit shown apart.
    const inTotals = wards.reduce((s, w) => s + w.hamlets, 0);
    const inPartials = [...partialUnits.values()].reduce((s, n) => s + n, 0);
    expect(inTotals + inPartials).toBe(body.hamlets);
    // The past is read from the snapshots stored that month, not from today's data.
    expect(body.source).toEqual({
      snapshots: body.hamlets,
      snapshotDates: ['2025-03-31', '2025-03-31'],
      live: 0,
    });
    const stored = await t.db.db
      .selectFrom('assessments')
      .select('meetsStandard')
      .where('assessmentDate', '=', '2025-03-31')
      .execute();
    expect(stored).toHaveLength(body.hamlets);
    expect(body.hamletsMeetingStandard).toBe(stored.filter((r) => r.meetsStandard === 1).length);
  });

  it('computes a past date with no stored snapshot live from the data versions of that day', async () => {
    const body = (await get('admin', '/api/dashboards/city?date=2024-06-30')).json();
    expect(body.source.snapshots).toBe(0);
    expect(body.source.live).toBe(body.hamlets);
    // The demo population was loaded "now", so on that day there was nothing to count.
    expect(body.hamletsMeetingStandard).toBe(0);
  });

  it('refuses an unknown query field and an impossible date', async () => {
    const unknown = await get('admin', '/api/dashboards/city?foo=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_FIELD');
    expect((await get('admin', '/api/dashboards/city?date=2025-02-30')).statusCode).toBe(400);
  });
});

describe('ward dashboard', () => {
  it("shows the officer's ward hamlet by hamlet with the pilot limit", async () => {
    const res = await get('canbo.tanhiep', `/api/dashboards/wards/${tanHiep}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ward.id).toBe(tanHiep);
    expect(body.pilotLimit).toBe(2);
    expect(body.canMarkPilots).toBe(true);
    expect(body.ward.hamletRows.length).toBe(body.ward.hamlets);
    expect(body.ward.hamletRows[0].criteria.length).toBeGreaterThan(5);
    expect((await get('xem', `/api/dashboards/wards/${tanHiep}`)).json().canMarkPilots).toBe(false);
  });

  it('lists a pilot marked through the pilots API among the ward and city pilots', async () => {
    const before = (await get('canbo.tanhiep', `/api/dashboards/wards/${tanHiep}`)).json();
    const hamlet = before.ward.hamletRows[0];
    const marked = await t.app.inject({
      method: 'POST',
      url: `/api/units/${tanHiep}/pilots`,
      payload: { hamletId: hamlet.id },
      cookies: cookies['canbo.tanhiep'],
    });
    expect(marked.statusCode).toBe(201);
    const after = (await get('canbo.tanhiep', `/api/dashboards/wards/${tanHiep}`)).json();
    expect(after.ward.pilots.map((p: { id: number }) => p.id)).toEqual([hamlet.id]);
    const city = (await get('admin', '/api/dashboards/city')).json();
    const row = city.wards.find((w: { id: number }) => w.id === tanHiep);
    expect(row.pilots.map((p: { id: number }) => p.id)).toEqual([hamlet.id]);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/units/${tanHiep}/pilots/${hamlet.id}`,
      cookies: cookies['canbo.tanhiep'],
    });
    expect((await get('canbo.tanhiep', `/api/dashboards/wards/${tanHiep}`)).json().ward.pilots).toEqual([]);
  });

  it("refuses another ward's dashboard (403) and a unit that is not a current ward (400)", async () => {
    const other = await get('canbo.tanhiep', `/api/dashboards/wards/${tanKhanh}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const hamlet = await get('admin', `/api/dashboards/wards/${khanhLong}`);
    expect(hamlet.statusCode).toBe(400);
    expect(hamlet.json().code).toBe('DASHBOARD_NOT_A_CURRENT_WARD');
    expect((await get('admin', '/api/dashboards/wards/999999')).statusCode).toBe(404);
  });
});

describe('hamlet scorecard data', () => {
  it('gives every criterion with its name and target, for the hamlet head too', async () => {
    const res = await get('truongkp.khanhlong', `/api/dashboards/hamlets/${khanhLong}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit.name).toBe('Khu phố Khánh Long');
    expect(body.unit.parentName).toBe('Phường Tân Khánh');
    const codes = body.catalogue.criteria.map((c: { code: string }) => c.code);
    for (const r of body.result.criteria) expect(codes).toContain(r.code);
  });

  it('shows the snapshot stored at the time for a past date', async () => {
    const body = (await get('admin', `/api/dashboards/hamlets/${khanhLong}?date=2025-09-15`)).json();
    expect(body.snapshotDate).toBe('2025-08-31');
    const row = await t.db.db
      .selectFrom('assessments')
      .select(['met'])
      .where('unitId', '=', khanhLong)
      .where('assessmentDate', '=', '2025-08-31')
      .executeTakeFirstOrThrow();
    expect(body.result.overall.met).toBe(row.met);
    expect((await get('admin', `/api/dashboards/hamlets/${khanhLong}`)).json().snapshotDate).toBeNull();
  });

  it('refuses a hamlet outside scope and a ward id', async () => {
    const other = await get('canbo.tanhiep', `/api/dashboards/hamlets/${khanhLong}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await get('admin', `/api/dashboards/hamlets/${tanHiep}`)).json().code).toBe(
      'DASHBOARD_NOT_A_HAMLET',
    );
  });
});

/** Stores a snapshot of Khánh Long as its ward's officer would. */
async function storeKhanhLongSnapshot(date: string) {
  const stored = await t.app.inject({
    method: 'POST',
    url: '/api/assessments',
    payload: { unitId: khanhLong, date },
    cookies: cookies['canbo.tankhanh'],
  });
  expect(stored.statusCode).toBe(201);
  return stored;
}

describe('trend from stored snapshots', () => {
  it("gives one point per month of the demo's stored history, rising towards today", async () => {
    const res = await get('admin', `/api/units/${tanKhanh}/trend`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const months = monthEnds(DEMO_HISTORY_FROM, '2026-11-28');
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(months);
    const first = body.points[0];
    const last = body.points[body.points.length - 1];
    // Hamlets that moved into Tân Khánh in 07/2025 count in its past too (hamlets keep their identity).
    expect(first.hamlets).toBe(body.hamlets);
    const pct = (p: { criteria: Array<{ code: string; percent: number | null }> }) =>
      p.criteria.find((c) => c.code === 'SKL-1')!.percent!;
    expect(pct(last)).toBeGreaterThan(pct(first));
    expect(last.shareMeetingStandard).toBeGreaterThanOrEqual(first.shareMeetingStandard);
  });

  it("gives a hamlet's own status per point and adds a point when a snapshot is stored", async () => {
    const before = (await get('truongkp.khanhlong', `/api/units/${khanhLong}/trend`)).json();
    expect(before.points[0].criteria[0].status).toMatch(/met|not_met|not_assessable/);
    await storeKhanhLongSnapshot('2026-11-28');
    const after = (await get('truongkp.khanhlong', `/api/units/${khanhLong}/trend`)).json();
    expect(after.points).toHaveLength(before.points.length + 1);
    expect(after.points[after.points.length - 1].date).toBe('2026-11-28');
  });

  it('notices removed snapshots too, although repeated trends are served from memory', async () => {
    const url = `/api/units/${khanhLong}/trend`;
    const before = (await get('truongkp.khanhlong', url)).json();
    expect((await get('truongkp.khanhlong', url)).json()).toEqual(before);
    const stored = await storeKhanhLongSnapshot('2026-11-27');
    expect((await get('truongkp.khanhlong', url)).json().points).toHaveLength(before.points.length + 1);
    await t.db.db.deleteFrom('assessments').where('id', '=', stored.json().assessment.id).execute();
    expect((await get('truongkp.khanhlong', url)).json()).toEqual(before);
  });

  it("refuses another ward's trend", async () => {
    const res = await get('canbo.tanhiep', `/api/units/${tanKhanh}/trend`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_IN_SCOPE');
  });
});

describe('city trend', () => {
  it('sums every hamlet of the city per month and is for city roles only', async () => {
    const body = (await get('xem', '/api/dashboards/city/trend')).json();
    const city = (await get('xem', '/api/dashboards/city')).json();
    expect(body.hamlets).toBe(city.hamlets);
    expect(body.points[0].hamlets).toBe(city.hamlets);
    const last = body.points[body.points.length - 1];
    expect(last.shareMeetingStandard).toBeCloseTo((100 * last.hamletsMeetingStandard) / last.hamlets, 9);
    expect((await get('canbo.tanhiep', '/api/dashboards/city/trend')).statusCode).toBe(403);
  });

  it('refuses a criteria version that does not exist instead of drawing an empty chart', async () => {
    for (const url of ['/api/dashboards/city/trend', `/api/units/${tanKhanh}/trend`]) {
      const res = await get('admin', `${url}?criteriaSetId=999999`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('CRITERIA_SET_NOT_FOUND');
    }
  });
});

describe('map', () => {
  it('places hamlets at the centroid of their wifi points and lists the others', async () => {
    const body = (await get('admin', '/api/dashboards/map')).json();
    const city = (await get('admin', '/api/dashboards/city')).json();
    expect(body.hamlets.length + body.unplaced.length).toBe(city.hamlets);
    expect(body.wifiPoints.length).toBeGreaterThan(0);
    const placed = body.hamlets[0];
    const own = body.wifiPoints.filter((p: { hamletId: number }) => p.hamletId === placed.id);
    const lat = own.reduce((s: number, p: { lat: number }) => s + p.lat, 0) / own.length;
    expect(placed.lat).toBeCloseTo(lat, 9);
  });

  it("narrows to the officer's ward and refuses another", async () => {
    const own = (await get('canbo.tanhiep', `/api/dashboards/map?unitId=${tanHiep}`)).json();
    expect([...own.hamlets, ...own.unplaced].every((h: { wardId: number }) => h.wardId === tanHiep)).toBe(
      true,
    );
    const other = await get('canbo.tanhiep', `/api/dashboards/map?unitId=${tanKhanh}`);
    expect(other.statusCode).toBe(403);
  });
});
