import { hashPassword } from '../../server/features/auth/passwords.js';
import type { Db } from '../../server/db/database.js';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../server/db/tables.js';
import { seedDemoCity, type DemoCity } from './seed-demo-city.js';
import { seedPopulation } from './population.js';
import { seedDemoTeams } from './seed-demo-teams.js';
import { seedDemoHistory } from './seed-demo-history.js';
import { ensureReferenceCriteriaSets } from '../../server/features/criteria-sets/criteria-sets.service.js';

/** Every demo account shares this password; `npm start` prints it. Never used outside the demo. */
export const DEMO_PASSWORD = 'khuphoso2025';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  scopeLabel: string;
}

/**
 * Pilot hamlets already chosen by five wards, so a first look at the dashboard is not empty. Tân Hiệp and Tân Khánh
 * are left unchosen on purpose: the demo's officers (and the browser journeys) choose theirs in the product.
 */
const DEMO_PILOTS: ReadonlyArray<readonly [wardCode: string, hamletName: string]> = [
  ['25760', 'Khu phố 3'],
  ['25888', 'Khu phố 4'],
  ['25912', 'Khu phố 1'],
  ['25915', 'Khu phố 2'],
  ['25945', 'Khu phố 4'],
];

export interface DemoSeedResult {
  city: DemoCity;
  accounts: DemoAccount[];
}

function demoAccounts(city: DemoCity): Array<DemoAccount & { scopeUnitIds: number[] }> {
  const allNewWards = [...city.newWardIds.values()];
  const khanhLong = city.hamletIds.get('25891/Khu phố Khánh Long')!;
  const cityScope = [city.oldCityId, ...allNewWards];
  return [
    {
      username: 'admin',
      role: 'city_admin',
      displayName: 'Phòng Văn hóa và Thông tin Tân Uyên',
      scopeLabel: 'Thành phố Tân Uyên và 7 phường mới',
      scopeUnitIds: cityScope,
    },
    {
      username: 'canbo.tanhiep',
      role: 'commune_officer',
      displayName: 'Cán bộ CĐS phường Tân Hiệp',
      scopeLabel: 'Phường Tân Hiệp',
      scopeUnitIds: [city.newWardIds.get('25920')!],
    },
    {
      username: 'canbo.tankhanh',
      role: 'commune_officer',
      displayName: 'Cán bộ CĐS phường Tân Khánh',
      scopeLabel: 'Phường Tân Khánh',
      scopeUnitIds: [city.newWardIds.get('25891')!],
    },
    {
      username: 'truongkp.khanhlong',
      role: 'hamlet_head',
      displayName: 'Trưởng khu phố Khánh Long',
      scopeLabel: 'Khu phố Khánh Long',
      scopeUnitIds: [khanhLong],
    },
    {
      username: 'tocns.khanhlong',
      role: 'team_member',
      displayName: 'Tổ CNSCĐ khu phố Khánh Long',
      scopeLabel: 'Khu phố Khánh Long',
      scopeUnitIds: [khanhLong],
    },
    {
      username: 'xem',
      role: 'viewer',
      displayName: 'Người xem (toàn thành phố)',
      scopeLabel: 'Thành phố Tân Uyên và 7 phường mới',
      scopeUnitIds: cityScope,
    },
  ].map((a) => ({ ...a, role: a.role as Role, password: DEMO_PASSWORD }));
}

/** True when the database has no units yet, i.e. the demo should be seeded on start. */
export async function isDatabaseEmpty(handle: Db): Promise<boolean> {
  const row = await handle.db
    .selectFrom('adminUnits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Seeds the demo city and one account per role in one transaction, the shipped criteria sets, and then (unless
 * `population: false`) the deterministic household survey data. The same function serves `npm start`, the tests,
 * the e2e journeys and the benchmarks.
 */
export async function seedDemo(
  handle: Db,
  options: { now?: Date; population?: boolean } = {},
): Promise<DemoSeedResult> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  // One hash for all demo accounts: argon2id is deliberately slow, and start-up should take seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await handle.db.transaction().execute(async (trx) => {
    const city = await seedDemoCity(trx, nowIso);
    const accounts = demoAccounts(city);
    for (const account of accounts) {
      const { id } = await trx
        .insertInto('users')
        .values({
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          role: account.role,
          locale: 'vi',
          isActive: 1,
          mustChangePassword: 0,
          failedAttempts: 0,
          lockedUntil: null,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('userScopes')
        .values(account.scopeUnitIds.map((unitId) => ({ userId: id, unitId })))
        .execute();
    }
    await trx
      .insertInto('auditLog')
      .values({
        at: nowIso,
        actorId: null,
        actorName: 'system',
        action: 'demo.seed',
        entity: 'database',
        entityId: null,
        before: null,
        after: JSON.stringify({ accounts: accounts.length }),
        ip: null,
      })
      .execute();
    for (const [wardCode, hamletName] of DEMO_PILOTS) {
      const wardId = city.newWardIds.get(wardCode)!;
      // Hamlets were renamed and moved in 07/2025; the pilot is named by today's name under today's ward.
      const { unitId: hamletId } = await trx
        .selectFrom('adminUnitPeriods')
        .select('unitId')
        .where('parentId', '=', wardId)
        .where('name', '=', hamletName)
        .where('validTo', 'is', null)
        .executeTakeFirstOrThrow(() => new Error(`demo pilot ${hamletName} not found in ward ${wardCode}`));
      await trx
        .insertInto('pilotHamlets')
        .values({ hamletId, wardId, markedBy: null, markedAt: nowIso })
        .execute();
    }
    return { city, accounts: accounts.map(({ scopeUnitIds: _s, ...a }) => a) };
  });
  await ensureReferenceCriteriaSets(handle, now);
  // Bulk loads run after the city is committed: they use their own transactions (COPY on PostgreSQL).
  if (options.population !== false) {
    await seedPopulation(handle, { seed: 1, size: 'demo', now });
    await seedDemoTeams(handle, result.city.hamletIds.get('25891/Khu phố Khánh Long')!, nowIso);
    await seedDemoHistory(handle, now);
  }
  return result;
}

/** The demo's first current hamlet (lowest id): where the large-import tests and the import benchmark write. */
export async function firstCurrentHamlet(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('adminUnits')
    .select('id')
    .where('level', '=', 'hamlet')
    .where('validTo', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
