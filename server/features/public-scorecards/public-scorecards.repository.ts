import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * What "the city" is for the public pages: the units the active city administrators look after. An administrator
 * with no scope at all sees the whole tree, which the caller reads as an unlimited city.
 */
export async function cityAdminScopes(
  db: Kysely<Database>,
): Promise<{ unitIds: number[]; unlimited: boolean }> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('userScopes as s', 's.userId', 'u.id')
    .select(['u.id as userId', 's.unitId'])
    .where('u.role', '=', 'city_admin')
    .where('u.isActive', '=', 1)
    .execute();
  const unitIds = new Set<number>();
  const withScope = new Set<number>();
  const admins = new Set<number>();
  for (const row of rows) {
    admins.add(row.userId);
    if (row.unitId !== null) {
      unitIds.add(Number(row.unitId));
      withScope.add(row.userId);
    }
  }
  return { unitIds: [...unitIds], unlimited: [...admins].some((id) => !withScope.has(id)) };
}
