import type { Db } from '../../db/database.js';
import type { AuditEntry } from '../../db/tables.js';
import type { Actor } from '../../policies/actor.js';
import { requireRole } from '../../policies/actor.js';
import { countAuditEntries, listAuditEntries } from './audit.repository.js';
import type { AuditEntryView, AuditList, AuditQuery } from './audit.schemas.js';

/** Vietnam keeps UTC+7 all year (no daylight saving), so a Vietnamese calendar day has fixed UTC bounds. */
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The UTC instant a `from`/`to` filter stands for. A day ('yyyy-MM-dd') is a Vietnamese calendar day: `from`
 * starts at its 00:00 in Vietnam, `to` ends at its 24:00 (exclusive). An exact timestamp is taken as given, `to`
 * inclusive (hence + 1 ms, as the bound is exclusive).
 */
export function auditBound(value: string, edge: 'from' | 'to'): string {
  if (ISO_DATE.test(value)) {
    const dayStart = Date.parse(`${value}T00:00:00.000Z`) - VIETNAM_UTC_OFFSET_MS;
    return new Date(edge === 'from' ? dayStart : dayStart + DAY_MS).toISOString();
  }
  const instant = Date.parse(value);
  return new Date(edge === 'from' ? instant : instant + 1).toISOString();
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    // An entry written by hand or by an older version: show it rather than fail the whole page.
    return text;
  }
}

function toView(entry: AuditEntry): AuditEntryView {
  return { ...entry, before: parseJson(entry.before), after: parseJson(entry.after) };
}

/** One page of the audit log, newest first. City admins only. */
export async function listAudit(handle: Db, actor: Actor | null, query: AuditQuery): Promise<AuditList> {
  requireRole(actor, 'city_admin');
  const filter = {
    entity: query.entity,
    entityId: query.entityId,
    actorId: query.actorId,
    action: query.action,
    fromAt: query.from === undefined ? undefined : auditBound(query.from, 'from'),
    toAt: query.to === undefined ? undefined : auditBound(query.to, 'to'),
  };
  const [total, rows] = await Promise.all([
    countAuditEntries(handle.db, filter),
    listAuditEntries(handle.db, filter, query.pageSize, (query.page - 1) * query.pageSize),
  ]);
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}
