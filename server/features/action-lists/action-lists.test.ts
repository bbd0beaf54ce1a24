import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from '../../../seeds/demo/index.js';
import { hashPassword } from '../auth/passwords.js';
import { addUser } from '../digital-teams/digital-teams.fixtures.js';
import type { CriterionResult } from '../../../domain/criteria/index.js';
import type { StreetGroup } from '../../../domain/action-lists/action-lists.js';
import type { ActionList } from './action-lists.service.js';

type Cookies = Record<string, string>;
let t: TestApp;
let seeded: DemoSeedResult;
let khanhLong = 0;
/** Khu phố Khánh Hòa (ward Tân Khánh): in the demo, it meets none of the criteria, so its lists are long. */
let khanhHoa = 0;
let tanHiepHamlet = 0;
let tanKhanhWard = 0;
const as: Record<string, Cookies> = {};

const login = (username: string) => logInDemo(t, username);

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemo(t.db, { now: t.clock.now });
  khanhLong = seeded.city.hamletIds.get('25891/Khu phố Khánh Long')!;
  khanhHoa = seeded.city.hamletIds.get('25891/Khu phố Khánh Hòa')!;
  tanHiepHamlet = seeded.city.hamletIds.get('25921/Khu phố Long Bình')!;
  tanKhanhWard = seeded.city.newWardIds.get('25891')!;
  // A team member of a Tân Hiệp hamlet, who must not read Khánh Long's list.
  await addUser(t, 'tocns.longbinh', 'team_member', [tanHiepHamlet]);
  await t.db.db
    .updateTable('users')
    .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    .where('username', '=', 'tocns.longbinh')
    .execute();
  for (const u of [
    'admin',
    'canbo.tanhiep',
    'canbo.tankhanh',
    'truongkp.khanhlong',
    'tocns.khanhlong',
    'xem',
    'tocns.longbinh',
  ])
    as[u] = await login(u);
}, 120_000);
afterAll(async () => t.close());

const get = (url: string, user: string) => t.app.inject({ method: 'GET', url, cookies: as[user] });
const rowsOf = (groups: StreetGroup[]) => groups.flatMap((s) => s.households.flatMap((h) => h.rows));

async function scorecard(hamletId: number): Promise<Map<string, CriterionResult>> {
  const res = await get(`/api/units/${hamletId}/scorecard`, 'admin');
  expect(res.statusCode).toBe(200);
  return new Map((res.json().result.criteria as CriterionResult[]).map((c) => [c.code, c]));
}

describe('action list', () => {
  it('lists exactly denominator − numerator rows for every ratio criterion, unknown answers apart', async () => {
    let listed = 0;
    for (const hamletId of [khanhHoa, khanhLong]) {
      const card = await scorecard(hamletId);
      const ratios = [...card.values()].filter((c) => c.kind === 'ratio');
      expect(ratios.length).toBeGreaterThanOrEqual(8);
      for (const criterion of ratios) {
        const res = await get(
          `/api/hamlets/${hamletId}/action-list?criterionCode=${criterion.code}`,
          'canbo.tankhanh',
        );
        expect(res.statusCode).toBe(200);
        const [entry] = (res.json() as ActionList).criteria;
        expect(entry.code).toBe(criterion.code);
        const [part] = entry.parts;
        const value = criterion.value as { numerator: number; denominator: number };
        const label = `${hamletId} ${criterion.code}`;
        expect(part.missingCount + part.unknownCount, label).toBe(value.denominator - value.numerator);
        expect(part.unknownCount, label).toBe(criterion.unknown);
        expect(rowsOf(part.missing)).toHaveLength(part.missingCount);
        expect(rowsOf(part.unknown)).toHaveLength(part.unknownCount);
        expect(new Set(rowsOf([...part.missing, ...part.unknown]).map((r) => r.uid)).size).toBe(
          part.missingCount + part.unknownCount,
        );
        listed += part.missingCount + part.unknownCount;
      }
    }
    // The demo population has gaps to close: the check above is not about empty lists.
    expect(listed).toBeGreaterThan(100);
  });

  it('lists working-age residents without a digital payment account, with why, household, visit and assignee', async () => {
    const res = await get(`/api/hamlets/${khanhHoa}/action-list?criterionCode=SKL-3`, 'canbo.tankhanh');
    expect(res.statusCode).toBe(200);
    const part = (res.json() as ActionList).criteria[0].parts[0];
    const missing = rowsOf(part.missing);
    const unknown = rowsOf(part.unknown);
    expect(missing.length).toBeGreaterThan(0);
    const stored = new Map(
      (
        await t.db.db
          .selectFrom('residents')
          .select(['uid', 'digitalPaymentAccount', 'birthYear'])
          .where('hamletId', '=', khanhHoa)
          .where('validTo', 'is', null)
          .execute()
      ).map((r) => [r.uid, r]),
    );
    for (const row of missing) {
      expect(stored.get(row.uid)!.digitalPaymentAccount).toBe(0);
      expect(row.missing).toEqual(['digitalPaymentAccount']);
      expect(row.birthYear).toBe(stored.get(row.uid)!.birthYear);
    }
    for (const row of unknown) {
      expect(stored.get(row.uid)!.digitalPaymentAccount).toBeNull();
      expect(row.unknown).toEqual(['digitalPaymentAccount']);
    }
    // Working age only: nobody listed is a child or far past retirement age.
    for (const row of missing) expect(row.birthYear).toBeGreaterThan(1955);
    expect(missing.every((r) => r.localCode && r.headName && r.street)).toBe(true);
  });

  it('shows the team member each household is assigned to, and the team member of the hamlet may read it', async () => {
    const res = await get(`/api/hamlets/${khanhLong}/action-list?criterionCode=INF-1`, 'tocns.khanhlong');
    expect(res.statusCode).toBe(200);
    const part = (res.json() as ActionList).criteria[0].parts[0];
    const rows = rowsOf([...part.missing, ...part.unknown]);
    expect(rows.length).toBeGreaterThan(0);
    // Every household of Khánh Long is assigned to the demo team member.
    expect(rows.every((r) => r.assignee?.displayName === 'Tổ CNSCĐ khu phố Khánh Long')).toBe(true);
    expect(rows.every((r) => r.name === null && r.householdUid === r.uid)).toBe(true);
  });

  it('groups by street, then household, in reading order', async () => {
    const res = await get(`/api/hamlets/${khanhHoa}/action-list?criterionCode=SKL-3`, 'canbo.tankhanh');
    const groups = (res.json() as ActionList).criteria[0].parts[0].missing;
    const streets = groups.map((g) => g.street);
    expect(new Set(streets).size).toBe(streets.length);
    for (const street of groups) {
      const codes = street.households.map((h) => h.householdUid);
      expect(new Set(codes).size).toBe(codes.length);
      for (const household of street.households)
        for (const row of household.rows) {
          expect(row.street).toBe(street.street);
          expect(row.householdUid).toBe(household.householdUid);
        }
    }
  });

  it('lists a composite through its parts and gives the gap of each unmet criterion', async () => {
    const card = await scorecard(khanhHoa);
    const res = await get(`/api/hamlets/${khanhHoa}/action-list`, 'canbo.tankhanh');
    const list = res.json() as ActionList;
    const expected = [...card.values()]
      .filter((c) => !c.hidden && (c.status === 'not_met' || c.status === 'not_assessable'))
      .map((c) => c.code);
    expect(list.criteria.map((c) => c.code)).toEqual(expected);
    for (const c of list.criteria) expect(c.gap).toBe(card.get(c.code)!.gap);
    const skl2 = await get(`/api/hamlets/${khanhLong}/action-list?criterionCode=SKL-2`, 'canbo.tankhanh');
    expect(skl2.json().criteria[0].parts.map((p: { code: string }) => p.code)).toEqual(['SKL-2a', 'SKL-2b']);
    const awr2 = await get(`/api/hamlets/${khanhLong}/action-list?criterionCode=AWR-2`, 'canbo.tankhanh');
    expect(awr2.json().criteria[0]).toMatchObject({ listable: false, parts: [] });
  });

  it('counts a count criterion: the unknown rows are those that could still count', async () => {
    const card = await scorecard(khanhHoa);
    const inf3 = card.get('INF-3')!;
    const res = await get(`/api/hamlets/${khanhHoa}/action-list?criterionCode=INF-3`, 'canbo.tankhanh');
    const part = (res.json() as ActionList).criteria[0].parts[0];
    expect(part.subject).toBe('wifiPoints');
    expect(part.unknownCount).toBe(inf3.unknown);
    const working = await t.db.db
      .selectFrom('wifiPoints')
      .select('isWorking')
      .where('hamletId', '=', khanhHoa)
      .where('validTo', 'is', null)
      .execute();
    expect(part.missingCount).toBe(working.filter((w) => w.isWorking === 0).length);
  });

  it('records who read which hamlet and which criteria', async () => {
    await get(`/api/hamlets/${khanhLong}/action-list?criterionCode=SKL-3`, 'truongkp.khanhlong');
    const entry = await t.db.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'action_list.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.actorName).toBe('truongkp.khanhlong');
    expect(entry.entity).toBe('hamlet');
    expect(entry.entityId).toBe(String(khanhLong));
    expect(JSON.parse(entry.after!)).toMatchObject({ criteria: ['SKL-3'], format: 'json' });
  });

  it('refuses readers outside the hamlet, viewers, unknown units, wards and unknown criteria', async () => {
    const url = `/api/hamlets/${khanhLong}/action-list`;
    const officerTanHiep = await get(url, 'canbo.tanhiep');
    expect(officerTanHiep.statusCode).toBe(403);
    expect(officerTanHiep.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const otherTeam = await get(url, 'tocns.longbinh');
    expect(otherTeam.statusCode).toBe(403);
    expect(otherTeam.json().code).toBe('UNIT_NOT_IN_SCOPE');
    expect((await get(url, 'xem')).json().code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await get('/api/hamlets/999999/action-list', 'admin')).json().code).toBe('UNIT_NOT_FOUND');
    const ward = await get(`/api/hamlets/${tanKhanhWard}/action-list`, 'canbo.tankhanh');
    expect(ward.statusCode).toBe(400);
    expect(ward.json().code).toBe('UNIT_NOT_HAMLET');
    const unknown = await get(`${url}?criterionCode=XYZ-9`, 'canbo.tankhanh');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('ACTION_LIST_UNKNOWN_CRITERION');
    expect(unknown.json().message).toContain('criterionCode');
    const badDate = await get(`${url}?date=2025-02-31`, 'canbo.tankhanh');
    expect(badDate.statusCode).toBe(400);
    // Nothing was read, so nothing about these refusals is logged as a read of the Tân Hiệp officer.
    const logged = await t.db.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'action_list.read')
      .where('actorName', 'in', ['canbo.tanhiep', 'tocns.longbinh', 'xem'])
      .execute();
    expect(logged).toHaveLength(0);
  });

  it('exports the list as an Excel workbook with a sheet per criterion, a frozen header and real dates', async () => {
    const res = await get(`/api/hamlets/${khanhHoa}/action-list.xlsx?criterionCode=SKL-3`, 'canbo.tankhanh');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const json = await get(`/api/hamlets/${khanhHoa}/action-list?criterionCode=SKL-3`, 'canbo.tankhanh');
    const part = (json.json() as ActionList).criteria[0].parts[0];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('SKL-3')!;
    expect(sheet).toBeDefined();
    expect(sheet.getRow(3).getCell(1).value).toBe('STT');
    expect(sheet.getRow(3).getCell(5).value).toBe('Họ và tên / tên');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.rowCount - 3).toBe(part.missingCount + part.unknownCount);
    expect(sheet.getColumn(10).numFmt).toBe('dd/mm/yyyy');
    const first = rowsOf(part.missing)[0];
    expect(sheet.getRow(4).getCell(5).value).toBe(first.name);
    expect(sheet.getRow(4).getCell(8).value).toBe('Tài khoản thanh toán số');
    const entry = await t.db.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'action_list.read')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(entry.map((e) => JSON.parse(e.after!).format)).toContain('xlsx');
  });

  it('refuses the Excel export outside scope too', async () => {
    const res = await get(`/api/hamlets/${khanhLong}/action-list.xlsx`, 'canbo.tanhiep');
    expect(res.statusCode).toBe(403);
  });
});
