import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createSurveyTestApp, type SurveyTestApp } from '../surveys/surveys.fixtures.js';
import {
  head,
  newClientId,
  newHousehold,
  residentVersions,
  spouse,
  submit,
  surveyRowCounts,
} from './households.fixtures.js';

let s: SurveyTestApp;
const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  s = await createSurveyTestApp();
  s.t.clock.now = START;
});
afterAll(async () => s.t.close());

type View = {
  uid: string;
  version: string;
  members: Array<Record<string, unknown> & { uid: string; fullName: string }>;
  lastVisit: unknown;
};
const later = (minutes: number) => {
  s.t.clock.now = new Date(START.getTime() + minutes * 60_000);
};
/** The household input a phone would send back: current values with the members' uids. */
const editable = (view: View) => ({
  localCode: (view as unknown as { localCode: string }).localCode,
  address: (view as unknown as { address: string | null }).address,
  street: (view as unknown as { street: string | null }).street,
  residency: 'permanent',
  fixedBroadband: true,
  members: view.members.map((m): Record<string, unknown> => {
    const { birthDate, ...rest } = m;
    return { ...rest, ...(birthDate ? { birthDate } : {}) };
  }),
});

describe('survey submissions', () => {
  it('applies a new household with its members and a visit, audit-logged', async () => {
    const res = await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-001'));
    expect(res.statusCode).toBe(200);
    const { status, household } = res.json();
    expect(status).toBe('applied');
    expect(household).toMatchObject({
      hamletId: s.khanhLong,
      localCode: 'KL-001',
      fixedBroadband: true,
      mobileBroadband: null,
      version: START.toISOString(),
      lastVisit: { outcome: 'visited', visitorName: 'Tổ CNSCĐ khu phố Khánh Long' },
      abilities: { canEdit: true },
    });
    expect(household.members.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Nguyễn Văn Ân',
      'Trần Thị Bích',
    ]);
    expect(household.members[1]).toMatchObject({
      isHead: false,
      digitalPaymentAccount: null,
      vneidLevel: null,
    });
    const stored = await residentVersions(s, household.uid);
    expect(stored.map((r) => r.birthKey)).toEqual(['1980-01-01', '1984-01-01']);
    expect(stored.every((r) => r.hamletId === s.khanhLong)).toBe(true);

    const visits = await s.t.app.inject({
      method: 'GET',
      url: `/api/households/${household.uid}/visits`,
      cookies: s.as.team,
    });
    expect(visits.json().items).toEqual([
      expect.objectContaining({
        outcome: 'visited',
        visitedAt: '2026-11-27T19:30:00.000Z',
        support: ['vneid_setup'],
      }),
    ]);
    const audit = await auditOf(s.t, 'household', household.uid);
    expect(audit.map((a) => a.action)).toEqual(['household.create']);
  });

  it('writes a new version only for the members that changed', async () => {
    later(10);
    const created = (await submit(s, s.as.head, newHousehold(s.khanhLong, 'KL-002'))).json()
      .household as View;
    const [ans, bich] = created.members;
    later(20);
    const payload = editable(created);
    payload.members[1] = { ...payload.members[1], digitalPaymentAccount: true };
    const res = await submit(s, s.as.team, {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      householdUid: created.uid,
      baseVersion: created.version,
      household: payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().household.version).toBe(s.t.clock.now.toISOString());
    const versions = await residentVersions(s, created.uid);
    expect(versions.filter((r) => r.uid === ans.uid)).toHaveLength(1);
    const bichVersions = versions.filter((r) => r.uid === bich.uid);
    expect(bichVersions.map((r) => [r.digitalPaymentAccount, r.validTo === null])).toEqual([
      [null, false],
      [1, true],
    ]);
  });

  it('removes a member who moved away and adds a newborn in one step', async () => {
    later(30);
    const created = (await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-003'))).json()
      .household as View;
    const bich = created.members[1];
    later(40);
    const payload = editable(created);
    payload.members = [
      payload.members[0],
      {
        fullName: 'Nguyễn Gia Bảo',
        birthYear: 2026,
        birthDate: '2026-10-02',
        sex: 'male',
        residency: 'permanent',
      },
    ];
    const res = await submit(s, s.as.team, {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      householdUid: created.uid,
      baseVersion: created.version,
      household: payload,
      removedMembers: [{ uid: bich.uid, reason: 'moved_away' }],
      visit: { outcome: 'visited', visitedAt: '2026-11-28T03:40:00Z', support: [] },
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().household.members.map((m: { fullName: string }) => m.fullName);
    expect(names).toEqual(['Nguyễn Văn Ân', 'Nguyễn Gia Bảo']);
    const versions = await residentVersions(s, created.uid);
    const closed = versions.find((r) => r.uid === bich.uid)!;
    expect(closed.validTo).toBe(s.t.clock.now.toISOString());
    expect(closed.changeNote).toBe('moved_away');
    expect(versions.find((r) => r.fullName === 'Nguyễn Gia Bảo')!.birthKey).toBe('2026-10-02');
  });

  it('applies a submission replayed three times only once', async () => {
    later(50);
    const payload = newHousehold(s.khanhLong, 'KL-004');
    const before = await surveyRowCounts(s);
    const replies = [];
    for (let i = 0; i < 3; i += 1) replies.push(await submit(s, s.as.team, payload));
    expect(replies.map((r) => [r.statusCode, r.json().status])).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    expect(replies[2].json().household.uid).toBe(replies[0].json().household.uid);
    const after = await surveyRowCounts(s);
    expect(after).toEqual({
      households: before.households + 1,
      residents: before.residents + 2,
      visits: before.visits + 1,
      submissions: before.submissions + 1,
    });
  });

  it('applies a submission sent three times at once only once', async () => {
    later(55);
    const payload = newHousehold(s.khanhLong, 'KL-006');
    const before = await surveyRowCounts(s);
    const replies = await Promise.all([1, 2, 3].map(() => submit(s, s.as.team, payload)));
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.json().status).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect((await surveyRowCounts(s)).households).toBe(before.households + 1);
  });

  it('shows both versions to the second of two offline editors, and lets them overwrite', async () => {
    later(60);
    const created = (await submit(s, s.as.head, newHousehold(s.khanhLong, 'KL-005'))).json()
      .household as View;
    // Both start offline from the same version.
    const fromHead = editable(created);
    fromHead.members[0] = { ...fromHead.members[0], digitalPaymentAccount: true };
    const fromTeam = editable(created);
    fromTeam.members[1] = { ...fromTeam.members[1], smartDevice: true };
    later(70);
    const first = await submit(s, s.as.head, {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      householdUid: created.uid,
      baseVersion: created.version,
      household: fromHead,
    });
    expect(first.statusCode).toBe(200);
    later(75);
    const second = {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      householdUid: created.uid,
      baseVersion: created.version,
      household: fromTeam,
    };
    const before = await surveyRowCounts(s);
    const conflict = await submit(s, s.as.team, second);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('SURVEY_CONFLICT');
    expect(conflict.json().details.server.version).toBe(first.json().household.version);
    expect(conflict.json().details.server.members[0].digitalPaymentAccount).toBe(true);
    expect(conflict.json().details.submitted.household.members[1].smartDevice).toBe(true);
    expect(await surveyRowCounts(s)).toEqual(before);

    const overwritten = await submit(s, s.as.team, { ...second, overwrite: true });
    expect(overwritten.statusCode).toBe(200);
    expect(overwritten.json().status).toBe('applied');
    // The member chose their own version: the head's change is replaced, theirs kept.
    expect(overwritten.json().household.members[0].digitalPaymentAccount).toBe(false);
    expect(overwritten.json().household.members[1].smartDevice).toBe(true);
  });

  it.each([
    [
      'two heads',
      { members: [head(), spouse({ isHead: true })] },
      'body.household.members.1.isHead',
      'more_than_one_head',
    ],
    [
      'can use online services without an account',
      { members: [head({ onlinePublicServiceAccount: false, canUseOnlinePublicService: true })] },
      'body.household.members.0.canUseOnlinePublicService',
      'needs_online_public_service_account',
    ],
    [
      'a birth year in 2090',
      { members: [head({ birthYear: 2090 })] },
      'body.household.members.0.birthYear',
      'birth_year_in_future',
    ],
  ])('refuses %s naming the field, and writes nothing', async (_label, change, field, issue) => {
    const payload = newHousehold(s.khanhLong, 'KL-BAD');
    const before = await surveyRowCounts(s);
    const res = await submit(s, s.as.team, { ...payload, household: { ...payload.household, ...change } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const fields = res.json().details.fields;
    expect(fields).toEqual([expect.objectContaining({ field, issue })]);
    expect(fields[0].message).not.toBe(issue);
    expect(await surveyRowCounts(s)).toEqual(before);
  });

  it('refuses an unknown field naming it', async () => {
    const payload = newHousehold(s.khanhLong, 'KL-BAD');
    const res = await submit(
      s,
      s.as.team,
      { ...payload, household: { ...payload.household, phone: '0909' } },
      'en',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNKNOWN_FIELD');
    expect(res.json().details.fields[0].field).toBe('body.household.phone');
    expect(res.json().message).toBe('Unknown field: body.household.phone.');
  });

  it('refuses a visit to a new household sent without the household', async () => {
    const res = await submit(s, s.as.team, {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      visit: { outcome: 'refused', visitedAt: '2026-11-28T03:00:00Z' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual([
      expect.objectContaining({ field: 'body.household', issue: 'household_required' }),
    ]);
  });

  it('refuses a second household with a code already used in the hamlet', async () => {
    const res = await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-001'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('HOUSEHOLD_CODE_TAKEN');
  });

  it("refuses another ward's officer and a viewer", async () => {
    const before = await surveyRowCounts(s);
    const foreign = await submit(s, s.as.officerTanHiep, newHousehold(s.khanhLong, 'KL-X1'));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const viewer = await submit(s, s.as.viewer, newHousehold(s.khanhLong, 'KL-X2'));
    expect(viewer.statusCode).toBe(403);
    expect(await surveyRowCounts(s)).toEqual(before);
  });

  it('applies a batch item by item, reporting each outcome', async () => {
    later(90);
    const good = newHousehold(s.khanhLong, 'KL-010');
    const bad = newHousehold(s.khanhLong, 'KL-011', { hamletId: s.tanHiepHamlet });
    const created = (await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-012'))).json()
      .household as View;
    later(95);
    const edit = (smartDevice: boolean) => {
      const household = editable(created);
      household.members[0] = { ...household.members[0], smartDevice };
      return {
        clientId: newClientId(),
        hamletId: s.khanhLong,
        householdUid: created.uid,
        baseVersion: created.version,
        household,
      };
    };
    expect((await submit(s, s.as.head, edit(false))).statusCode).toBe(200);
    const stale = edit(true);
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/survey-submissions/batch',
      cookies: s.as.team,
      payload: { submissions: [good, good, bad, { clientId: 'x' }, stale] },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'duplicate',
      'rejected',
      'rejected',
      'conflict',
    ]);
    expect(results[4]).toMatchObject({ clientId: stale.clientId, error: { code: 'SURVEY_CONFLICT' } });
    expect(results[4].server.members[0].smartDevice).toBe(false);
    expect(results[2].error.code).toBe('UNIT_NOT_IN_SCOPE');
    expect(results[3].error.code).toBe('VALIDATION_FAILED');
  });
});

describe('survey submissions and the scorecard', () => {
  it("raises SKL-3's numerator when a working-age resident gets a digital payment account", async () => {
    later(120);
    const skl3 = async () =>
      (
        await s.t.app.inject({
          method: 'GET',
          url: `/api/units/${s.khanhLong}/scorecard`,
          cookies: s.as.head,
        })
      )
        .json()
        .result.criteria.find((c: { code: string }) => c.code === 'SKL-3').value;
    const created = (await submit(s, s.as.team, newHousehold(s.khanhLong, 'KL-020'))).json()
      .household as View;
    const before = await skl3();
    later(130);
    const payload = editable(created);
    payload.members[1] = { ...payload.members[1], digitalPaymentAccount: true };
    const res = await submit(s, s.as.team, {
      clientId: newClientId(),
      hamletId: s.khanhLong,
      householdUid: created.uid,
      baseVersion: created.version,
      household: payload,
    });
    expect(res.statusCode).toBe(200);
    const after = await skl3();
    expect(after.numerator).toBe(before.numerator + 1);
    expect(after.denominator).toBe(before.denominator);
  });
});
