import {
  HOUSEHOLD_FLAGS,
  RESIDENT_FLAGS,
  type HouseholdInput,
  type PlausibilityIssue,
  type ResidentInput,
  type SurveySubmission,
} from './schemas.js';

/*
 * What one survey submission changes in a household, computed from the household as it stands and what the team
 * member sent. Pure, so the phone can show "what will change" offline with the same rules the server applies.
 * Only changed values are reported: an unchanged member keeps its version (and its history stays short).
 */

/** A household's own values, as the API shows them (flags true/false/null). */
export type HouseholdValues = Omit<HouseholdInput, 'members'>;
/** A current member: its uid and values. */
export type MemberValues = ResidentInput & { uid: string };

const HOUSEHOLD_KEYS = ['localCode', 'address', 'street', 'residency', ...HOUSEHOLD_FLAGS] as const;
const MEMBER_KEYS = [
  'fullName',
  'birthYear',
  'birthDate',
  'sex',
  'residency',
  'isHead',
  'vneidLevel',
  ...RESIDENT_FLAGS,
] as const;
type MemberKey = (typeof MEMBER_KEYS)[number];

export interface HouseholdDiff {
  householdChanges: Partial<HouseholdValues>;
  changedMembers: Array<{ uid: string; changes: Partial<ResidentInput> }>;
  /** New members (newborn, moved in). */
  addedMembers: ResidentInput[];
  /** Members closed earlier (e.g. by another editor) that the submission brings back under their old uid. */
  revivedMembers: MemberValues[];
  removedMembers: SurveySubmission['removedMembers'];
  /** Problems that need the current data to see (a uid that is not a member); paths are under the submission. */
  issues: PlausibilityIssue[];
}

/** Blank text and absent text are the same answer: "not given". */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

function changed<K extends string>(
  keys: readonly K[],
  current: Partial<Record<K, unknown>>,
  next: Partial<Record<K, unknown>>,
) {
  const out: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    const value = normalise(next[key]);
    if (value !== normalise(current[key])) out[key] = value;
  }
  return out;
}

/**
 * Compares a submission with the household's current values and members (matched by uid). `formerMemberUids`
 * are members of this household that were closed before (moved away, or removed by another editor); a
 * submission naming one of them revives it. Members the submission does not list are left as they are: removal
 * is explicit, with a reason, so a phone with a stale list never deletes anyone by omission.
 */
export function diffHousehold(
  current: {
    household: HouseholdValues | null;
    members: MemberValues[];
    formerMemberUids: ReadonlySet<string>;
  },
  submitted: Pick<SurveySubmission, 'household' | 'removedMembers'>,
): HouseholdDiff {
  const diff: HouseholdDiff = {
    householdChanges: {},
    changedMembers: [],
    addedMembers: [],
    revivedMembers: [],
    removedMembers: [],
    issues: [],
  };
  const byUid = new Map(current.members.map((m) => [m.uid, m]));
  const removed = new Set<string>();
  submitted.removedMembers.forEach((r, i) => {
    if (!byUid.has(r.uid)) diff.issues.push({ path: ['removedMembers', i, 'uid'], message: 'not_a_member' });
    else {
      removed.add(r.uid);
      diff.removedMembers.push(r);
    }
  });
  const input = submitted.household;
  if (!input) return diff;
  const { members, ...values } = input;
  diff.householdChanges = changed(
    HOUSEHOLD_KEYS,
    current.household ?? {},
    values,
  ) as Partial<HouseholdValues>;
  members.forEach((member, i) => {
    if (!member.uid) {
      diff.addedMembers.push(member);
      return;
    }
    if (removed.has(member.uid)) {
      diff.issues.push({ path: ['household', 'members', i, 'uid'], message: 'member_also_removed' });
      return;
    }
    const existing = byUid.get(member.uid);
    if (existing) {
      const changes = changed<MemberKey>(MEMBER_KEYS, existing, member) as Partial<ResidentInput>;
      if (Object.keys(changes).length > 0) diff.changedMembers.push({ uid: member.uid, changes });
    } else if (current.formerMemberUids.has(member.uid)) {
      diff.revivedMembers.push({ ...member, uid: member.uid });
    } else {
      diff.issues.push({ path: ['household', 'members', i, 'uid'], message: 'not_a_member' });
    }
  });
  // The one-head rule over the household as it will be, including members the submission did not list.
  const listed = new Set(members.flatMap((m) => (m.uid ? [m.uid] : [])));
  const unlistedHeads = current.members.filter((m) => m.isHead && !listed.has(m.uid) && !removed.has(m.uid));
  const headIndex = members.findIndex((m) => m.isHead);
  if (headIndex >= 0 && unlistedHeads.length > 0) {
    diff.issues.push({ path: ['household', 'members', headIndex, 'isHead'], message: 'more_than_one_head' });
  }
  return diff;
}

/** True when the diff writes nothing to the household or its members. */
export function isEmptyDiff(diff: HouseholdDiff): boolean {
  return (
    Object.keys(diff.householdChanges).length === 0 &&
    diff.changedMembers.length === 0 &&
    diff.addedMembers.length === 0 &&
    diff.revivedMembers.length === 0 &&
    diff.removedMembers.length === 0
  );
}
