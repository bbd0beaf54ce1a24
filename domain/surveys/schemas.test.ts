import { describe, expect, it } from 'vitest';
import {
  HouseholdInputSchema,
  SurveySubmissionSchema,
  birthKeyOf,
  checkHouseholdPlausibility,
  type HouseholdInput,
} from './schemas.js';

const member = (extra: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn An',
  birthYear: 1980,
  sex: 'male',
  residency: 'permanent',
  ...extra,
});
const household = (members: unknown[]) => ({ localCode: 'KP1-001', residency: 'permanent', members });

describe('survey schemas', () => {
  it('keeps unanswered flags unknown (null), never no', () => {
    const parsed = HouseholdInputSchema.parse(household([member()]));
    expect(parsed.fixedBroadband).toBeNull();
    expect(parsed.members[0].digitalPaymentAccount).toBeNull();
    expect(parsed.members[0].vneidLevel).toBeNull();
  });

  it('refuses two household heads, naming the second', () => {
    const result = HouseholdInputSchema.safeParse(
      household([member({ isHead: true }), member({ isHead: true, fullName: 'Trần Thị Bình' })]),
    );
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['members', 1, 'isHead'],
      message: 'more_than_one_head',
    });
  });

  it('refuses "can use online public services" without an account', () => {
    const result = HouseholdInputSchema.safeParse(
      household([member({ onlinePublicServiceAccount: false, canUseOnlinePublicService: true })]),
    );
    expect(result.error!.issues[0].path).toEqual(['members', 0, 'canUseOnlinePublicService']);
  });

  it('refuses a birth date outside the birth year and unknown fields', () => {
    expect(HouseholdInputSchema.safeParse(household([member({ birthDate: '1981-02-03' })])).success).toBe(
      false,
    );
    expect(HouseholdInputSchema.safeParse(household([member({ idCardNumber: '0790123' })])).success).toBe(
      false,
    );
  });

  it('flags implausible birth years against the day of the visit', () => {
    const h = HouseholdInputSchema.parse(
      household([member({ birthYear: 2027 }), member({ birthYear: 1890 })]),
    ) as HouseholdInput;
    expect(checkHouseholdPlausibility(h, '2026-11-28').map((i) => i.message)).toEqual([
      'birth_year_in_future',
      'birth_year_implausible',
    ]);
  });

  it('needs a client-made id of a safe shape on every submission', () => {
    expect(SurveySubmissionSchema.safeParse({ clientId: 'abc', hamletId: 1 }).success).toBe(false);
    expect(SurveySubmissionSchema.safeParse({ clientId: 'c-0123456789', hamletId: 1 }).success).toBe(true);
  });

  it('uses 1 January as the birth key when only the year is known', () => {
    expect(birthKeyOf({ birthYear: 1964, birthDate: null })).toBe('1964-01-01');
    expect(birthKeyOf({ birthYear: 1964, birthDate: '1964-06-16' })).toBe('1964-06-16');
  });
});
