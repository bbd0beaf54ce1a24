import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AuditEntry, Database } from '../../db/tables.js';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  /** ISO timestamps, inclusive `fromAt`, exclusive `toAt`. */
  fromAt?: string;
  toAt?: string;
}

function applyFilter<O>(query: SelectQueryBuilder<Database, 'auditLog', O>, filter: AuditFilter) {
  let q = query;
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entityId', '=', filter.entityId);
  if (filter.actorId !== undefined) q = q.where('actorId', '=', filter.actorId);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.fromAt !== undefined) q = q.where('at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('at', '<', filter.toAt);
  return q;
}

export async function countAuditEntries(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')),
    filter,
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; entries written in the same millisecond keep their insertion order reversed. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  limit: number,
  offset: number,
): Promise<AuditEntry[]> {
  return applyFilter(db.selectFrom('auditLog').selectAll(), filter)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
