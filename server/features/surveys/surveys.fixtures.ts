import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo, type DemoSeedResult } from '../../../seeds/demo/index.js';

/* Fixtures shared by the survey tests: the demo city, and one logged-in session per demo account. Not a test file. */

export type Cookies = Record<string, string>;

export interface SurveyTestApp {
  t: TestApp;
  seeded: DemoSeedResult;
  /** Khu phố Khánh Long (ward Tân Khánh): the demo hamlet head's and team member's hamlet. */
  khanhLong: number;
  /** A hamlet of ward Tân Hiệp, outside the Tân Khánh officer's scope. */
  tanHiepHamlet: number;
  /** Ward Tân Khánh itself: a unit that is not a hamlet. */
  tanKhanhWard: number;
  as: {
    admin: Cookies;
    officerTanHiep: Cookies;
    officerTanKhanh: Cookies;
    head: Cookies;
    team: Cookies;
    viewer: Cookies;
  };
  /** Logs every account in again at the clock's current time: sessions last 12 hours, and tests move the clock. */
  refreshSessions(): Promise<void>;
}

export async function createSurveyTestApp(): Promise<SurveyTestApp> {
  const t = await createTestApp();
  const seeded = await seedDemo(t.db, { now: t.clock.now, population: false });
  const login = (username: string): Promise<Cookies> => logInDemo(t, username);
  const sessions = async () => ({
    admin: await login('admin'),
    officerTanHiep: await login('canbo.tanhiep'),
    officerTanKhanh: await login('canbo.tankhanh'),
    head: await login('truongkp.khanhlong'),
    team: await login('tocns.khanhlong'),
    viewer: await login('xem'),
  });
  const fixture: SurveyTestApp = {
    t,
    seeded,
    khanhLong: seeded.city.hamletIds.get('25891/Khu phố Khánh Long')!,
    tanHiepHamlet: seeded.city.hamletIds.get('25921/Khu phố Long Bình')!,
    tanKhanhWard: seeded.city.newWardIds.get('25891')!,
    as: await sessions(),
    refreshSessions: async () => {
      fixture.as = await sessions();
    },
  };
  return fixture;
}

/** The audit entries of one entity, oldest first, with before/after parsed. */
export async function auditOf(t: TestApp, entity: string, entityId: string) {
  const rows = await t.db.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
