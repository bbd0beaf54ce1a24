import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import type { AdminLevel } from '../../db/tables.js';
import { createTestApp, sessionCookieFrom, type TestApp } from '../../../test/test-app.js';
import { foldVietnamese } from '../../../domain/text/fold.js';
import type { RoleId } from '../../../domain/users/roles.js';
import { createUser } from './users.service.js';

/* Fixtures shared by the auth, users and audit tests. Not a test file itself. */

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export interface TestUnits {
  province: number;
  communeA: number;
  communeB: number;
  hamletA1: number;
  hamletB1: number;
}

/** A unit current since 01/07/2025, with its one period, as the reorganisation import would write it. */
export async function insertUnit(
  handle: Db,
  level: AdminLevel,
  name: string,
  type: string,
  parentId: number | null,
  at: string,
  options: { isDemo?: boolean } = {},
) {
  const validFrom = '2025-07-01';
  const row = await handle.db
    .insertInto('adminUnits')
    .values({
      level,
      code: null,
      localCode: null,
      name,
      nameFolded: foldVietnamese(name),
      type,
      parentId,
      validFrom,
      validTo: null,
      ...(options.isDemo ? { isDemo: 1 } : {}),
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await handle.db
    .insertInto('adminUnitPeriods')
    .values({
      unitId: id,
      name,
      nameFolded: foldVietnamese(name),
      type,
      parentId,
      validFrom,
      validTo: null,
      reason: 'created',
    })
    .execute();
  return id;
}

/** A province with two wards and one hamlet under each. */
export async function seedTestUnits(handle: Db, now: Date): Promise<TestUnits> {
  const at = now.toISOString();
  const province = await insertUnit(handle, 'province', 'Thành phố Thử Nghiệm', 'municipality', null, at);
  const communeA = await insertUnit(handle, 'commune', 'Phường Tân Hiệp', 'ward', province, at);
  const communeB = await insertUnit(handle, 'commune', 'Phường Tân Khánh', 'ward', province, at);
  const hamletA1 = await insertUnit(handle, 'hamlet', 'Khu phố Long Bình', 'neighbourhood', communeA, at);
  const hamletB1 = await insertUnit(handle, 'hamlet', 'Khu phố Khánh Long', 'neighbourhood', communeB, at);
  return { province, communeA, communeB, hamletA1, hamletB1 };
}

/** Creates an account as the system would (CLI), with the shared test password unless given. */
export async function createTestAccount(
  handle: Db,
  now: Date,
  account: {
    username: string;
    role: RoleId;
    scopeUnitIds?: number[];
    displayName?: string;
    password?: string;
  },
) {
  return createUser(
    handle,
    {
      username: account.username,
      displayName: account.displayName ?? account.username,
      password: account.password ?? TEST_PASSWORD,
      role: account.role,
      scopeUnitIds: account.scopeUnitIds ?? [],
    },
    { actor: null, now },
  );
}

/** Logs in through the API and returns the cookies to send with later requests. */
export async function loginCookies(app: FastifyInstance, username: string, password = TEST_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  return sessionCookieFrom(response);
}

/** A test app whose per-IP limit on login is `max` attempts a minute. */
export async function appWithLoginLimit(max: number): Promise<TestApp> {
  return createTestApp({ AUTH_RATE_LIMIT_MAX: String(max) });
}
