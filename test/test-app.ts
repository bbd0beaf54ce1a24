import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app.js';
import { readEnv } from '../server/env.js';
import { SESSION_COOKIE } from '../server/plugins/auth.js';
import { DEMO_PASSWORD } from '../seeds/demo/index.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  /** A clock tests can move: `clock.now = new Date(...)`. */
  clock: { now: Date };
  close(): Promise<void>;
}

/** A full application over a fresh database, with a settable clock. */
export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDb();
  const clock = { now: new Date('2026-11-28T03:00:00Z') };
  const app = await buildApp({
    db,
    env: readEnv(envOverrides),
    now: () => clock.now,
    webDist: '/nonexistent',
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

/** The session cookie value from a login response, to send as `cookies: { kps_session: ... }`. */
export function sessionCookieFrom(response: LightMyRequestResponse): Record<string, string> {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return { [SESSION_COOKIE]: cookie.value };
}

/** Logs a demo account in (every demo account has DEMO_PASSWORD) and returns its session cookie. */
export async function logInDemo(t: Pick<TestApp, 'app'>, username: string): Promise<Record<string, string>> {
  return sessionCookieFrom(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    }),
  );
}
