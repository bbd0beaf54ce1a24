import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createSurveyTestApp, type SurveyTestApp } from '../surveys/surveys.fixtures.js';
import { newClientId, newHousehold, residentVersions, submit } from './households.fixtures.js';

/*
 * Issue 4 §1: a visit whose outcome is "moved away" closes the household (its current version and its members'),
 * like a removal, so the hamlet stops counting it; a visit that found nobody home only logs the visit.
 */

let s: SurveyTestApp;
const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  s = await createSurveyTestApp();
  s.t.clock.now = START;
});
afterAll(async () => s.t.close());

const later = (minutes: number) => {
  s.t.clock.now = new Date(START.getTime() + minutes * 60_000);
};

/** Current households and residents of the hamlet, as the scorecard's aggregates count them. */
async function currentCounts() {
  const count = async (table: 'households' | 'residents') =>
    Number(
      (
        await s.t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('hamletId', '=', s.khanhLong)
          .where('validTo', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { households: await count('households'), residents: await count('residents') };
}

async function listedCodes(): Promise<string[]> {
  const res = await s.t.app.inject({
    method: 'GET',
    url: `/api/hamlets/${s.khanhLong}/households?pageSize=100`,
    cookies: s.as.head,
  });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((h: { localCode: string }) => h.localCode);
}

const visitOnly = (uid: string, version: string, outcome: string) => ({
  clientId: newClientId(),
  hamletId: s.khanhLong,
  householdUid: uid,
  baseVersion: version,
  visit: { outcome, visitedAt: '2026-11-28T04:00:00Z', support: [] },
});

describe('a visit that finds the household moved away', () => {
  it('only logs a "nobody home" visit, but closes the household and its members on "moved away"', async () => {
    const created = (await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-MA1'))).json().household;
    const before = await currentCounts();
    expect(await listedCodes()).toContain('KL-MA1');

    later(10);
    const nobody = await submit(s, s.as.team, visitOnly(created.uid, created.version, 'nobody_home'));
    expect(nobody.statusCode).toBe(200);
    expect(await currentCounts()).toEqual(before);

    later(20);
    const payload = visitOnly(created.uid, created.version, 'moved_away');
    const moved = await submit(s, s.as.team, payload);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'applied',
      household: { localCode: 'KL-MA1', members: [] },
    });
    expect(moved.json().household.lastVisit).toMatchObject({ outcome: 'moved_away' });

    // The hamlet no longer counts or lists it; its two members left with it.
    expect(await currentCounts()).toEqual({
      households: before.households - 1,
      residents: before.residents - 2,
    });
    expect(await listedCodes()).not.toContain('KL-MA1');
    const closedAt = s.t.clock.now.toISOString();
    const household = await s.t.db.db
      .selectFrom('households')
      .selectAll()
      .where('uid', '=', created.uid)
      .execute();
    expect(household.map((h) => [h.validTo, h.changeNote])).toEqual([[closedAt, 'moved_away']]);
    const members = await residentVersions(s, created.uid);
    expect(members.map((m) => [m.validTo, m.changeNote])).toEqual([
      [closedAt, 'moved_away'],
      [closedAt, 'moved_away'],
    ]);
    const audit = await auditOf(s.t, 'household', created.uid);
    expect(audit.at(-1)).toMatchObject({ action: 'household.survey', after: { closed: 'moved_away' } });

    // A replay is answered from the stored result and closes nothing twice.
    const replay = await submit(s, s.as.team, payload);
    expect(replay.json().status).toBe('duplicate');
    expect(await currentCounts()).toEqual({
      households: before.households - 1,
      residents: before.residents - 2,
    });
    // The household is gone: a further visit to it is refused.
    const again = await submit(s, s.as.team, visitOnly(created.uid, created.version, 'visited'));
    expect(again.statusCode).toBe(404);
  });
});
