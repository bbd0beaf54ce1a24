import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieFrom, type TestApp } from '../../../test/test-app.js';
import { hashSessionToken, SESSION_COOKIE } from '../../plugins/auth.js';
import {
  appWithLoginLimit,
  createTestAccount,
  loginCookies,
  seedTestUnits,
  TEST_PASSWORD,
  type TestUnits,
} from '../users/users.fixtures.js';

let t: TestApp;
let units: TestUnits;
const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  // This file logs in far more often than the default 20 times a minute from one address.
  t = await appWithLoginLimit(1000);
  units = await seedTestUnits(t.db, t.clock.now);
});
afterAll(async () => t.close());
afterEach(() => {
  t.clock.now = START;
});

function login(username: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
}

function me(cookies: Record<string, string>) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', cookies });
}

function minutesLater(minutes: number): Date {
  return new Date(START.getTime() + minutes * 60_000);
}

describe('logging in', () => {
  it('opens a session with a hashed token in an httpOnly lax cookie and returns the user with scope and abilities', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'canbo.ok',
      role: 'commune_officer',
      scopeUnitIds: [units.communeA],
    });
    const res = await login('CanBo.OK ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({
      id: expect.any(Number),
      username: 'canbo.ok',
      displayName: 'canbo.ok',
      role: 'commune_officer',
      locale: 'vi',
      mustChangePassword: false,
      scope: [{ id: units.communeA, name: 'Phường Tân Hiệp', level: 'commune', type: 'ward' }],
      abilities: { canManageUsers: false, canReadAudit: false, canImportUnits: false, canEditUnits: true },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', hashSessionToken(cookie.value))
      .executeTakeFirst();
    expect(stored?.expiresAt).toBe('2026-11-28T15:00:00.000Z');
    expect((await me({ [SESSION_COOKIE]: cookie.value })).json().user.username).toBe('canbo.ok');
  });

  it('refuses a wrong password and an unknown user with the same 401 message', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'canbo.sai',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    const wrong = await login('canbo.sai', 'not-the-password');
    const unknown = await login('khong.ton.tai', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      details: {},
    });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('answers in English when the browser asks for English', async () => {
    const res = await login('khong.ton.tai', 'not-the-password', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.json().message).toBe('Wrong username or password.');
  });

  it('locks the account after 5 failures, tells the user even with the right password, and unlocks after 15 minutes', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'bi.khoa',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    for (let i = 1; i <= 4; i++) expect((await login('bi.khoa', `wrong-${i}-password`)).statusCode).toBe(401);
    const fifth = await login('bi.khoa', 'wrong-5-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');

    t.clock.now = minutesLater(1);
    const locked = await login('bi.khoa', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED', details: { minutes: 14 } });
    expect(locked.json().message).toBe('Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 14 phút.');
    const lockedEn = await login('bi.khoa', TEST_PASSWORD, { 'accept-language': 'en' });
    expect(lockedEn.json().message).toContain('locked');

    t.clock.now = minutesLater(14.5);
    expect((await login('bi.khoa', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.now = minutesLater(15);
    expect((await login('bi.khoa', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts only consecutive failures: a successful login starts the count again', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'quen.mk',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    for (let i = 0; i < 4; i++) await login('quen.mk', 'wrong-password');
    expect((await login('quen.mk', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('quen.mk', 'wrong-password')).statusCode).toBe(401);
    expect((await login('quen.mk', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account with 403 once the password is right', async () => {
    const user = await createTestAccount(t.db, t.clock.now, {
      username: 'da.nghi',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    await t.db.db.updateTable('users').set({ isActive: 0 }).where('id', '=', user.id).execute();
    expect((await login('da.nghi', 'wrong-password')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const res = await login('da.nghi', TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('rejects an unknown field in the login body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', remember: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: { fields: [{ field: 'body.remember' }] },
    });
  });

  it('audits successful and failed logins and logouts under the entity "session"', async () => {
    const user = await createTestAccount(t.db, t.clock.now, {
      username: 'nhat.ky',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    await login('nhat.ky', 'wrong-password');
    const cookies = await loginCookies(t.app, 'nhat.ky');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies });
    const rows = await t.db.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'session')
      .orderBy('id')
      .execute();
    const mine = rows.filter((r) => r.actorId === user.id || (r.after ?? '').includes('"nhat.ky"'));
    expect(mine.map((r) => r.action)).toEqual(['session.login_failed', 'session.login', 'session.logout']);
    expect(JSON.parse(mine[0].after!)).toMatchObject({
      username: 'nhat.ky',
      reason: 'wrong_password',
      failedAttempts: 1,
    });
    expect(mine[1]).toMatchObject({
      actorId: user.id,
      actorName: 'nhat.ky',
      entityId: hashSessionToken(cookies[SESSION_COOKIE]),
    });
    expect(mine.every((r) => !(r.after ?? '').includes(TEST_PASSWORD))).toBe(true);
  });
});

describe('sessions', () => {
  it('answers /me with 401 AUTH_REQUIRED without a session', async () => {
    const res = await me({});
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('ends the session at logout and clears the cookie', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'ra.ve',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    const cookies = await loginCookies(t.app, 'ra.ve');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect((await me(cookies)).statusCode).toBe(401);
    const left = await t.db.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', hashSessionToken(cookies[SESSION_COOKIE]))
      .execute();
    expect(left).toEqual([]);
  });

  it('rejects a session once it has expired', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'het.han',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    const cookies = await loginCookies(t.app, 'het.han');
    t.clock.now = minutesLater(12 * 60 - 1);
    expect((await me(cookies)).statusCode).toBe(200);
    t.clock.now = minutesLater(12 * 60);
    expect((await me(cookies)).statusCode).toBe(401);
  });

  it('records the last activity of a session, at most once a minute', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'hoat.dong',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    const cookies = await loginCookies(t.app, 'hoat.dong');
    const lastSeen = async () =>
      (
        await t.db.db
          .selectFrom('sessions')
          .select('lastSeenAt')
          .where('id', '=', hashSessionToken(cookies[SESSION_COOKIE]))
          .executeTakeFirstOrThrow()
      ).lastSeenAt;
    expect(await lastSeen()).toBe(START.toISOString());
    t.clock.now = new Date(START.getTime() + 30_000);
    await me(cookies);
    expect(await lastSeen()).toBe(START.toISOString());
    t.clock.now = minutesLater(10);
    await me(cookies);
    expect(await lastSeen()).toBe(minutesLater(10).toISOString());
  });
});

describe('changing one’s own password', () => {
  function changePassword(
    cookies: Record<string, string>,
    currentPassword: string,
    newPassword: string,
    headers = {},
  ) {
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      cookies,
      headers,
      payload: { currentPassword, newPassword },
    });
  }

  it('ends the user’s other sessions, keeps this one, and clears "must change password"', async () => {
    const user = await createTestAccount(t.db, t.clock.now, {
      username: 'doi.mk',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    await t.db.db.updateTable('users').set({ mustChangePassword: 1 }).where('id', '=', user.id).execute();
    const laptop = await loginCookies(t.app, 'doi.mk');
    const phone = await loginCookies(t.app, 'doi.mk');
    expect((await me(laptop)).json().user.mustChangePassword).toBe(true);

    const res = await changePassword(laptop, TEST_PASSWORD, 'mat-khau-moi-dai-hon');
    expect(res.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).json().user.mustChangePassword).toBe(false);
    expect((await login('doi.mk', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('doi.mk', 'mat-khau-moi-dai-hon')).statusCode).toBe(200);
  });

  it('refuses a wrong current password, a short new one and an unchanged one', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'doi.sai',
      role: 'viewer',
      scopeUnitIds: [units.communeA],
    });
    const cookies = await loginCookies(t.app, 'doi.sai');
    const wrong = await changePassword(cookies, 'not-my-password', 'mat-khau-moi-dai-hon');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('AUTH_WRONG_PASSWORD');
    const weak = await changePassword(cookies, TEST_PASSWORD, 'ngan', { 'accept-language': 'en' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'AUTH_WEAK_PASSWORD',
      message: 'The password must have at least 10 characters.',
    });
    const same = await changePassword(cookies, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.json().code).toBe('AUTH_PASSWORD_UNCHANGED');
  });

  it('requires a session', async () => {
    const res = await changePassword({}, TEST_PASSWORD, 'mat-khau-moi-dai-hon');
    expect(res.statusCode).toBe(401);
  });
});

describe('the per-IP login limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await appWithLoginLimit(3);
  });
  afterAll(async () => limited.close());

  it('answers 429 AUTH_RATE_LIMITED once one address exceeds the limit, while other addresses still log in', async () => {
    await createTestAccount(limited.db, limited.clock.now, { username: 'nhieu.lan', role: 'city_admin' });
    const attempt = (remoteAddress: string, password: string) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { username: 'nhieu.lan', password },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('203.0.113.7', 'wrong-password')).statusCode).toBe(401);
    const blocked = await attempt('203.0.113.7', TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      code: 'AUTH_RATE_LIMITED',
      message: 'Quá nhiều lần thử. Vui lòng đợi rồi thử lại.',
    });
    expect(blocked.headers['retry-after']).toBeDefined();
    const other = await attempt('203.0.113.8', TEST_PASSWORD);
    expect(other.statusCode).toBe(200);
    expect(sessionCookieFrom(other)[SESSION_COOKIE]).toBeTruthy();
  });
});
