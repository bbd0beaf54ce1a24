/*
 * The offline survey form's working copy of one household, and the submission built from it. Pure, so the phone
 * runs it with no network and the tests run it table by table. Validation is the shared zod schema and
 * plausibility check, exactly what the server applies, so nothing the server would refuse is queued.
 */
import {
  checkHouseholdPlausibility,
  HouseholdInputSchema,
  HOUSEHOLD_FLAGS,
  REMOVAL_REASONS,
  RESIDENT_FLAGS,
  SUPPORT_KINDS,
  VISIT_OUTCOMES,
  type HouseholdInput,
  type ResidentFlag,
  type HouseholdFlag,
  type TriState,
  type SurveySubmission,
} from './schemas.js';

/** A member as the households API returns them (only what the form needs). */
export type MemberSnapshot = {
  uid: string;
  fullName: string;
  birthYear: number;
  birthDate: string | null;
  sex: 'male' | 'female';
  residency: 'permanent' | 'temporary';
  isHead: boolean;
  vneidLevel: number | null;
} & { [K in ResidentFlag]: TriState };

/** A household as the households API returns it (HouseholdView), reduced to what the form edits. */
export type HouseholdSnapshot = {
  uid: string;
  version: string;
  hamletId: number;
  localCode: string;
  address: string | null;
  street: string | null;
  residency: 'permanent' | 'temporary';
  members: MemberSnapshot[];
} & { [K in HouseholdFlag]: TriState };

export type RemovalReason = (typeof REMOVAL_REASONS)[number];
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export type DraftMember = {
  /** Stable key for React; equals uid for existing members. */
  key: string;
  uid?: string;
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  sex: 'male' | 'female';
  residency: 'permanent' | 'temporary';
  isHead: boolean;
  vneidLevel: 0 | 1 | 2 | null;
} & { [K in ResidentFlag]: TriState };

export type Draft = {
  householdUid?: string;
  baseVersion: string | null;
  hamletId: number;
  localCode: string;
  address: string;
  street: string;
  residency: 'permanent' | 'temporary';
  members: DraftMember[];
  removed: Array<{ uid: string; fullName: string; reason: RemovalReason }>;
  visit: { outcome: VisitOutcome; support: SupportKind[]; note: string };
} & { [K in HouseholdFlag]: TriState };

function memberFromView(m: MemberSnapshot): DraftMember {
  const flags = Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, m[f] ?? null])) as Record<
    ResidentFlag,
    TriState
  >;
  return {
    key: m.uid,
    uid: m.uid,
    fullName: m.fullName,
    birthYear: m.birthYear,
    birthDate: m.birthDate ?? null,
    sex: m.sex,
    residency: m.residency,
    isHead: m.isHead,
    vneidLevel: m.vneidLevel === 0 || m.vneidLevel === 1 || m.vneidLevel === 2 ? m.vneidLevel : null,
    ...flags,
  };
}

/** The form's starting point: the household as the server last sent it, with a default visit (met). */
export function draftFromHousehold(h: HouseholdSnapshot): Draft {
  const flags = Object.fromEntries(HOUSEHOLD_FLAGS.map((f) => [f, h[f] ?? null])) as Record<
    HouseholdFlag,
    TriState
  >;
  return {
    householdUid: h.uid,
    baseVersion: h.version,
    hamletId: h.hamletId,
    localCode: h.localCode,
    address: h.address ?? '',
    street: h.street ?? '',
    residency: h.residency,
    members: h.members.map(memberFromView),
    removed: [],
    visit: { outcome: 'visited', support: [], note: '' },
    ...flags,
  };
}

/** A household new to the register. */
export function emptyDraft(hamletId: number): Draft {
  return {
    baseVersion: null,
    hamletId,
    localCode: '',
    address: '',
    street: '',
    residency: 'permanent',
    members: [],
    removed: [],
    visit: { outcome: 'visited', support: [], note: '' },
    fixedBroadband: null,
    mobileBroadband: null,
    inDigitalChannel: null,
    reachedByOutreach: null,
  };
}

/** A person joining the household (newborn, moved in): every answer unknown, birth year to be filled in. */
export function newMember(residency: 'permanent' | 'temporary', key: string): DraftMember {
  const flags = Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, null])) as Record<ResidentFlag, TriState>;
  return {
    key,
    fullName: '',
    birthYear: null,
    birthDate: null,
    sex: 'female',
    residency,
    isHead: false,
    vneidLevel: null,
    ...flags,
  };
}

/** The household part of the draft, in the shape HouseholdInputSchema parses (before parsing). */
function householdInputOf(d: Draft): Record<string, unknown> {
  return {
    localCode: d.localCode,
    address: d.address.trim() || null,
    street: d.street.trim() || null,
    residency: d.residency,
    ...Object.fromEntries(HOUSEHOLD_FLAGS.map((f) => [f, d[f]])),
    members: d.members.map(({ key: _key, uid, birthYear, ...rest }) => ({
      ...(uid ? { uid } : {}),
      ...rest,
      // A missing year fails the schema's number check, which the form shows next to the field.
      birthYear: birthYear ?? Number.NaN,
    })),
  };
}

/** Field errors keyed by path ("members.2.birthYear"), as message codes the locale file translates. */
export type FieldErrors = Record<string, string>;

function messageCode(issue: { code: string; message: string; path: PropertyKey[] }): string {
  if (issue.code === 'custom') return issue.message;
  const field = String(issue.path[issue.path.length - 1] ?? '');
  if (field === 'fullName' || field === 'localCode') return 'required';
  if (field === 'birthYear') return 'birth_year_invalid';
  return 'invalid';
}

/**
 * Checks the draft as the server will: HouseholdInputSchema (names, birth years, one head, flag dependencies) then
 * checkHouseholdPlausibility on `today` (yyyy-MM-dd). Returns field errors, or the parsed household when clean.
 */
export function validateDraft(d: Draft, today: string): { errors: FieldErrors; household?: HouseholdInput } {
  const errors: FieldErrors = {};
  const parsed = HouseholdInputSchema.safeParse(householdInputOf(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= messageCode(issue);
    }
    return { errors };
  }
  for (const issue of checkHouseholdPlausibility(parsed.data, today))
    errors[issue.path.join('.')] ??= issue.message;
  return Object.keys(errors).length > 0 ? { errors } : { errors, household: parsed.data };
}

/** True when the member changed anything about the household itself (not only recorded a visit). */
export function householdChanged(original: Draft | null, d: Draft): boolean {
  if (!original || !original.householdUid) return true;
  if (d.removed.length > 0) return true;
  const strip = (x: Draft) => JSON.stringify(householdInputOf(x));
  return strip(original) !== strip(d);
}

/** The queued submission: the household only when it changed, the visit always. */
export function submissionOf(
  d: Draft,
  original: Draft | null,
  household: HouseholdInput,
  clientId: string,
  visitedAt: string,
): SurveySubmission {
  const note = d.visit.note.trim();
  return {
    clientId,
    hamletId: d.hamletId,
    ...(d.householdUid ? { householdUid: d.householdUid } : {}),
    baseVersion: d.baseVersion,
    ...(householdChanged(original, d) ? { household } : {}),
    removedMembers: d.removed.map(({ uid, reason }) => ({ uid, reason })),
    visit: { outcome: d.visit.outcome, visitedAt, support: d.visit.support, note: note || null },
    overwrite: false,
  };
}
