import { api, apiRequest } from '../../api/client';
import type { UnitDetail, UnitSummary } from '../../api/types';
import type { AssignmentInput, OutreachSessionInput, TeamInput } from '../../../../domain/surveys/teams';

/*
 * Typed calls for the community digital team pages (issue 4 §1, §4). Shapes mirror the HTTP contract of
 * issue 4 (docs: /api/docs) until the server publishes its zod schemas in domain/.
 */

export interface TeamMember {
  userId: number;
  displayName: string;
  username: string;
  joinedAt: string;
  leftAt: string | null;
}

export interface Team {
  id: number;
  decisionNo: string | null;
  decisionDate: string | null;
  members: TeamMember[];
}

export interface TeamReply {
  team: Team | null;
  abilities: { canEdit: boolean };
}

export interface CoverageCounts {
  assigned: number;
  visited: number;
  lastVisitAt: string | null;
}

export interface Coverage {
  hamlet: CoverageCounts & { households: number };
  members: Array<CoverageCounts & { userId: number; displayName: string }>;
  neverVisited: Array<{
    uid: string;
    localCode: string;
    address: string | null;
    street: string | null;
    assignedTo: { userId: number; displayName: string } | null;
  }>;
}

export const OUTREACH_KINDS = ['outreach', 'training', 'support_day'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

export interface OutreachSession {
  id: number;
  heldOn: string;
  kind: OutreachKind;
  topic: string;
  attendees: number;
  createdByName: string | null;
  hamletIds: number[];
  householdUids: string[];
}

/** The few household fields the assignment picker needs (GET /hamlets/:id/households). */
export interface HouseholdRow {
  uid: string;
  localCode: string;
  address: string | null;
  street: string | null;
  assignedTo: { userId: number; displayName: string } | null;
}

export interface UserOption {
  id: number;
  username: string;
  displayName: string;
  role: string;
}

export const teamKeys = {
  hamlet: (id: number) => ['hamlets', id] as const,
  team: (id: number) => ['hamlets', id, 'team'] as const,
  coverage: (id: number) => ['hamlets', id, 'coverage'] as const,
  outreach: (id: number) => ['hamlets', id, 'outreach'] as const,
  households: (id: number, q: string, page: number) => ['hamlets', id, 'households', q, page] as const,
  myHamlets: ['hamlets', 'mine'] as const,
};

export function fetchHamlet(id: number): Promise<UnitDetail> {
  return api.get(`/api/units/${id}`);
}

/** Hamlets below a unit today; a hamlet-level scope unit is its own only hamlet. */
export function fetchHamletsUnder(unitId: number): Promise<{ items: UnitSummary[] }> {
  return api.get(`/api/units/${unitId}/descendants`, { level: 'hamlet' });
}

export function fetchTopUnits(): Promise<{ items: UnitSummary[] }> {
  return api.get('/api/units/tree');
}

export function fetchTeam(hamletId: number): Promise<TeamReply> {
  return api.get(`/api/hamlets/${hamletId}/team`);
}

export function saveTeam(hamletId: number, body: TeamInput) {
  return apiRequest<unknown>(`/api/hamlets/${hamletId}/team`, { method: 'PUT', body });
}

export function addTeamMember(hamletId: number, userId: number) {
  return api.post<unknown>(`/api/hamlets/${hamletId}/team/members`, { userId });
}

export function leaveTeam(hamletId: number, userId: number) {
  return api.post<unknown>(`/api/hamlets/${hamletId}/team/members/${userId}/leave`);
}

/** City admins only (GET /api/users); other roles type a user id instead. */
export function searchUsers(q: string): Promise<{ items: UserOption[] }> {
  return api.get('/api/users', { q, pageSize: 20 });
}

export function assignHouseholds(hamletId: number, body: AssignmentInput): Promise<{ assigned: number }> {
  return api.post(`/api/hamlets/${hamletId}/assignments`, body);
}

export function unassignHousehold(hamletId: number, householdUid: string) {
  return apiRequest<unknown>(`/api/hamlets/${hamletId}/assignments/${encodeURIComponent(householdUid)}`, {
    method: 'DELETE',
  });
}

export function fetchHouseholds(
  hamletId: number,
  q: string,
  page: number,
  pageSize: number,
): Promise<{ items: HouseholdRow[]; total: number }> {
  return api.get(`/api/hamlets/${hamletId}/households`, { q, page, pageSize });
}

export function fetchCoverage(hamletId: number): Promise<Coverage> {
  return api.get(`/api/hamlets/${hamletId}/coverage`);
}

export function fetchOutreach(
  hamletId: number,
): Promise<{ items: OutreachSession[]; abilities: { canCreate: boolean } }> {
  return api.get(`/api/hamlets/${hamletId}/outreach-sessions`);
}

export function createOutreach(hamletId: number, body: OutreachSessionInput) {
  return api.post<unknown>(`/api/hamlets/${hamletId}/outreach-sessions`, body);
}
