import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Portable column conventions (see docs/decisions/0002-portable-schema.md):
 * - dates are ISO text 'yyyy-MM-dd', timestamps ISO text with 'Z'; both compare correctly as strings;
 * - booleans are integers 0/1, and a nullable integer is a tri-state flag (null = unknown);
 * - ids are auto-increment integers.
 */

export type AdminLevel = 'province' | 'district' | 'commune' | 'hamlet';

export interface AdminUnitsTable {
  id: Generated<number>;
  level: AdminLevel;
  /** Official statistics-office code; null for hamlets, whose codes are local. */
  code: string | null;
  /** Hamlet code chosen by the ward, unique under its parent. */
  localCode: string | null;
  /** Current (latest) name, type and parent; history lives in admin_unit_periods. */
  name: string;
  nameFolded: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  isDemo: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

/** Each span of time during which a unit had one name, type and parent. Periods of a unit never overlap. */
export interface AdminUnitPeriodsTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  nameFolded: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  /** Why this period began: created, renamed, type_changed, moved. */
  reason: string;
}

export interface UnitLineageTable {
  id: Generated<number>;
  fromUnitId: number;
  toUnitId: number;
  mergeType: 'full' | 'partial';
  effectiveDate: string;
  note: string | null;
}

export type Role = 'city_admin' | 'commune_officer' | 'hamlet_head' | 'team_member' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  locale: string;
  isActive: number;
  mustChangePassword: number;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserScopesTable {
  userId: number;
  unitId: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, so a leaked table does not leak live sessions. */
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface Database {
  adminUnits: AdminUnitsTable;
  adminUnitPeriods: AdminUnitPeriodsTable;
  unitLineage: UnitLineageTable;
  users: UsersTable;
  userScopes: UserScopesTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
}

export type AdminUnit = Selectable<AdminUnitsTable>;
export type NewAdminUnit = Insertable<AdminUnitsTable>;
export type AdminUnitUpdate = Updateable<AdminUnitsTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
