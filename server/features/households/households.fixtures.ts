import type { SurveyTestApp, Cookies } from '../surveys/surveys.fixtures.js';

/* Builders for survey submissions in the households tests. Not a test file. */

let counter = 0;
/** A fresh client id, as a phone would make one. */
export const newClientId = () => `test-${Date.now().toString(36)}-${(counter += 1)}`;

export const head = (over: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn Ân',
  birthYear: 1980,
  sex: 'male',
  residency: 'permanent',
  isHead: true,
  vneidLevel: 2,
  onlinePublicServiceAccount: true,
  canUseOnlinePublicService: true,
  digitalPaymentAccount: false,
  smartDevice: true,
  ...over,
});

export const spouse = (over: Record<string, unknown> = {}) => ({
  fullName: 'Trần Thị Bích',
  birthYear: 1984,
  sex: 'female',
  residency: 'permanent',
  digitalPaymentAccount: null,
  ...over,
});

export function newHousehold(hamletId: number, localCode: string, over: Record<string, unknown> = {}) {
  return {
    clientId: newClientId(),
    hamletId,
    household: {
      localCode,
      address: '12 đường ĐT746, khu phố Khánh Long',
      street: 'ĐT746',
      residency: 'permanent',
      fixedBroadband: true,
      members: [head(), spouse()],
    },
    visit: {
      outcome: 'visited',
      visitedAt: '2026-11-28T02:30:00+07:00',
      support: ['vneid_setup'],
      note: 'Hướng dẫn cài VNeID',
    },
    ...over,
  };
}

export function submit(s: SurveyTestApp, cookies: Cookies, payload: unknown, lang = 'vi') {
  return s.t.app.inject({
    method: 'POST',
    url: `/api/survey-submissions?lang=${lang}`,
    cookies,
    payload: payload as object,
  });
}

/** Every stored version of the residents of a household, oldest first. */
export async function residentVersions(s: SurveyTestApp, householdUid: string) {
  return s.t.db.db
    .selectFrom('residents')
    .selectAll()
    .where('householdUid', '=', householdUid)
    .orderBy('id')
    .execute();
}

/** Rows in the survey tables, to prove that a refused submission wrote nothing. */
export async function surveyRowCounts(s: SurveyTestApp) {
  const count = async (table: 'households' | 'residents' | 'householdVisits' | 'surveySubmissions') =>
    Number(
      (
        await s.t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    households: await count('households'),
    residents: await count('residents'),
    visits: await count('householdVisits'),
    submissions: await count('surveySubmissions'),
  };
}
