import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import type { SurveyContext } from './survey-hamlet.js';
import {
  closeVersion,
  updateVersion,
  type RecordFields,
  type VersionedTable,
  type VersionRow,
} from './versioned.repository.js';

/** What the audit log keeps of a record version: everything but the row id and the bookkeeping of who wrote it. */
export function versionAuditSnapshot<T extends { id: number; changedBy: number | null }>(row: T) {
  const { id: _id, changedBy: _by, ...rest } = row;
  return rest;
}

interface AuditNames {
  /** Audit entity, e.g. 'business'; actions are '<entity>.update' and '<entity>.delete'. */
  entity: string;
  note?: string | null;
}

/**
 * Writes the next version of a record with `changes` and its audit entry in one transaction. `expectedId` is the
 * version the caller read; if another writer replaced it meanwhile, nothing is written (409 SURVEY_WRITE_CONFLICT).
 */
export async function updateAudited<T extends VersionedTable>(
  handle: Db,
  ctx: SurveyContext,
  table: T,
  uid: string,
  changes: Partial<RecordFields<T>>,
  expectedId: number,
  names: AuditNames,
): Promise<VersionRow<T>> {
  const at = ctx.now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const result = await updateVersion(trx, table, uid, changes, {
      actorId: ctx.actor.id,
      at,
      note: names.note ?? null,
    });
    if (!result || (result.before as { id: number }).id !== expectedId)
      throw new AppError('SURVEY_WRITE_CONFLICT');
    await recordAudit(trx, {
      actor: ctx.actor,
      action: `${names.entity}.update`,
      entity: names.entity,
      entityId: uid,
      before: versionAuditSnapshot(result.before as { id: number; changedBy: number | null }),
      after: versionAuditSnapshot(result.after as { id: number; changedBy: number | null }),
      ip: ctx.ip ?? null,
      at,
    });
    return result.after;
  });
}

/** Closes the current version of a record (a removal; its history stays) and audits it, in one transaction. */
export async function closeAudited(
  handle: Db,
  ctx: SurveyContext,
  table: VersionedTable,
  uid: string,
  names: AuditNames,
): Promise<void> {
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const closed = await closeVersion(trx, table, uid, { at });
    if (!closed) throw new AppError('SURVEY_RECORD_NOT_FOUND');
    await recordAudit(trx, {
      actor: ctx.actor,
      action: `${names.entity}.delete`,
      entity: names.entity,
      entityId: uid,
      before: versionAuditSnapshot(closed as { id: number; changedBy: number | null }),
      after: names.note ? { removed: true, note: names.note } : { removed: true },
      ip: ctx.ip ?? null,
      at,
    });
  });
}
