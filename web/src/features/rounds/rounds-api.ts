import { api, apiRequest, buildUrl, uploadWithProgress } from '../../api/client';
import type { UnitSummary } from '../../api/types';
import { listCriteriaSets } from '../criteria-sets/criteria-sets-api';
import type { AwardRow, RankRow } from '../../../../domain/evaluation-rounds/ranking';
import type { CreateRoundInput } from '../../../../domain/evaluation-rounds/round-input';

export type { AwardRow, CreateRoundInput, RankRow };

/*
 * Typed calls for evaluation rounds (issue 5 §6-7). Shapes follow the rounds API contract (see /api/docs);
 * the evidence upload goes through XMLHttpRequest because only XHR reports upload progress.
 */

export type RoundStatus = 'open' | 'closed' | 'published';
export type SubmissionStatus = 'submitted' | 'returned' | 'approved';
export type TimelineKind =
  | 'opened'
  | 'submitted'
  | 'returned'
  | 'resubmitted'
  | 'approved'
  | 'closed'
  | 'published'
  | 'evidence_added'
  | 'evidence_removed';

export interface RoundSummary {
  id: number;
  name: string;
  assessmentDate: string;
  criteriaSetId: number;
  criteriaSetName: string;
  deadline: string;
  status: RoundStatus;
  wardCount: number;
  submittedCount: number;
  approvedCount: number;
  createdAt: string;
}

export interface Evidence {
  id: number;
  filename: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export interface FrozenHamlet {
  hamletId: number;
  hamletName: string;
  assessmentId: number;
  met: number;
  applicable: number;
  meetsStandard: boolean;
  totalGap: number;
}

export interface Submission {
  id: number;
  status: SubmissionStatus;
  version: number;
  /** The officer's note sent with the submission. */
  note: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  hamlets: FrozenHamlet[];
  evidence: Evidence[];
}

export interface RoundWard {
  wardId: number;
  wardName: string;
  submission: Submission | null;
  /** The ward's evidence, also before its first submission. */
  evidence: Evidence[];
}

export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  actorName: string | null;
  wardId: number | null;
  wardName: string | null;
  comment: string | null;
}

export interface RoundDetail extends RoundSummary {
  closedAt: string | null;
  publishedAt: string | null;
  wards: RoundWard[];
  timeline: TimelineEvent[];
  canSubmitWardIds: number[];
  canReview: boolean;
  canPublish: boolean;
}

export interface RoundResults {
  published: boolean;
  ranking: RankRow[];
  awards: AwardRow[];
  excludedWards: Array<{ wardId: number; wardName: string; status: 'none' | 'submitted' | 'returned' }>;
}

export interface CriteriaSetOption {
  id: number;
  name: string;
  version: number;
  status: 'draft' | 'published';
  effectiveFrom: string;
}

export const roundKeys = {
  all: ['rounds'] as const,
  list: ['rounds', 'list'] as const,
  detail: (id: number) => ['rounds', 'detail', id] as const,
  results: (id: number) => ['rounds', 'results', id] as const,
  // Outside the 'rounds' prefix: invalidating rounds after a change need not refetch the form's options.
  criteriaSets: ['round-form', 'criteria-sets'] as const,
  wards: ['round-form', 'wards'] as const,
};

const base = (id: number) => `/api/evaluation-rounds/${id}`;
const wardBase = (id: number, wardId: number) => `${base(id)}/wards/${wardId}`;

export function fetchRounds(): Promise<{ items: RoundSummary[] }> {
  return api.get('/api/evaluation-rounds');
}

export function fetchRound(id: number): Promise<{ round: RoundDetail }> {
  return api.get(base(id));
}

export function createRound(input: CreateRoundInput): Promise<{ round: RoundDetail }> {
  return api.post('/api/evaluation-rounds', input);
}

export function submitWard(id: number, wardId: number, note?: string): Promise<{ submission: Submission }> {
  return api.post(`${wardBase(id, wardId)}/submit`, note ? { note } : {});
}

export function returnWard(id: number, wardId: number, comment: string): Promise<{ submission: Submission }> {
  return api.post(`${wardBase(id, wardId)}/return`, { comment });
}

export function approveWard(
  id: number,
  wardId: number,
  comment?: string,
): Promise<{ submission: Submission }> {
  return api.post(`${wardBase(id, wardId)}/approve`, comment ? { comment } : {});
}

export function closeRound(id: number): Promise<{ round: RoundDetail }> {
  return api.post(`${base(id)}/close`);
}

export function publishRound(id: number): Promise<{ round: RoundDetail }> {
  return api.post(`${base(id)}/publish`);
}

export function fetchResults(id: number): Promise<RoundResults> {
  return api.get(`${base(id)}/results`);
}

export function removeEvidence(id: number, wardId: number, evidenceId: number): Promise<{ ok: true }> {
  return apiRequest(`${wardBase(id, wardId)}/evidence/${evidenceId}`, { method: 'DELETE' });
}

export function evidenceUrl(id: number, evidenceId: number): string {
  return `${base(id)}/evidence/${evidenceId}`;
}

export function reportXlsxUrl(id: number, wardId?: number): string {
  return buildUrl(`${base(id)}/report.xlsx`, { wardId });
}

export function reportHtmlUrl(id: number, wardId?: number): string {
  return buildUrl(`${base(id)}/report.html`, { wardId });
}

/** Published sets only: a round scores against a fixed version, never a draft that may still change. */
export async function fetchPublishedCriteriaSets(): Promise<CriteriaSetOption[]> {
  const sets = await listCriteriaSets();
  return sets.filter((set) => set.status === 'published');
}

/** The wards a round can include: the commune-level units of the city admin's tree today. */
export async function fetchWardOptions(): Promise<UnitSummary[]> {
  const reply = await api.get<{ items: UnitSummary[] }>('/api/units/tree');
  const roots = reply.items;
  const wards = roots.filter((unit) => unit.level === 'commune');
  // A province-wide account sees the province first: its communes are one level down.
  const parents = roots.filter((unit) => unit.level === 'province' || unit.level === 'district');
  const below = await Promise.all(
    parents.map((unit) => api.get<{ items: UnitSummary[] }>('/api/units/tree', { parentId: unit.id })),
  );
  for (const list of below) wards.push(...list.items.filter((unit) => unit.level === 'commune'));
  const byId = new Map(wards.map((unit) => [unit.id, unit]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * Sends one evidence file as multipart (field "file"). `onProgress` gets 0..100 while the bytes go up; the
 * server checks the type by its content and the size, and refuses with a localised message.
 */
export function uploadEvidence(
  id: number,
  wardId: number,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ evidence: Evidence }> {
  const body = new FormData();
  body.append('file', file, file.name);
  return uploadWithProgress<{ evidence: Evidence }>(`${wardBase(id, wardId)}/evidence`, body, onProgress);
}
