import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { seedDemo } from './index.js';
import { residentRows, seedPopulation, type HamletPlan, type PopulationReport } from './population.js';

const NOW = new Date('2026-11-28T03:00:00Z');
/** Born on or before these days, a resident is at least 14 / 15 years old on NOW. */
const AGE_14 = '2012-11-28';
const AGE_15 = '2011-11-28';
const TABLES = ['households', 'residents', 'businesses', 'wifi_points', 'hamlet_facts'];

let t: TestDb;
let report: PopulationReport;

async function seededDb(): Promise<{ db: TestDb; report: PopulationReport }> {
  const db = await createTestDb();
  await seedDemo(db, { now: NOW, population: false });
  return { db, report: await seedPopulation(db, { seed: 1, size: 'demo', now: NOW }) };
}

async function tableHashes(db: TestDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by id`.execute(db.db);
    const hash = createHash('sha256');
    for (const row of rows) hash.update(`${JSON.stringify(Object.values(row))}\n`);
    out[table] = `${rows.length}:${hash.digest('hex')}`;
  }
  return out;
}

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const { rows } = await query.execute(t.db);
  return Number(rows[0].n);
}

const plansOf = (profile: HamletPlan['profile']) => report.plans.filter((p) => p.profile === profile);

beforeAll(async () => {
  ({ db: t, report } = await seededDb());
});
afterAll(async () => t.dispose());

describe('the demo population', () => {
  it('writes byte-identical rows for the same seed, size and now', async () => {
    const other = await seededDb();
    try {
      expect(await tableHashes(other.db)).toEqual(await tableHashes(t));
    } finally {
      await other.db.dispose();
    }
  });

  it('draws different people from a different seed', () => {
    const first = (seed: number) =>
      JSON.stringify([...residentRows(seed, report.plans.slice(0, 1), NOW.toISOString())].slice(0, 50));
    expect(first(1)).toBe(first(1));
    expect(first(2)).not.toBe(first(1));
  });

  it('has complete, nearly, typical and sparse hamlets, with a complete one in 5 of the 7 new wards', () => {
    expect(report.hamlets).toBe(51);
    for (const profile of ['complete', 'nearly', 'typical', 'sparse'] as const)
      expect(report.profiles[profile]).toBeGreaterThan(0);
    expect(new Set(plansOf('complete').map((p) => p.wardId)).size).toBe(5);
  });

  it('gives each hamlet 25 to 40 households of about 3.5 residents', async () => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from households where valid_to is null group by hamlet_id`.execute(t.db);
    expect(rows).toHaveLength(51);
    expect(rows.every((r) => Number(r.n) >= 25 && Number(r.n) <= 40)).toBe(true);
    expect(report.residents / report.households).toBeGreaterThan(3.2);
    expect(report.residents / report.households).toBeLessThan(3.9);
    expect(await count(sql`select count(*) as n from residents where valid_to is null`)).toBe(
      report.residents,
    );
  });

  it('makes people realistic: names, ages, sexes, temporary residents, birth dates for about 60%', async () => {
    const { rows } = await sql<{
      fullName: string;
      birthDate: string | null;
      birthKey: string;
      sex: string;
      residency: string;
      birthYear: number;
    }>`
      select full_name as "fullName", birth_date as "birthDate", birth_key as "birthKey", sex, residency, birth_year as "birthYear"
      from residents where valid_to is null`.execute(t.db);
    expect(rows.every((r) => /^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u.test(r.fullName))).toBe(true);
    expect(rows.every((r) => r.birthKey === (r.birthDate ?? `${r.birthYear}-01-01`))).toBe(true);
    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    expect(share((r) => r.birthDate !== null)).toBeGreaterThan(0.55);
    expect(share((r) => r.birthDate !== null)).toBeLessThan(0.65);
    expect(share((r) => r.sex === 'female')).toBeGreaterThan(0.4);
    expect(share((r) => r.residency === 'temporary')).toBeGreaterThan(0.05);
    expect(share((r) => r.birthKey > AGE_15)).toBeGreaterThan(0.1);
    expect(share((r) => r.birthYear <= 1966)).toBeGreaterThan(0.1);
  });

  it('makes a complete hamlet meet every criterion of a typical set', async () => {
    for (const { id } of plansOf('complete')) {
      const zero = async (query: ReturnType<typeof sql<{ n: number }>>) => expect(await count(query)).toBe(0);
      const current = sql`valid_to is null and hamlet_id = ${id}`;
      await zero(
        sql`select count(*) as n from residents where ${current} and birth_key <= ${AGE_14} and (vneid_level is null or vneid_level <> 2)`,
      );
      await zero(sql`select count(*) as n from residents where ${current} and birth_key <= ${AGE_15} and not (
        online_public_service_account = 1 and can_use_online_public_service = 1 and digital_payment_account = 1 and smart_device = 1)`);
      await zero(
        sql`select count(*) as n from residents where ${current} and not (telehealth_informed = 1 and online_medical_booking = 1)`,
      );
      await zero(
        sql`select count(*) as n from households where ${current} and not ((fixed_broadband = 1 or mobile_broadband = 1) and in_digital_channel = 1 and reached_by_outreach = 1)`,
      );
      await zero(
        sql`select count(*) as n from businesses where ${current} and (accepts_cashless is null or accepts_cashless <> 1)`,
      );
      await zero(
        sql`select count(*) as n from businesses where ${current} and ecommerce_eligible = 1 and (listed_online is null or listed_online <> 1)`,
      );
      await zero(
        sql`select count(*) as n from businesses where ${current} and is_farm_product = 1 and (traceability is null or traceability <> 1)`,
      );
      expect(
        await count(sql`select count(*) as n from wifi_points where ${current} and is_working = 1`),
      ).toBeGreaterThanOrEqual(1);
      const facts = await t.db
        .selectFrom('hamletFacts')
        .selectAll()
        .where('hamletId', '=', id)
        .where('validTo', 'is', null)
        .execute();
      const fact = (key: string) => facts.find((f) => f.factKey === key);
      expect(fact('digitalTeam')).toMatchObject({
        valueBool: 1,
        evidence: expect.stringMatching(/^Quyết định số \d+\/QĐ-UBND ngày \d\d\/\d\d\/\d{4}/),
      });
      expect(JSON.parse(fact('digitalTeam')!.members!)).toHaveLength(3);
      expect(fact('onlinePollsPerYear')!.valueNum).toBeGreaterThanOrEqual(1);
      expect(
        fact('feedbackAnsweredOnline')!.valueNum! / fact('feedbackReceived')!.valueNum!,
      ).toBeGreaterThanOrEqual(0.9);
      expect(fact('officeEquipped')!.valueBool).toBe(1);
    }
  });

  it('makes a nearly hamlet miss exactly one criterion by 2 to 6 households or residents', async () => {
    expect(plansOf('nearly').length).toBeGreaterThan(0);
    for (const plan of plansOf('nearly')) {
      const current = sql`valid_to is null and hamlet_id = ${plan.id}`;
      const noBroadband = await count(
        sql`select count(*) as n from households where ${current} and not (fixed_broadband = 1 or mobile_broadband = 1)`,
      );
      const noVneid = await count(
        sql`select count(*) as n from residents where ${current} and birth_key <= ${AGE_14} and (vneid_level is null or vneid_level <> 2)`,
      );
      expect(plan.miss!.by).toBeGreaterThanOrEqual(2);
      expect(plan.miss!.by).toBeLessThanOrEqual(6);
      expect([noBroadband, noVneid]).toEqual(
        plan.miss!.criterion === 'broadband' ? [plan.miss!.by, 0] : [0, plan.miss!.by],
      );
    }
  });

  it('leaves sparse hamlets short of data: many unknown flags, some facts missing', async () => {
    const ids = plansOf('sparse').map((p) => p.id);
    const unknown = await count(
      sql`select count(*) as n from residents where valid_to is null and hamlet_id in (${sql.join(ids)}) and digital_payment_account is null`,
    );
    const all = await count(
      sql`select count(*) as n from residents where valid_to is null and hamlet_id in (${sql.join(ids)})`,
    );
    expect(unknown / all).toBeGreaterThan(0.2);
    const facts = await count(
      sql`select count(*) as n from hamlet_facts where hamlet_id in (${sql.join(ids)})`,
    );
    expect(facts).toBeLessThan(ids.length * 5);
  });

  it('keeps earlier versions of some records, but none in complete hamlets', async () => {
    expect(report.residentRows).toBeGreaterThan(report.residents);
    expect(report.householdRows).toBeGreaterThan(report.households);
    const completeIds = plansOf('complete').map((p) => p.id);
    expect(
      await count(
        sql`select count(*) as n from residents where valid_to is not null and hamlet_id in (${sql.join(completeIds)})`,
      ),
    ).toBe(0);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from residents where valid_to is not null and valid_to > ${NOW.toISOString()}`.execute(
      t.db,
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('creates simulated hamlets holding exactly the residents asked for, and refuses to run twice', async () => {
    const custom = await seedPopulation(t, { seed: 1, size: { hamlets: 6, residents: 3_000 }, now: NOW });
    expect(custom.createdHamlets).toBe(6);
    const units = await t.db
      .selectFrom('adminUnits as u')
      .innerJoin('adminUnitPeriods as p', 'p.unitId', 'u.id')
      .select(['u.id', 'u.name', 'u.isDemo', 'p.parentId', 'p.validFrom'])
      .where('u.localCode', 'like', 'SIM-%')
      .orderBy('u.id')
      .execute();
    expect(units.map((u) => u.name)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Khu phố mô phỏng ${n}`));
    expect(units.every((u) => u.isDemo === 1 && u.validFrom === '2025-07-01')).toBe(true);
    expect(new Set(units.map((u) => u.parentId)).size).toBe(6);
    const ids = units.map((u) => u.id);
    expect(
      await count(
        sql`select count(*) as n from residents where valid_to is null and hamlet_id in (${sql.join(ids)})`,
      ),
    ).toBe(3_000);
    expect(custom.households).toBeGreaterThan(700);
    expect(custom.households).toBeLessThan(1_000);
    await expect(seedPopulation(t, { size: { hamlets: 2, residents: 10 }, now: NOW })).rejects.toThrow(
      /already exist/,
    );
    await expect(seedPopulation(t, { size: 'demo', now: NOW })).rejects.toThrow(/already have households/);
  });
});
