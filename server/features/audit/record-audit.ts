import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Actor } from '../../policies/actor.js';

export interface AuditInput {
  actor: Pick<Actor, 'id' | 'username'> | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: string;
}

/** The INSERT of one audit entry, to run (recordAudit) or to compile for a connection Kysely does not drive. */
export function auditInsert(db: Kysely<Database>, input: AuditInput) {
  return db.insertInto('auditLog').values({
    at: input.at,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.username ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    ip: input.ip ?? null,
  });
}

/**
 * Writes one audit entry. Call it inside the same transaction as the change, so a rolled-back change leaves no
 * entry and a committed change always has one.
 */
export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await auditInsert(db, input).execute();
}
