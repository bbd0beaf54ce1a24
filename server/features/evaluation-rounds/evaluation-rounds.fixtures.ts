import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo } from '../../../seeds/demo/index.js';

/* Shared by the evaluation-round tests: the demo city with its population, logins, and multipart bodies. */

export type Cookies = Record<string, string>;
export type Role = 'admin' | 'officerTanHiep' | 'officerTanKhanh' | 'head' | 'viewer';

export interface RoundsTestApp {
  t: TestApp;
  tanKhanh: number;
  tanHiep: number;
  /** Another ward of the demo city, in no officer's scope. */
  otherWard: number;
  as: Record<Role, Cookies>;
  refreshSessions(): Promise<void>;
  criteriaSetId: number;
}

const USERS: Record<Role, string> = {
  admin: 'admin',
  officerTanHiep: 'canbo.tanhiep',
  officerTanKhanh: 'canbo.tankhanh',
  head: 'truongkp.khanhlong',
  viewer: 'xem',
};

export async function createRoundsTestApp(): Promise<RoundsTestApp> {
  const t = await createTestApp();
  const seeded = await seedDemo(t.db, { now: t.clock.now });
  const login = (username: string): Promise<Cookies> => logInDemo(t, username);
  const sessions = async () => {
    const out = {} as Record<Role, Cookies>;
    for (const [role, username] of Object.entries(USERS)) out[role as Role] = await login(username);
    return out;
  };
  const set = await t.db.db
    .selectFrom('criteriaSets')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('effectiveFrom', 'desc')
    .executeTakeFirstOrThrow();
  const fixture: RoundsTestApp = {
    t,
    tanKhanh: seeded.city.newWardIds.get('25891')!,
    tanHiep: seeded.city.newWardIds.get('25920')!,
    otherWard: seeded.city.newWardIds.get('25888')!,
    as: await sessions(),
    refreshSessions: async () => {
      fixture.as = await sessions();
    },
    criteriaSetId: set.id,
  };
  return fixture;
}

/** The current hamlets of a ward, by name, with their local codes. */
export async function hamletsOf(t: TestApp, wardId: number) {
  return t.db.db
    .selectFrom('adminUnits')
    .select(['id', 'name', 'localCode'])
    .where('parentId', '=', wardId)
    .where('level', '=', 'hamlet')
    .where('validTo', 'is', null)
    .orderBy('name')
    .execute();
}

/** Marks a pilot hamlet through the API, as the ward officer does before submitting. */
export async function markPilot(s: RoundsTestApp, cookies: Cookies, wardId: number, hamletId: number) {
  const res = await s.t.app.inject({
    method: 'POST',
    url: `/api/units/${wardId}/pilots`,
    cookies,
    payload: { hamletId },
  });
  if (res.statusCode !== 201) throw new Error(`marking pilot ${hamletId} failed: ${res.body}`);
}

/** A multipart/form-data body with one file part named `field`. */
export function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = '----kpsTestBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\n%%EOF\n')]);
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
export const WINDOWS_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
export const LINUX_ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)]);
