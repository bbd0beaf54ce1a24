import { describe, expect, it } from 'vitest';
import { diffHousehold, isEmptyDiff, type HouseholdValues, type MemberValues } from './household-diff.js';
import { HouseholdInputSchema, type HouseholdInput } from './schemas.js';

const household: HouseholdValues = {
  localCode: 'KL-1',
  address: '1 Lê Lợi',
  street: null,
  residency: 'permanent',
  fixedBroadband: null,
  mobileBroadband: true,
  inDigitalChannel: null,
  reachedByOutreach: null,
};
const member = (uid: string, over: Partial<MemberValues> = {}): MemberValues => ({
  uid,
  fullName: `Người ${uid}`,
  birthYear: 1980,
  birthDate: null,
  sex: 'female',
  residency: 'permanent',
  isHead: false,
  vneidLevel: null,
  onlinePublicServiceAccount: null,
  canUseOnlinePublicService: null,
  digitalPaymentAccount: null,
  smartDevice: null,
  telehealthInformed: null,
  onlineMedicalBooking: null,
  digitalSkillsCoached: null,
  electronicHealthRecord: null,
  ...over,
});
const current = {
  household,
  members: [member('a', { isHead: true }), member('b')],
  formerMemberUids: new Set(['z']),
};
/** What a phone sends: the household parsed by the shared schema (defaults filled in). */
const input = (over: Partial<HouseholdInput> = {}): HouseholdInput =>
  HouseholdInputSchema.parse({
    ...household,
    address: '1 Lê Lợi',
    street: '',
    members: current.members,
    ...over,
  });

describe('diffHousehold', () => {
  it('finds nothing to write when the phone sends the household unchanged (blank text = not given)', () => {
    const diff = diffHousehold(current, { household: input(), removedMembers: [] });
    expect(diff.issues).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('reports only the changed values of a changed member', () => {
    const members = [current.members[0], { ...current.members[1], digitalPaymentAccount: true }];
    const diff = diffHousehold(current, { household: input({ members }), removedMembers: [] });
    expect(diff.changedMembers).toEqual([{ uid: 'b', changes: { digitalPaymentAccount: true } }]);
    expect(diff.householdChanges).toEqual({});
  });

  it('adds members without uid, revives former members and removes with a reason', () => {
    const members = [
      current.members[0],
      member('z'),
      { ...member('new'), uid: undefined },
    ] as HouseholdInput['members'];
    const diff = diffHousehold(current, {
      household: input({ members }),
      removedMembers: [{ uid: 'b', reason: 'died' }],
    });
    expect(diff.addedMembers.map((m) => m.fullName)).toEqual(['Người new']);
    expect(diff.revivedMembers.map((m) => m.uid)).toEqual(['z']);
    expect(diff.removedMembers).toEqual([{ uid: 'b', reason: 'died' }]);
    expect(diff.issues).toEqual([]);
  });

  it.each([
    [
      'a uid that never belonged to the household',
      { members: [member('stranger')] },
      [],
      ['household', 'members', 0, 'uid'],
      'not_a_member',
    ],
    [
      'removing a non-member',
      {},
      [{ uid: 'stranger', reason: 'moved_away' as const }],
      ['removedMembers', 0, 'uid'],
      'not_a_member',
    ],
    [
      'editing and removing the same member',
      {},
      [{ uid: 'b', reason: 'moved_away' as const }],
      ['household', 'members', 1, 'uid'],
      'member_also_removed',
    ],
    [
      'a second head next to an unlisted head',
      { members: [member('b', { isHead: true })] },
      [],
      ['household', 'members', 0, 'isHead'],
      'more_than_one_head',
    ],
  ])('flags %s', (_label, over, removedMembers, path, message) => {
    const diff = diffHousehold(current, {
      household: input(over as Partial<HouseholdInput>),
      removedMembers,
    });
    expect(diff.issues).toEqual([{ path, message }]);
  });
});
