import { describe, expect, it } from 'vitest';
import { AssignmentInputSchema, OutreachSessionInputSchema, teamDecisionEvidence } from './teams.js';
import {
  BusinessInputSchema,
  BusinessPatchSchema,
  platformsFromText,
  platformsToText,
} from './businesses.js';

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('team inputs', () => {
  it('writes the decision evidence the way officials cite a decision', () => {
    expect(teamDecisionEvidence('125/QĐ-UBND', '2025-03-05')).toBe(
      'Quyết định số 125/QĐ-UBND ngày 05/03/2025',
    );
  });

  it.each([
    [{ memberUserId: 1, householdUids: ['a'] }, []],
    [{ memberUserId: 1, street: 'Đường A' }, []],
    [{ memberUserId: 1 }, ['householdUids']],
    [{ memberUserId: 1, householdUids: ['a'], street: 'Đường A' }, ['householdUids']],
    [{ memberUserId: 1, householdUids: [] }, ['householdUids']],
  ])('accepts an assignment by list or by street only: %j', (input, expected) => {
    expect(paths(AssignmentInputSchema.safeParse(input))).toEqual(expected);
  });

  it('refuses an unknown session kind and a negative attendance', () => {
    const result = OutreachSessionInputSchema.safeParse({
      heldOn: '2026-01-01',
      kind: 'party',
      topic: 'x',
      attendees: -1,
    });
    expect(paths(result).sort()).toEqual(['attendees', 'kind']);
  });
});

describe('business inputs', () => {
  it.each([
    [{ ocopStars: 1 }, []],
    [{ ocopStars: 5 }, []],
    [{ ocopStars: null }, []],
    [{ ocopStars: 0 }, ['ocopStars']],
    [{ ocopStars: 6 }, ['ocopStars']],
    [{ ocopStars: 2.5 }, ['ocopStars']],
    [{ listedOnline: false, platforms: ['Shopee'] }, ['platforms']],
    [{ platforms: ['Shopee, Lazada'] }, ['platforms.0']],
  ])('checks OCOP stars and platforms: %j', (extra, expected) => {
    expect(paths(BusinessInputSchema.safeParse({ name: 'Cơ sở A', kind: 'shop', ...extra }))).toEqual(
      expected,
    );
  });

  it('refuses a patch that changes nothing', () => {
    expect(BusinessPatchSchema.safeParse({ changeNote: 'x' }).success).toBe(false);
    expect(BusinessPatchSchema.safeParse({ listedOnline: null }).success).toBe(true);
  });

  it('stores platforms comma-separated and reads them back', () => {
    expect(platformsToText([])).toBeNull();
    expect(platformsToText(['Shopee', 'Zalo OA'])).toBe('Shopee,Zalo OA');
    expect(platformsFromText('Shopee, Zalo OA,')).toEqual(['Shopee', 'Zalo OA']);
    expect(platformsFromText(null)).toEqual([]);
  });
});
