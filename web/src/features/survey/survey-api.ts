import { api } from '../../api/client';
import type { BatchResult, HouseholdPage, HouseholdView, SurveySubmission } from './survey-types';

/** The list is fetched whole (one page of up to PAGE_SIZE) so the service worker can keep it for offline use. */
export const PAGE_SIZE = 200;

export const surveyKeys = {
  all: ['survey'] as const,
  households: (hamletId: number, mine: boolean, q: string) =>
    ['survey', 'households', hamletId, mine, q] as const,
  household: (uid: string) => ['survey', 'household', uid] as const,
};

export function fetchHouseholds(hamletId: number, mine: boolean, q: string): Promise<HouseholdPage> {
  return api.get(`/api/hamlets/${hamletId}/households`, {
    assignedTo: mine ? 'me' : undefined,
    q: q || undefined,
    page: 1,
    pageSize: PAGE_SIZE,
  });
}

export async function fetchHousehold(uid: string): Promise<HouseholdView> {
  const reply = await api.get<{ household: HouseholdView }>(`/api/households/${encodeURIComponent(uid)}`);
  return reply.household;
}

/** One round trip for the whole queue; the server applies each submission in its own transaction. */
export async function postSubmissionBatch(submissions: SurveySubmission[]): Promise<BatchResult[]> {
  const reply = await api.post<{ results: BatchResult[] }>('/api/survey-submissions/batch', { submissions });
  return reply.results;
}
