import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.js';
import {
  appWithLoginLimit,
  createTestAccount,
  loginCookies,
  seedTestUnits,
  TEST_PASSWORD,
  type TestUnits,
} from './users.fixtures.js';

let t: TestApp;
let units: TestUnits;
let admin: Record<string, string>;
let adminId: number;
const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  t = await appWithLoginLimit(1000);
  units = await seedTestUnits(t.db, t.clock.now);
  adminId = (
    await createTestAccount(t.db, t.clock.now, {
      username: 'admin',
      role: 'city_admin',
      displayName: 'Quản trị thành phố',
    })
  ).id;
  admin = await loginCookies(t.app, 'admin');
});
afterAll(async () => t.close());
afterEach(() => {
  t.clock.now = START;
});

type Payload = Record<string, unknown>;
const api = {
  list: (cookies: Record<string, string>, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/users${query}`, cookies }),
  create: (cookies: Record<string, string>, payload: Payload, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/users', cookies, payload, headers }),
  patch: (cookies: Record<string, string>, id: number, payload: Payload) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, cookies, payload }),
  reset: (cookies: Record<string, string>, id: number, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/users/${id}/reset-password`,
      cookies,
      payload: { newPassword },
    }),
  me: (cookies: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', cookies }),
  login: (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }),
};

function officer(username: string, extra: Payload = {}): Payload {
  return {
    username,
    displayName: `Cán bộ ${username}`,
    password: TEST_PASSWORD,
    role: 'commune_officer',
    scopeUnitIds: [units.communeA],
    ...extra,
  };
}

async function auditOf(entityId: number, action: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/audit?entity=user&entityId=${entityId}&action=${action}`,
    cookies: admin,
  });
  return res.json().items as Array<{ before: Payload | null; after: Payload | null; actorId: number }>;
}

describe('who may manage accounts', () => {
  it('forbids listing and creating accounts to everyone but city admins', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'canbo.a',
      role: 'commune_officer',
      scopeUnitIds: [units.communeA],
    });
    const cookies = await loginCookies(t.app, 'canbo.a');
    const list = await api.list(cookies);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    expect((await api.create(cookies, officer('lan.ra'))).statusCode).toBe(403);
    expect((await api.list({})).statusCode).toBe(401);
  });
});

describe('creating an account', () => {
  it('creates an account that must change its password, returns it without the hash, and audits it', async () => {
    const res = await api.create(admin, officer('Canbo.Moi', { displayName: 'Nguyễn Thị Mới' }));
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user).toMatchObject({
      username: 'canbo.moi',
      displayName: 'Nguyễn Thị Mới',
      role: 'commune_officer',
      locale: 'vi',
      isActive: true,
      mustChangePassword: true,
      locked: false,
      scope: [{ id: units.communeA, name: 'Phường Tân Hiệp', level: 'commune', type: 'ward' }],
      abilities: { canEdit: true, canResetPassword: true, canDisable: true },
    });
    expect(res.body).not.toContain('passwordHash');
    expect(res.body).not.toContain('argon2');

    const [entry] = await auditOf(user.id, 'user.create');
    expect(entry.actorId).toBe(adminId);
    expect(entry.before).toBeNull();
    expect(entry.after).toEqual({
      id: user.id,
      username: 'canbo.moi',
      displayName: 'Nguyễn Thị Mới',
      role: 'commune_officer',
      locale: 'vi',
      isActive: true,
      mustChangePassword: true,
      scopeUnitIds: [units.communeA],
    });
    expect((await api.login('canbo.moi', TEST_PASSWORD)).json().user.mustChangePassword).toBe(true);
  });

  it('requires at least one scope unit for every role but city admin', async () => {
    const res = await api.create(admin, officer('khong.pham.vi', { role: 'hamlet_head', scopeUnitIds: [] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SCOPE_REQUIRED',
      message: 'Vai trò hamlet_head cần ít nhất một đơn vị phụ trách.',
    });
  });

  it('names the field when a scope unit does not exist', async () => {
    const res = await api.create(admin, officer('don.vi.la', { scopeUnitIds: [units.communeA, 999_999] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'body.scopeUnitIds', issue: 'unknown_unit' }], unknownUnitIds: [999_999] },
    });
  });

  it('refuses a username already taken, whatever its case', async () => {
    await api.create(admin, officer('trung.ten'));
    const res = await api.create(admin, officer('TRUNG.TEN'), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'USERNAME_TAKEN',
      message: 'The username "trung.ten" is taken.',
    });
  });

  it('refuses a password shorter than 10 characters', async () => {
    const res = await api.create(admin, officer('mk.ngan', { password: '123456789' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'AUTH_WEAK_PASSWORD',
      message: 'Mật khẩu phải có ít nhất 10 ký tự.',
    });
  });

  it('rejects an unknown field with 400 UNKNOWN_FIELD naming it', async () => {
    const res = await api.create(admin, officer('thua.truong', { isSuperuser: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: { fields: [{ field: 'body.isSuperuser' }] },
    });
  });

  it('lets a city admin limited to one ward give scopes only inside that ward', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'admin.a',
      role: 'city_admin',
      scopeUnitIds: [units.communeA],
    });
    const limited = await loginCookies(t.app, 'admin.a');
    expect(
      (await api.create(limited, officer('trong.a', { scopeUnitIds: [units.hamletA1] }))).statusCode,
    ).toBe(201);
    const outside = await api.create(limited, officer('ngoai.a', { scopeUnitIds: [units.hamletB1] }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const unlimited = await api.create(
      limited,
      officer('admin.moi', { role: 'city_admin', scopeUnitIds: [] }),
    );
    expect(unlimited.json().code).toBe('SCOPE_REQUIRED');

    const list = (await api.list(limited, '?pageSize=100')).json();
    const byName = new Map(
      list.items.map((u: { username: string; abilities: object }) => [u.username, u.abilities]),
    );
    expect(byName.get('trong.a')).toEqual({ canEdit: true, canResetPassword: true, canDisable: true });
    expect(byName.get('admin')).toEqual({ canEdit: false, canResetPassword: false, canDisable: false });
    expect(byName.get('admin.a')).toEqual({ canEdit: true, canResetPassword: false, canDisable: false });
  });
});

describe('listing accounts', () => {
  it('pages the list and searches names ignoring case and Vietnamese diacritics', async () => {
    await api.create(admin, officer('tim.kiem.1', { displayName: 'Trần Văn Đông' }));
    await api.create(admin, officer('tim.kiem.2', { displayName: 'Lê Thị Đông Xuân' }));
    const found = (await api.list(admin, '?q=DONG')).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['tim.kiem.1', 'tim.kiem.2']);
    expect(found.total).toBe(2);
    expect(found.items[0].scope).toEqual([
      { id: units.communeA, name: 'Phường Tân Hiệp', level: 'commune', type: 'ward' },
    ]);

    const byUsername = (await api.list(admin, '?q=kiem.2')).json();
    expect(byUsername.items.map((u: { username: string }) => u.username)).toEqual(['tim.kiem.2']);

    const all = (await api.list(admin, '?pageSize=100')).json();
    const page2 = (await api.list(admin, '?page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
    expect(page2.items.map((u: { id: number }) => u.id)).toEqual(
      all.items.slice(2, 4).map((u: { id: number }) => u.id),
    );
    expect(JSON.stringify(all)).not.toContain('passwordHash');
  });
});

describe('changing an account', () => {
  it('changes role and scope and audits before and after', async () => {
    const created = (await api.create(admin, officer('doi.vai.tro'))).json().user;
    const res = await api.patch(admin, created.id, {
      role: 'hamlet_head',
      scopeUnitIds: [units.hamletB1],
      displayName: 'Trưởng khu phố',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      role: 'hamlet_head',
      displayName: 'Trưởng khu phố',
      scope: [{ id: units.hamletB1, name: 'Khu phố Khánh Long' }],
    });
    const [entry] = await auditOf(created.id, 'user.update');
    expect(entry.before).toMatchObject({
      role: 'commune_officer',
      scopeUnitIds: [units.communeA],
      displayName: 'Cán bộ doi.vai.tro',
    });
    expect(entry.after).toMatchObject({
      role: 'hamlet_head',
      scopeUnitIds: [units.hamletB1],
      displayName: 'Trưởng khu phố',
    });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('ends the sessions of an account it disables, which then cannot log in', async () => {
    const created = (await api.create(admin, officer('bi.tat', { mustChangePassword: false }))).json().user;
    const cookies = await loginCookies(t.app, 'bi.tat');
    const res = await api.patch(admin, created.id, { isActive: false });
    expect(res.json().user.isActive).toBe(false);
    expect((await api.me(cookies)).statusCode).toBe(401);
    expect((await api.login('bi.tat', TEST_PASSWORD)).json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('does not let an admin disable themselves or change their own role', async () => {
    expect((await api.patch(admin, adminId, { isActive: false })).json().code).toBe(
      'USER_SELF_CHANGE_FORBIDDEN',
    );
    expect((await api.patch(admin, adminId, { role: 'viewer' })).statusCode).toBe(403);
    expect((await api.patch(admin, adminId, { displayName: 'Phòng VH-TT' })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown account and 400 for an empty change', async () => {
    expect((await api.patch(admin, 987_654, { displayName: 'X' })).json().code).toBe('USER_NOT_FOUND');
    expect((await api.patch(admin, adminId, {})).statusCode).toBe(400);
  });
});

describe('resetting a password', () => {
  it('sets a password the user must change, lifts a lockout and ends the user’s sessions', async () => {
    const created = (await api.create(admin, officer('quen.mat.khau', { mustChangePassword: false }))).json()
      .user;
    const cookies = await loginCookies(t.app, 'quen.mat.khau');
    for (let i = 0; i < 5; i++) await api.login('quen.mat.khau', 'wrong-password');
    expect((await api.login('quen.mat.khau', TEST_PASSWORD)).statusCode).toBe(423);
    expect((await api.list(admin, '?q=quen.mat.khau')).json().items[0].locked).toBe(true);

    const res = await api.reset(admin, created.id, 'mat-khau-cap-lai');
    expect(res.statusCode).toBe(204);
    expect((await api.me(cookies)).statusCode).toBe(401);
    const login = await api.login('quen.mat.khau', 'mat-khau-cap-lai');
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const [entry] = await auditOf(created.id, 'user.reset_password');
    expect(entry.after).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(entry.before).toMatchObject({ mustChangePassword: false });
  });

  it('refuses a weak password and resetting one’s own password', async () => {
    const created = (await api.create(admin, officer('reset.yeu'))).json().user;
    expect((await api.reset(admin, created.id, 'ngan')).json().code).toBe('AUTH_WEAK_PASSWORD');
    expect((await api.reset(admin, adminId, 'mat-khau-cap-lai')).json().code).toBe(
      'USER_SELF_CHANGE_FORBIDDEN',
    );
  });
});

describe('creating accounts without HTTP', () => {
  it('lets the CLI create an account with no actor, audited as the system, without forcing a password change', async () => {
    const user = await createTestAccount(t.db, t.clock.now, {
      username: 'tu.cli',
      role: 'viewer',
      scopeUnitIds: [units.province],
    });
    expect(user.mustChangePassword).toBe(false);
    const row = await t.db.db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await auditOf(user.id, 'user.create');
    expect(entry.actorId).toBeNull();
  });
});
