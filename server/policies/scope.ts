import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { AppError } from '../errors.js';

/**
 * The ids of every unit the actor may see: their scope units, the units those fully replaced in the 2025
 * reorganisation (so a new ward's officer keeps its predecessors' history), and everything that was ever below
 * any of them. Partial predecessors are not included: only the hamlets that actually moved come along.
 * Returns null for an unlimited actor (no filter needed).
 */
export async function scopeUnitIds(handle: Db, actor: Actor): Promise<Set<number> | null> {
  if (actor.isUnlimited) return null;
  if (actor.scopeUnitIds.length === 0) return new Set();
  const roots = sql.join(actor.scopeUnitIds.map((id) => sql`${id}`));
  const result = await sql<{ id: number }>`
    with recursive roots(id) as (
      select id from admin_units where id in (${roots})
      union
      select l.from_unit_id from unit_lineage l join roots r on l.to_unit_id = r.id where l.merge_type = 'full'
    ),
    sub(id) as (
      select id from roots
      union
      select p.unit_id from admin_unit_periods p join sub s on p.parent_id = s.id
    )
    select id from sub`.execute(handle.db);
  return new Set(result.rows.map((r) => Number(r.id)));
}

/** Throws UNIT_NOT_IN_SCOPE (403, no detail that leaks data) unless the unit is in the actor's subtree. */
export async function assertUnitInScope(handle: Db, actor: Actor, unitId: number): Promise<void> {
  const ids = await scopeUnitIds(handle, actor);
  if (ids && !ids.has(unitId)) throw new AppError('UNIT_NOT_IN_SCOPE');
}

/**
 * A SQL filter keeping only rows whose unit column is in the actor's subtree; for list queries, so that scoping
 * happens in the database rather than after loading rows. `ids` comes from scopeUnitIds.
 */
export function whereWithinScope(
  column: Expression<number | null>,
  ids: Set<number> | null,
): Expression<SqlBool> {
  if (ids === null) return sql<SqlBool>`1 = 1`;
  if (ids.size === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${column} in (${sql.join([...ids].map((id) => sql`${id}`))})`;
}
