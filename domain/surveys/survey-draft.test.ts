import { describe, expect, it } from 'vitest';
import { RESIDENT_FLAGS, SurveySubmissionSchema } from './schemas.js';
import {
  draftFromHousehold,
  emptyDraft,
  newMember,
  submissionOf,
  validateDraft,
  type Draft,
  type HouseholdSnapshot,
  type MemberSnapshot,
} from './survey-draft.js';

const TODAY = '2026-11-28';
const VISITED_AT = '2026-11-28T09:30:00+07:00';

function member(uid: string, overrides: Partial<MemberSnapshot> = {}): MemberSnapshot {
  const flags = Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, null])) as Pick<
    MemberSnapshot,
    (typeof RESIDENT_FLAGS)[number]
  >;
  return {
    uid,
    fullName: `Người ${uid}`,
    birthYear: 1990,
    birthDate: null,
    sex: 'female',
    residency: 'permanent',
    isHead: false,
    vneidLevel: null,
    ...flags,
    ...overrides,
  };
}

function household(members: MemberSnapshot[]): HouseholdSnapshot {
  return {
    uid: 'hh-1',
    version: '2026-01-01T00:00:00.000Z',
    hamletId: 21,
    localCode: 'H0001',
    address: 'Số 1',
    street: null,
    residency: 'permanent',
    fixedBroadband: true,
    mobileBroadband: null,
    inDigitalChannel: null,
    reachedByOutreach: null,
    members,
  };
}

const base = () => draftFromHousehold(household([member('a', { isHead: true }), member('b')]));

function withMember(d: Draft, index: number, patch: Partial<Draft['members'][number]>): Draft {
  return { ...d, members: d.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) };
}

describe('validateDraft', () => {
  it('accepts a household exactly as the server sent it', () => {
    const result = validateDraft(base(), TODAY);
    expect(result.errors).toEqual({});
    expect(result.household?.members).toHaveLength(2);
  });

  it.each([
    ['an empty name', { fullName: '  ' }, 'members.1.fullName', 'required'],
    ['a missing birth year', { birthYear: null }, 'members.1.birthYear', 'birth_year_invalid'],
    ['a birth year in the future', { birthYear: 2027 }, 'members.1.birthYear', 'birth_year_in_future'],
    ['a birth year over 120 years ago', { birthYear: 1900 }, 'members.1.birthYear', 'birth_year_implausible'],
    ['a second head', { isHead: true }, 'members.1.isHead', 'more_than_one_head'],
    [
      'using online services without an account',
      { canUseOnlinePublicService: true, onlinePublicServiceAccount: false },
      'members.1.canUseOnlinePublicService',
      'needs_online_public_service_account',
    ],
  ] as const)('names the field for %s', (_name, patch, path, code) => {
    const result = validateDraft(withMember(base(), 1, patch), TODAY);
    expect(result.household).toBeUndefined();
    expect(result.errors[path]).toBe(code);
  });

  it('asks for a local code on a new household', () => {
    const result = validateDraft(emptyDraft(21), TODAY);
    expect(result.errors.localCode).toBe('required');
  });
});

describe('submissionOf', () => {
  it('sends only the visit when nothing about the household changed', () => {
    const original = base();
    const draft = { ...base(), visit: { outcome: 'nobody_home' as const, support: [], note: ' ' } };
    const { household } = validateDraft(draft, TODAY);
    const submission = submissionOf(draft, original, household!, 'client-0001', VISITED_AT);
    expect(submission.household).toBeUndefined();
    expect(submission.visit).toEqual({
      outcome: 'nobody_home',
      visitedAt: VISITED_AT,
      support: [],
      note: null,
    });
    expect(SurveySubmissionSchema.safeParse(submission).success).toBe(true);
  });

  it('sends the whole household with its base version when an answer changed', () => {
    const original = base();
    const draft = withMember(base(), 1, { digitalPaymentAccount: true });
    const { household } = validateDraft(draft, TODAY);
    const submission = submissionOf(draft, original, household!, 'client-0002', VISITED_AT);
    expect(submission).toMatchObject({
      householdUid: 'hh-1',
      baseVersion: original.baseVersion,
      overwrite: false,
    });
    expect(submission.household?.members[1]).toMatchObject({ uid: 'b', digitalPaymentAccount: true });
    expect(SurveySubmissionSchema.safeParse(submission).success).toBe(true);
  });

  it('lists a removed member with the reason and adds a newborn without a uid', () => {
    const original = base();
    const born = { ...newMember('permanent', 'tmp-key'), fullName: 'Bé Mới', birthYear: 2026 };
    const draft: Draft = {
      ...base(),
      members: [base().members[0], born],
      removed: [{ uid: 'b', fullName: 'Người b', reason: 'moved_away' }],
    };
    const { household } = validateDraft(draft, TODAY);
    const submission = submissionOf(draft, original, household!, 'client-0003', VISITED_AT);
    expect(submission.removedMembers).toEqual([{ uid: 'b', reason: 'moved_away' }]);
    expect(submission.household?.members.map((m) => m.uid)).toEqual(['a', undefined]);
    expect(SurveySubmissionSchema.safeParse(submission).success).toBe(true);
  });
});
