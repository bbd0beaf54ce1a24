/*
 * Reply shapes of the API. Where domain/ publishes the zod schema, the type is inferred from it (type-only
 * imports, so zod itself is not bundled on their account); the rest mirrors the published contract (/api/docs).
 */
import type { UnitLevel } from '../../../domain/admin-units/constants';
import type { UnitDetail, UnitLineage, UnitPeriod, UnitSummary } from '../../../domain/admin-units/schemas';
import type { Me, ScopeUnit, UserRecord } from '../../../domain/users/schemas';
import type { RoleId } from '../../../domain/users/roles';

export type { Me, ScopeUnit, UnitDetail, UnitLevel, UnitLineage, UnitPeriod, UnitSummary };
export type Role = RoleId;
export type UserRow = UserRecord;
export type LineageLink = UnitLineage['predecessors'][number];
export type MergeType = LineageLink['mergeType'];

export interface Page<T> {
  items: T[];
  total: number;
}

/** One audit entry as GET /api/audit returns it (server/features/audit/audit.schemas.ts). */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
