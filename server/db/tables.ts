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

/*
 * Survey tables (migration 0002): system-versioned. Every row is one version of the record `uid`; `validTo` null
 * marks the current version. Flags typed `TriState` are 1 yes, 0 no, null unknown.
 */
export type TriState = number | null;
export type Residency = 'permanent' | 'temporary';
export type Sex = 'male' | 'female';
export type BusinessKind = 'shop' | 'household_business' | 'farm' | 'cooperative' | 'other';

/** Bookkeeping shared by every versioned survey table. */
export interface VersionColumns {
  id: Generated<number>;
  /** Stable record id, the same across versions. */
  uid: string;
  hamletId: number;
  /** ISO timestamp when this version was recorded. */
  validFrom: string;
  /** ISO timestamp when it was superseded or deleted; null = current. */
  validTo: string | null;
  changedBy: number | null;
  changeNote: string | null;
}

export interface HouseholdsTable extends VersionColumns {
  /** The hamlet's own household code, unique among current households of the hamlet. */
  localCode: string;
  address: string | null;
  street: string | null;
  residency: Residency;
  fixedBroadband: TriState;
  mobileBroadband: TriState;
  inDigitalChannel: TriState;
  reachedByOutreach: TriState;
}

export interface ResidentsTable extends VersionColumns {
  householdUid: string;
  fullName: string;
  birthYear: number;
  birthDate: string | null;
  /** birthDate, or `${birthYear}-01-01` when only the year is known; what age rules compare against. */
  birthKey: string;
  sex: Sex;
  residency: Residency;
  isHead: Generated<number>;
  /** VNeID account level 0, 1 or 2; null unknown. */
  vneidLevel: number | null;
  onlinePublicServiceAccount: TriState;
  canUseOnlinePublicService: TriState;
  digitalPaymentAccount: TriState;
  smartDevice: TriState;
  telehealthInformed: TriState;
  onlineMedicalBooking: TriState;
  digitalSkillsCoached: TriState;
  electronicHealthRecord: TriState;
}

export interface BusinessesTable extends VersionColumns {
  name: string;
  kind: BusinessKind;
  acceptsCashless: TriState;
  ecommerceEligible: TriState;
  listedOnline: TriState;
  /** Platform names, comma-separated. */
  platforms: string | null;
  /** OCOP stars 1..5, null when not certified. */
  ocopStars: number | null;
  traceability: TriState;
  isFarmProduct: Generated<number>;
}

export interface WifiPointsTable extends VersionColumns {
  name: string;
  lat: number;
  lng: number;
  isWorking: TriState;
  provider: string | null;
}

export interface HamletFactsTable extends VersionColumns {
  factKey: string;
  valueBool: TriState;
  valueNum: number | null;
  /** Free text, e.g. the decision number and date. */
  evidence: string | null;
  decisionNo: string | null;
  /** ISO date. */
  decisionDate: string | null;
  /** JSON array of names (the digital team's members). */
  members: string | null;
}

export interface Database {
  adminUnits: AdminUnitsTable;
  adminUnitPeriods: AdminUnitPeriodsTable;
  unitLineage: UnitLineageTable;
  users: UsersTable;
  userScopes: UserScopesTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  businesses: BusinessesTable;
  wifiPoints: WifiPointsTable;
  hamletFacts: HamletFactsTable;
  criteriaSets: CriteriaSetsTable;
  assessments: AssessmentsTable;
  pilotHamlets: PilotHamletsTable;
  settings: SettingsTable;
  surveySubmissions: SurveySubmissionsTable;
  householdVisits: HouseholdVisitsTable;
  digitalTeams: DigitalTeamsTable;
  digitalTeamMembers: DigitalTeamMembersTable;
  householdAssignments: HouseholdAssignmentsTable;
  outreachSessions: OutreachSessionsTable;
  outreachSessionHamlets: OutreachSessionHamletsTable;
  outreachSessionHouseholds: OutreachSessionHouseholdsTable;
  evaluationRounds: EvaluationRoundsTable;
  evaluationRoundWards: EvaluationRoundWardsTable;
  evaluationSubmissions: EvaluationSubmissionsTable;
  evaluationRoundHamlets: EvaluationRoundHamletsTable;
  evaluationEvidence: EvaluationEvidenceTable;
}

export interface CriteriaSetsTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  effectiveFrom: string;
  /** The whole definition as JSON, validated by domain/criteria's schema before it is stored. */
  definition: string;
  status: 'draft' | 'published';
  createdBy: number | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface AssessmentsTable {
  id: Generated<number>;
  unitId: number;
  assessmentDate: string;
  criteriaSetId: number;
  /** Hash of the inputs (counters, facts, criteria version); the same inputs never make a second snapshot. */
  fingerprint: string;
  meetsStandard: number;
  met: number;
  applicable: number;
  result: string;
  counters: string;
  computedAt: string;
  computedBy: number | null;
}

export interface PilotHamletsTable {
  hamletId: number;
  wardId: number;
  markedBy: number | null;
  markedAt: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
}

export type AdminUnit = Selectable<AdminUnitsTable>;
export type NewAdminUnit = Insertable<AdminUnitsTable>;
export type AdminUnitUpdate = Updateable<AdminUnitsTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;

/* Community digital teams, assignments and outreach sessions (migration 0005-teams). */
export interface DigitalTeamsTable {
  id: Generated<number>;
  hamletId: number;
  decisionNo: string | null;
  /** ISO date of the founding decision. */
  decisionDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DigitalTeamMembersTable {
  id: Generated<number>;
  teamId: number;
  userId: number;
  /** ISO timestamps; leftAt null = still a member. */
  joinedAt: string;
  leftAt: string | null;
}

export interface HouseholdAssignmentsTable {
  id: Generated<number>;
  householdUid: string;
  hamletId: number;
  memberUserId: number;
  assignedBy: number | null;
  assignedAt: string;
}

export type OutreachKind = 'outreach' | 'training' | 'support_day';

export interface OutreachSessionsTable {
  id: Generated<number>;
  /** ISO date. */
  heldOn: string;
  kind: OutreachKind;
  topic: string;
  attendees: number;
  createdBy: number | null;
  createdAt: string;
}

export interface OutreachSessionHamletsTable {
  sessionId: number;
  hamletId: number;
}

export interface OutreachSessionHouseholdsTable {
  sessionId: number;
  householdUid: string;
}

/* Offline survey sync and the visit log (migration 0004-survey-sync). */
export interface SurveySubmissionsTable {
  id: Generated<number>;
  /** Made on the phone; a replay with the same id is answered from this row and changes nothing. */
  clientId: string;
  userId: number;
  receivedAt: string;
  status: 'applied';
  householdUid: string | null;
  /** JSON of the household as the submission left it, sent back to replays. */
  result: string | null;
}

export type VisitOutcome = 'visited' | 'nobody_home' | 'refused' | 'moved_away';

export interface HouseholdVisitsTable {
  id: Generated<number>;
  uid: string;
  householdUid: string;
  hamletId: number;
  visitorId: number | null;
  /** ISO timestamp recorded on the phone. */
  visitedAt: string;
  outcome: VisitOutcome;
  /** JSON text array of SUPPORT_KINDS. */
  support: string;
  note: string | null;
  clientId: string | null;
  createdAt: string;
}

/* Evaluation rounds, ward submissions and evidence files (migration 0006-evaluation-rounds). */
export type RoundStatus = 'open' | 'closed' | 'published';
export type SubmissionStatus = 'submitted' | 'returned' | 'approved';

export interface EvaluationRoundsTable {
  id: Generated<number>;
  name: string;
  /** ISO date the pilot hamlets are assessed on. */
  assessmentDate: string;
  criteriaSetId: number;
  /** ISO date; submissions are accepted until the end of that day in Vietnam. */
  deadline: string;
  status: RoundStatus;
  createdBy: number | null;
  createdAt: string;
  closedAt: string | null;
  publishedAt: string | null;
}

export interface EvaluationRoundWardsTable {
  roundId: number;
  wardId: number;
}

export interface EvaluationSubmissionsTable {
  id: Generated<number>;
  roundId: number;
  wardId: number;
  status: SubmissionStatus;
  /** 1 for the first submission, +1 on each resubmission after a return. */
  version: number;
  note: string | null;
  submittedAt: string;
  submittedBy: number | null;
  reviewedAt: string | null;
  reviewedBy: number | null;
  reviewComment: string | null;
}

export interface EvaluationRoundHamletsTable {
  submissionId: number;
  hamletId: number;
  assessmentId: number;
  met: number;
  applicable: number;
  meetsStandard: number;
  totalGap: number;
}

export interface EvaluationEvidenceTable {
  id: Generated<number>;
  roundId: number;
  wardId: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedAt: string;
  uploadedBy: number | null;
}
