/*
 * Reply shapes of the survey API (issue 4 contract, server/features/households). The input shapes are the shared
 * zod schemas of domain/surveys/schemas.ts; these mirror what the server sends back.
 */
import type {
  HouseholdFlag,
  ResidentFlag,
  SurveySubmission,
  TriState,
} from '../../../../domain/surveys/schemas';

export type { SurveySubmission, TriState };

export type MemberView = {
  uid: string;
  fullName: string;
  birthYear: number;
  birthDate: string | null;
  sex: 'male' | 'female';
  residency: 'permanent' | 'temporary';
  isHead: boolean;
  vneidLevel: 0 | 1 | 2 | null;
} & { [K in ResidentFlag]: TriState };

export type HouseholdView = {
  uid: string;
  /** The current version's validFrom: sent back as baseVersion so the server can spot concurrent edits. */
  version: string;
  hamletId: number;
  localCode: string;
  address: string | null;
  street: string | null;
  residency: 'permanent' | 'temporary';
  members: MemberView[];
  lastVisit: { outcome: string; visitedAt: string; visitorName: string | null } | null;
  assignedTo: { userId: number; displayName: string } | null;
  abilities: { canEdit: boolean };
} & { [K in HouseholdFlag]: TriState };

export interface HouseholdPage {
  items: HouseholdView[];
  total: number;
  page: number;
  pageSize: number;
  abilities: { canCreate: boolean };
}

export interface SubmissionError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface BatchResult {
  clientId: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  household?: HouseholdView;
  server?: HouseholdView;
  error?: SubmissionError;
}
