import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRoundsTestApp,
  hamletsOf,
  type Cookies,
  type RoundsTestApp,
} from './evaluation-rounds.fixtures.js';

/* Awards through the API: a published round whose frozen rows are set to meet every criterion. */

let s: RoundsTestApp;
let roundId = 0;

const api = (method: 'GET' | 'POST', url: string, cookies: Cookies, payload?: object) =>
  s.t.app.inject({ method, url: `/api${url}`, cookies, payload });

beforeAll(async () => {
  s = await createRoundsTestApp();
  const wards = [
    [s.tanKhanh, s.as.officerTanKhanh],
    [s.tanHiep, s.as.officerTanHiep],
  ] as const;
  for (const [wardId, cookies] of wards) {
    const hamlets = await hamletsOf(s.t, wardId);
    for (const h of hamlets.slice(0, 2))
      expect((await api('POST', `/units/${wardId}/pilots`, cookies, { hamletId: h.id })).statusCode).toBe(
        201,
      );
  }
  const created = await api('POST', '/evaluation-rounds', s.as.admin, {
    name: 'Đợt khen thưởng',
    assessmentDate: '2026-11-28',
    criteriaSetId: s.criteriaSetId,
    deadline: '2026-11-30',
    wardIds: wards.map(([id]) => id),
  });
  roundId = created.json().round.id;
  for (const [wardId, cookies] of wards) {
    expect(
      (await api('POST', `/evaluation-rounds/${roundId}/wards/${wardId}/submit`, cookies)).statusCode,
    ).toBe(201);
    expect(
      (await api('POST', `/evaluation-rounds/${roundId}/wards/${wardId}/approve`, s.as.admin)).statusCode,
    ).toBe(200);
  }
  expect((await api('POST', `/evaluation-rounds/${roundId}/publish`, s.as.admin)).statusCode).toBe(200);
});
afterAll(async () => s.t.close());

describe('award proposal', () => {
  it('proposes awards for hamlets meeting every criterion and prints them in the reports', async () => {
    // The demo population meets no hamlet's full standard; two frozen rows are set to 15/15 to reach the award path.
    const results = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.admin)).json();
    const [first, second] = results.ranking.slice(-2);
    for (const [row, submittedGap] of [
      [first, 0],
      [second, 7],
    ] as const)
      await s.t.db.db
        .updateTable('evaluationRoundHamlets')
        .set({ met: 15, applicable: 15, meetsStandard: 1, totalGap: submittedGap })
        .where('hamletId', '=', row.hamletId)
        .execute();
    const after = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.viewer)).json();
    expect(after.ranking.slice(0, 2).map((r: { hamletId: number }) => r.hamletId)).toEqual([
      first.hamletId,
      second.hamletId,
    ]);
    expect(after.awards).toEqual([
      expect.objectContaining({
        hamletId: first.hamletId,
        award: 'excellent',
        reason: 'top_ranked_full_standard',
      }),
      expect.objectContaining({ hamletId: second.hamletId, award: 'standard', reason: 'full_standard' }),
    ]);
    const html = (await api('GET', `/evaluation-rounds/${roundId}/report.html`, s.as.viewer)).body;
    expect(html).toContain('Khu phố chuyển đổi số tiêu biểu xuất sắc');
    expect(html).toContain('Đạt 100% tiêu chí, xếp hạng cao nhất');
  });
});
