import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import {
  createTestAccount,
  loginCookies,
  seedTestUnits,
  TEST_PASSWORD,
  type TestUnits,
} from '../users/users.fixtures.js';
import { recordAudit } from './record-audit.js';
import { auditBound } from './audit.service.js';

let t: TestApp;
let units: TestUnits;
let admin: Record<string, string>;
let adminId: number;

beforeAll(async () => {
  t = await createTestApp();
  units = await seedTestUnits(t.db, t.clock.now);
  adminId = (await createTestAccount(t.db, t.clock.now, { username: 'admin', role: 'city_admin' })).id;
  admin = await loginCookies(t.app, 'admin');
});
afterAll(async () => t.close());

function audit(query: string, cookies = admin) {
  return t.app.inject({ method: 'GET', url: `/api/audit${query}`, cookies });
}

describe('reading the audit log', () => {
  it('is forbidden to everyone but city admins', async () => {
    await createTestAccount(t.db, t.clock.now, {
      username: 'truong.kp',
      role: 'hamlet_head',
      scopeUnitIds: [units.hamletA1],
    });
    const res = await audit('', await loginCookies(t.app, 'truong.kp'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền thực hiện thao tác này.',
    });
    expect((await audit('', {})).statusCode).toBe(401);
  });

  it('shows a write with its actor and its before and after as JSON', async () => {
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: admin,
      payload: {
        username: 'xem.a',
        displayName: 'Người xem',
        password: TEST_PASSWORD,
        role: 'viewer',
        scopeUnitIds: [units.communeA],
      },
    });
    const userId = create.json().user.id;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      cookies: admin,
      payload: { displayName: 'Người xem A' },
    });

    const res = await audit(`?entity=user&entityId=${userId}`);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(2);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);
    expect(items[0]).toMatchObject({
      actorId: adminId,
      actorName: 'admin',
      entity: 'user',
      entityId: String(userId),
      before: { displayName: 'Người xem' },
      after: { displayName: 'Người xem A' },
      ip: '127.0.0.1',
    });
    expect(items[0].at).toBe(t.clock.now.toISOString());
  });

  it('filters by actor and action, and ignores filters left blank', async () => {
    const byActor = (await audit(`?actorId=${adminId}&action=session.login&entity=&entityId=&from=`)).json();
    expect(byActor.total).toBeGreaterThanOrEqual(1);
    expect(
      byActor.items.every(
        (e: { actorId: number; action: string }) => e.actorId === adminId && e.action === 'session.login',
      ),
    ).toBe(true);
  });

  it('lists newest first and reads days as Vietnamese calendar days', async () => {
    const at = [
      '2026-11-27T16:59:59.000Z',
      '2026-11-27T17:00:00.000Z',
      '2026-11-28T16:59:59.999Z',
      '2026-11-28T17:00:00.000Z',
    ];
    for (const [i, when] of at.entries()) {
      await recordAudit(t.db.db, {
        actor: null,
        action: 'test.tick',
        entity: 'clock',
        entityId: i,
        at: when,
      });
    }
    // 28/11/2026 in Vietnam runs from 27/11 17:00 UTC to 28/11 17:00 UTC.
    const day = (await audit('?entity=clock&from=2026-11-28&to=2026-11-28')).json();
    expect(day.items.map((e: { entityId: string }) => e.entityId)).toEqual(['2', '1']);
    const exact = (
      await audit('?entity=clock&from=2026-11-27T16:59:59.000Z&to=2026-11-27T17:00:00.000Z')
    ).json();
    expect(exact.items.map((e: { entityId: string }) => e.entityId)).toEqual(['1', '0']);
    const page = (await audit('?entity=clock&page=2&pageSize=3')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((e: { entityId: string }) => e.entityId)).toEqual(['0']);
  });

  it('refuses a date that is not on the calendar, naming the field', async () => {
    const res = await audit('?from=2026-02-30', admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toContain('from');
  });
});

describe('audit period bounds', () => {
  it.each([
    ['2026-11-28', 'from', '2026-11-27T17:00:00.000Z'],
    ['2026-11-28', 'to', '2026-11-28T17:00:00.000Z'],
    ['2026-01-01', 'from', '2025-12-31T17:00:00.000Z'],
    ['2026-11-28T10:00:00+07:00', 'from', '2026-11-28T03:00:00.000Z'],
    ['2026-11-28T03:00:00.000Z', 'to', '2026-11-28T03:00:00.001Z'],
  ] as const)('reads %s as %s bound %s', (value, edge, expected) => {
    expect(auditBound(value, edge)).toBe(expected);
  });
});
