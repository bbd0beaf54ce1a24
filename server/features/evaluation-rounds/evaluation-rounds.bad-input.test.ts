import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../../../domain/evaluation-rounds/evidence-type.js';
import {
  LINUX_ELF,
  PDF,
  WINDOWS_EXE,
  createRoundsTestApp,
  hamletsOf,
  multipart,
  type Cookies,
  type RoundsTestApp,
} from './evaluation-rounds.fixtures.js';

/* Every refusal of the evaluation-round API: each answers 4xx with a stable code, never 500. */

let s: RoundsTestApp;

beforeAll(async () => {
  s = await createRoundsTestApp();
  const [hamlet] = await hamletsOf(s.t, s.tanKhanh);
  const res = await s.t.app.inject({
    method: 'POST',
    url: `/api/units/${s.tanKhanh}/pilots`,
    cookies: s.as.officerTanKhanh,
    payload: { hamletId: hamlet.id },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => s.t.close());

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, cookies: Cookies, payload?: object) =>
  s.t.app.inject({ method, url: `/api${url}`, cookies, payload });
const upload = (roundId: number, wardId: number, cookies: Cookies, name: string, content: Buffer) =>
  s.t.app.inject({
    method: 'POST',
    url: `/api/evaluation-rounds/${roundId}/wards/${wardId}/evidence`,
    cookies,
    ...multipart(name, content),
  });

function roundBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Đợt kiểm tra',
    assessmentDate: '2026-11-28',
    criteriaSetId: s.criteriaSetId,
    deadline: '2026-11-29',
    wardIds: [s.tanKhanh, s.tanHiep],
    ...overrides,
  };
}

async function openRound(overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await api('POST', '/evaluation-rounds', s.as.admin, roundBody(overrides));
  expect(res.statusCode).toBe(201);
  return res.json().round.id;
}

function expectError(res: { statusCode: number; json(): { code: string } }, status: number, code: string) {
  expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
}

describe('opening a round', () => {
  it('refuses a unit that is not a ward, naming the field', async () => {
    const [hamlet] = await hamletsOf(s.t, s.tanKhanh);
    const res = await api(
      'POST',
      '/evaluation-rounds',
      s.as.admin,
      roundBody({ wardIds: [s.tanKhanh, hamlet.id] }),
    );
    expectError(res, 400, 'ROUND_UNIT_NOT_WARD');
    expect(res.json().details).toMatchObject({ field: 'wardIds', unitId: hamlet.id });
    expect(res.json().message).toContain('wardIds');
  });

  it('refuses an unknown criteria set, an unknown unit, a deadline before the assessment date, and bad shapes', async () => {
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ criteriaSetId: 99999 })),
      404,
      'CRITERIA_SET_NOT_FOUND',
    );
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ wardIds: [99999] })),
      404,
      'UNIT_NOT_FOUND',
    );
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ deadline: '2026-11-27' })),
      400,
      'ROUND_DEADLINE_BEFORE_ASSESSMENT',
    );
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ wardIds: [] })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ assessmentDate: '2026-02-30' })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api('POST', '/evaluation-rounds', s.as.admin, roundBody({ extra: 1 })),
      400,
      'UNKNOWN_FIELD',
    );
  });

  it('refuses a ward that did not exist on the assessment date', async () => {
    const res = await api(
      'POST',
      '/evaluation-rounds',
      s.as.admin,
      roundBody({ assessmentDate: '2025-01-15' }),
    );
    expectError(res, 400, 'UNIT_NOT_VALID_ON_DATE');
  });

  it('lets only the city admin open, close and publish rounds', async () => {
    for (const who of ['officerTanKhanh', 'viewer', 'head'] as const)
      expectError(await api('POST', '/evaluation-rounds', s.as[who], roundBody()), 403, 'FORBIDDEN');
    const id = await openRound();
    expectError(await api('POST', `/evaluation-rounds/${id}/close`, s.as.officerTanKhanh), 403, 'FORBIDDEN');
    expectError(await api('POST', `/evaluation-rounds/${id}/publish`, s.as.viewer), 403, 'FORBIDDEN');
    expectError(
      await api('POST', `/evaluation-rounds/${id}/publish`, s.as.admin),
      409,
      'ROUND_NOTHING_APPROVED',
    );
    expectError(await api('GET', '/evaluation-rounds/99999', s.as.admin), 404, 'ROUND_NOT_FOUND');
  });
});

describe('submitting and reviewing', () => {
  it('refuses an officer submitting another ward, a non-officer submitting, and a ward not in the round', async () => {
    const id = await openRound({ wardIds: [s.tanKhanh, s.tanHiep] });
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/submit`, s.as.officerTanHiep),
      403,
      'UNIT_NOT_IN_SCOPE',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/submit`, s.as.admin),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.otherWard}/submit`, s.as.officerTanKhanh),
      404,
      'ROUND_WARD_NOT_IN_ROUND',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanHiep}/submit`, s.as.officerTanHiep),
      422,
      'ROUND_NO_PILOT_HAMLETS',
    );
  });

  it('refuses approval by a commune officer, and approval or return of a ward that has not submitted', async () => {
    const id = await openRound();
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanHiep}/approve`, s.as.admin, {}),
      409,
      'ROUND_SUBMISSION_NOT_PENDING',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanHiep}/return`, s.as.admin, {
        comment: 'Thiếu hồ sơ',
      }),
      409,
      'ROUND_SUBMISSION_NOT_PENDING',
    );
    expect(
      (await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/submit`, s.as.officerTanKhanh))
        .statusCode,
    ).toBe(201);
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/approve`, s.as.officerTanKhanh, {}),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/approve`, s.as.viewer, {}),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/return`, s.as.admin, {}),
      400,
      'VALIDATION_FAILED',
    );
    // Approval locks the snapshot: no resubmission afterwards.
    expect(
      (await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/approve`, s.as.admin)).statusCode,
    ).toBe(200);
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/submit`, s.as.officerTanKhanh),
      409,
      'ROUND_ALREADY_SUBMITTED',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/return`, s.as.admin, {
        comment: 'Xem lại số liệu',
      }),
      409,
      'ROUND_SUBMISSION_NOT_PENDING',
    );
    expect((await api('POST', `/evaluation-rounds/${id}/publish`, s.as.admin)).statusCode).toBe(200);
    expectError(
      await api('POST', `/evaluation-rounds/${id}/publish`, s.as.admin),
      409,
      'ROUND_ALREADY_PUBLISHED',
    );
    const results = (await api('GET', `/evaluation-rounds/${id}/results`, s.as.viewer)).json();
    expect(results.excludedWards).toEqual([
      { wardId: s.tanHiep, wardName: 'Phường Tân Hiệp', status: 'none' },
    ]);
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanHiep}/submit`, s.as.officerTanHiep),
      409,
      'ROUND_NOT_OPEN',
    );
  });

  it('refuses submissions once the round is closed', async () => {
    const id = await openRound();
    expect((await api('POST', `/evaluation-rounds/${id}/close`, s.as.admin)).json().round.status).toBe(
      'closed',
    );
    expectError(
      await api('POST', `/evaluation-rounds/${id}/wards/${s.tanKhanh}/submit`, s.as.officerTanKhanh),
      409,
      'ROUND_NOT_OPEN',
    );
    expectError(await api('POST', `/evaluation-rounds/${id}/close`, s.as.admin), 409, 'ROUND_NOT_OPEN');
  });
});

describe('evidence files', () => {
  it('keeps a file name with control characters or of any length as a short, printable name', async () => {
    const id = await openRound();
    const nul = await upload(id, s.tanKhanh, s.as.officerTanKhanh, 'quy\u0000et\u0007dinh.pdf', PDF);
    expect(nul.statusCode, nul.body).toBe(201);
    const long = await upload(id, s.tanKhanh, s.as.officerTanKhanh, `${'ả'.repeat(5000)}.pdf`, PDF);
    expect(long.statusCode, long.body).toBe(201);
    const names = (await api('GET', `/evaluation-rounds/${id}`, s.as.admin))
      .json()
      .round.wards.flatMap((w: { evidence: Array<{ filename: string }> }) =>
        w.evidence.map((e) => e.filename),
      );
    expect(names).toContain('quyetdinh.pdf');
    const longName = names.find((n: string) => n.startsWith('ả'))!;
    expect(longName.length).toBeLessThanOrEqual(200);
    expect(longName.endsWith('.pdf')).toBe(true);
  });

  it('refuses executables renamed .pdf by their first bytes, and files over the limit', async () => {
    const id = await openRound();
    expectError(
      await upload(id, s.tanKhanh, s.as.officerTanKhanh, 'quyet-dinh.pdf', WINDOWS_EXE),
      422,
      'EVIDENCE_TYPE_NOT_ALLOWED',
    );
    expectError(
      await upload(id, s.tanKhanh, s.as.officerTanKhanh, 'bien-ban.pdf', LINUX_ELF),
      422,
      'EVIDENCE_TYPE_NOT_ALLOWED',
    );
    const big = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES, 0x20)]);
    const tooBig = await upload(id, s.tanKhanh, s.as.officerTanKhanh, 'lon.pdf', big);
    expectError(tooBig, 413, 'EVIDENCE_TOO_LARGE');
    expect(tooBig.json().message).toContain('10 MB');
    expectError(await upload(id, s.tanKhanh, s.as.officerTanHiep, 'a.pdf', PDF), 403, 'UNIT_NOT_IN_SCOPE');
    expectError(await upload(id, s.tanKhanh, s.as.admin, 'a.pdf', PDF), 403, 'FORBIDDEN');
    const noFile = await s.t.app.inject({
      method: 'POST',
      url: `/api/evaluation-rounds/${id}/wards/${s.tanKhanh}/evidence`,
      cookies: s.as.officerTanKhanh,
      ...multipart('a.pdf', PDF, 'other'),
    });
    expectError(noFile, 400, 'EVIDENCE_FILE_REQUIRED');
    const json = await api(
      'POST',
      `/evaluation-rounds/${id}/wards/${s.tanKhanh}/evidence`,
      s.as.officerTanKhanh,
      { file: 'x' },
    );
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(
      (await api('GET', `/evaluation-rounds/${id}`, s.as.admin))
        .json()
        .round.wards.flatMap((w: { evidence: unknown[] }) => w.evidence),
    ).toEqual([]);
    expectError(
      await api(
        'DELETE',
        `/evaluation-rounds/${id}/wards/${s.tanKhanh}/evidence/99999`,
        s.as.officerTanKhanh,
      ),
      404,
      'EVIDENCE_NOT_FOUND',
    );
    expectError(
      await api('GET', `/evaluation-rounds/${id}/evidence/99999`, s.as.admin),
      404,
      'EVIDENCE_NOT_FOUND',
    );
  });
});

describe('the deadline', () => {
  it('accepts a submission until 23:59:59 of the deadline in Vietnam and refuses it a second later', async () => {
    const early = await openRound({ assessmentDate: '2026-11-29', deadline: '2026-11-30' });
    expectError(
      await api('POST', `/evaluation-rounds/${early}/wards/${s.tanKhanh}/submit`, s.as.officerTanKhanh),
      422,
      'ROUND_NOT_STARTED',
    );

    const onTime = await openRound({ deadline: '2026-11-29' });
    const late = await openRound({ deadline: '2026-11-29' });
    s.t.clock.now = new Date('2026-11-29T16:59:59.000Z');
    await s.refreshSessions();
    expect(
      (await api('POST', `/evaluation-rounds/${onTime}/wards/${s.tanKhanh}/submit`, s.as.officerTanKhanh))
        .statusCode,
    ).toBe(201);
    s.t.clock.now = new Date('2026-11-29T17:00:00.000Z');
    const res = await api(
      'POST',
      `/evaluation-rounds/${late}/wards/${s.tanKhanh}/submit`,
      s.as.officerTanKhanh,
    );
    expectError(res, 422, 'ROUND_DEADLINE_PASSED');
    expect(res.json().message).toContain('29/11/2026');
    expect(
      (await api('GET', `/evaluation-rounds/${late}`, s.as.officerTanKhanh)).json().round.canSubmitWardIds,
    ).toEqual([]);
  });
});
