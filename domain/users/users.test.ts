import { describe, expect, it } from 'vitest';
import { isLockoutReached, lockEndsAt, lockMinutesRemaining, MAX_FAILED_LOGINS } from './lockout.js';
import { isStrongPassword, MIN_PASSWORD_LENGTH } from './password-policy.js';
import { abilitiesForRole, roleNeedsScope, ROLE_IDS } from './roles.js';
import { CreateUserInputSchema, LoginInputSchema, UpdateUserInputSchema } from './schemas.js';

const now = new Date('2026-11-28T03:00:00.000Z');

describe('lockout', () => {
  it.each([
    [null, 0],
    ['2026-11-28T02:59:00.000Z', 0],
    ['2026-11-28T03:00:00.000Z', 0],
    ['2026-11-28T03:00:00.001Z', 1],
    ['2026-11-28T03:14:00.000Z', 14],
    ['2026-11-28T03:14:30.000Z', 15],
  ])('counts the minutes left of a lock until %s as %i', (lockedUntil, minutes) => {
    expect(lockMinutesRemaining(lockedUntil, now)).toBe(minutes);
  });

  it('locks on the fifth consecutive failure, not before', () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    expect([1, 2, 3, 4, 5, 6].map(isLockoutReached)).toEqual([false, false, false, false, true, true]);
  });

  it('ends a lock 15 minutes after it starts', () => {
    expect(lockEndsAt(now)).toBe('2026-11-28T03:15:00.000Z');
  });
});

describe('password policy', () => {
  it.each([
    ['123456789', false],
    ['1234567890', true],
    ['mật khẩu!', false],
    ['mật khẩu mới', true],
  ])('judges %j strong: %s', (password, strong) => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(isStrongPassword(password)).toBe(strong);
  });
});

describe('roles', () => {
  it('requires a scope for every role except city admin', () => {
    expect(ROLE_IDS.filter(roleNeedsScope)).toEqual([
      'commune_officer',
      'hamlet_head',
      'team_member',
      'viewer',
    ]);
  });

  it.each([
    ['city_admin', { canManageUsers: true, canReadAudit: true, canImportUnits: true, canEditUnits: true }],
    [
      'commune_officer',
      { canManageUsers: false, canReadAudit: false, canImportUnits: false, canEditUnits: true },
    ],
    [
      'hamlet_head',
      { canManageUsers: false, canReadAudit: false, canImportUnits: false, canEditUnits: false },
    ],
    [
      'team_member',
      { canManageUsers: false, canReadAudit: false, canImportUnits: false, canEditUnits: false },
    ],
    ['viewer', { canManageUsers: false, canReadAudit: false, canImportUnits: false, canEditUnits: false }],
  ] as const)('gives %s the app-wide abilities %o', (role, abilities) => {
    expect(abilitiesForRole(role)).toEqual(abilities);
  });
});

describe('account schemas', () => {
  it('stores usernames trimmed and lower-cased and applies defaults', () => {
    const parsed = CreateUserInputSchema.parse({
      username: ' CanBo.TanHiep ',
      displayName: ' Cán bộ ',
      password: 'x',
      role: 'viewer',
    });
    expect(parsed).toMatchObject({
      username: 'canbo.tanhiep',
      displayName: 'Cán bộ',
      scopeUnitIds: [],
      locale: 'vi',
    });
  });

  it.each(['ab', 'có-dấu', 'a b', '.dot', 'x'.repeat(51)])('refuses the username %j', (username) => {
    expect(
      CreateUserInputSchema.safeParse({ username, displayName: 'A', password: 'x', role: 'viewer' }).success,
    ).toBe(false);
  });

  it('refuses unknown fields and empty changes', () => {
    expect(LoginInputSchema.safeParse({ username: 'a', password: 'b', extra: 1 }).success).toBe(false);
    expect(UpdateUserInputSchema.safeParse({}).success).toBe(false);
    expect(UpdateUserInputSchema.safeParse({ isActive: false }).success).toBe(true);
  });
});
