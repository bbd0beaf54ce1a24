import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRank, proposeAwards } from '../../../domain/evaluation-rounds/ranking.js';
import {
  PDF,
  PNG,
  createRoundsTestApp,
  hamletsOf,
  markPilot,
  multipart,
  type Cookies,
  type RoundsTestApp,
} from './evaluation-rounds.fixtures.js';

/* The whole round on the demo city: open, evidence, two wards submit, one returned and resubmitted, approve,
 * publish, results, awards, timeline and both reports. */

let s: RoundsTestApp;
let roundId = 0;
let pilots: Awaited<ReturnType<typeof hamletsOf>> = [];

beforeAll(async () => {
  s = await createRoundsTestApp();
  const khanh = await hamletsOf(s.t, s.tanKhanh);
  const hiep = await hamletsOf(s.t, s.tanHiep);
  await markPilot(s, s.as.officerTanKhanh, s.tanKhanh, khanh[0].id);
  await markPilot(s, s.as.officerTanKhanh, s.tanKhanh, khanh[1].id);
  await markPilot(s, s.as.officerTanHiep, s.tanHiep, hiep[0].id);
  pilots = [khanh[0], khanh[1], hiep[0]];
});
afterAll(async () => s.t.close());

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, cookies: Cookies, payload?: object) =>
  s.t.app.inject({ method, url: `/api${url}`, cookies, payload });
const detail = async (cookies: Cookies) =>
  (await api('GET', `/evaluation-rounds/${roundId}`, cookies)).json().round;

describe('an evaluation round from opening to published results', () => {
  it('lets the city admin open a round for two wards', async () => {
    const res = await api('POST', '/evaluation-rounds', s.as.admin, {
      name: 'Đánh giá khu phố chuyển đổi số <đợt 1>',
      assessmentDate: '2026-11-28',
      criteriaSetId: s.criteriaSetId,
      deadline: '2026-11-30',
      wardIds: [s.tanKhanh, s.tanHiep],
    });
    expect(res.statusCode).toBe(201);
    const round = res.json().round;
    roundId = round.id;
    expect(round).toMatchObject({ status: 'open', wardCount: 2, submittedCount: 0, approvedCount: 0 });
    expect(round.wards.map((w: { wardName: string }) => w.wardName)).toEqual([
      'Phường Tân Hiệp',
      'Phường Tân Khánh',
    ]);
    expect(round.canReview).toBe(true);
    expect(round.canPublish).toBe(false);
    expect(round.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
  });

  it('lists the round for the admin, the viewer and both officers, and refuses hamlet heads', async () => {
    for (const who of ['admin', 'viewer', 'officerTanKhanh', 'officerTanHiep'] as const) {
      const res = await api('GET', '/evaluation-rounds', s.as[who]);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { id: number }) => r.id)).toContain(roundId);
    }
    expect((await api('GET', '/evaluation-rounds', s.as.head)).statusCode).toBe(403);
    expect((await api('GET', `/evaluation-rounds/${roundId}`, s.as.head)).statusCode).toBe(403);
  });

  it('shows an officer only its own ward and lets it submit only that one', async () => {
    const round = await detail(s.as.officerTanKhanh);
    expect(round.wards.map((w: { wardId: number }) => w.wardId)).toEqual([s.tanKhanh]);
    expect(round.canSubmitWardIds).toEqual([s.tanKhanh]);
    expect(round.canReview).toBe(false);
  });

  it('stores evidence checked by content, downloadable by the city and refused to the other ward', async () => {
    const up = await s.t.app.inject({
      method: 'POST',
      url: `/api/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/evidence`,
      cookies: s.as.officerTanKhanh,
      ...multipart('Quyết định thành lập tổ.pdf', PDF),
    });
    expect(up.statusCode).toBe(201);
    const evidence = up.json().evidence;
    expect(evidence).toMatchObject({
      filename: 'Quyết định thành lập tổ.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    const photo = await s.t.app.inject({
      method: 'POST',
      url: `/api/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/evidence`,
      cookies: s.as.officerTanKhanh,
      ...multipart('anh.png', PNG),
    });
    expect(photo.json().evidence.mime).toBe('image/png');
    const removed = await api(
      'DELETE',
      `/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/evidence/${photo.json().evidence.id}`,
      s.as.officerTanKhanh,
    );
    expect(removed.json()).toEqual({ ok: true });

    const file = await api('GET', `/evaluation-rounds/${roundId}/evidence/${evidence.id}`, s.as.admin);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain('attachment');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const reads = await s.t.db.db
      .selectFrom('auditLog')
      .select(['actorName', 'after'])
      .where('action', '=', 'round.evidence_download')
      .execute();
    expect(reads).toEqual([
      { actorName: 'admin', after: JSON.stringify({ wardId: s.tanKhanh, evidenceId: evidence.id }) },
    ]);
    const other = await api(
      'GET',
      `/evaluation-rounds/${roundId}/evidence/${evidence.id}`,
      s.as.officerTanHiep,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('UNIT_NOT_IN_SCOPE');
    const ward = (await detail(s.as.admin)).wards.find((w: { wardId: number }) => w.wardId === s.tanKhanh);
    expect(ward.evidence.map((e: { id: number }) => e.id)).toEqual([evidence.id]);
  });

  it('freezes one snapshot per pilot hamlet when a ward submits, and refuses a second submission', async () => {
    const res = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/submit`,
      s.as.officerTanKhanh,
      {
        note: 'Hồ sơ tự đánh giá',
      },
    );
    expect(res.statusCode).toBe(201);
    const submission = res.json().submission;
    expect(submission).toMatchObject({
      status: 'submitted',
      version: 1,
      submittedByName: 'Cán bộ CĐS phường Tân Khánh',
    });
    const ids = submission.hamlets.map((h: { hamletId: number }) => h.hamletId);
    expect([...ids].sort()).toEqual([pilots[0].id, pilots[1].id].sort());
    // Two hamlets of one ward with the same name (a merger left two "Khu phố 1") are told apart by their code.
    const [a, b] = pilots;
    const labels = new Map(
      submission.hamlets.map((h: { hamletId: number; hamletName: string }) => [h.hamletId, h.hamletName]),
    );
    for (const p of [a, b])
      expect(labels.get(p.id)).toBe(a.name === b.name ? `${p.name} (${p.localCode})` : p.name);
    for (const h of submission.hamlets) {
      const snap = await api('GET', `/assessments/${h.assessmentId}`, s.as.admin);
      expect(snap.json().assessment).toMatchObject({
        unitId: h.hamletId,
        assessmentDate: '2026-11-28',
        met: h.met,
      });
    }
    expect(submission.evidence).toHaveLength(1);

    const twice = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/submit`,
      s.as.officerTanKhanh,
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ROUND_ALREADY_SUBMITTED');
    const late = await s.t.app.inject({
      method: 'POST',
      url: `/api/evaluation-rounds/${roundId}/wards/${s.tanKhanh}/evidence`,
      cookies: s.as.officerTanKhanh,
      ...multipart('them.pdf', PDF),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ROUND_SUBMISSION_LOCKED');
  });

  it('returns a submission with a comment, and takes the resubmission as version 2', async () => {
    const first = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanHiep}/submit`,
      s.as.officerTanHiep,
    );
    expect(first.statusCode).toBe(201);
    const short = await api('POST', `/evaluation-rounds/${roundId}/wards/${s.tanHiep}/return`, s.as.admin, {
      comment: 'xem',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('ROUND_COMMENT_REQUIRED');
    const returned = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanHiep}/return`,
      s.as.admin,
      {
        comment: 'Bổ sung quyết định thành lập tổ công nghệ số',
      },
    );
    expect(returned.statusCode).toBe(200);
    expect(returned.json().submission).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung quyết định thành lập tổ công nghệ số',
    });
    expect((await detail(s.as.officerTanHiep)).canSubmitWardIds).toEqual([s.tanHiep]);
    s.t.clock.now = new Date('2026-11-28T05:00:00Z');
    const again = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanHiep}/submit`,
      s.as.officerTanHiep,
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().submission).toMatchObject({
      status: 'submitted',
      version: 2,
      submittedAt: '2026-11-28T05:00:00.000Z',
    });
  });

  it('keeps results from officers until published, and lets the admin preview them', async () => {
    const officer = await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.officerTanKhanh);
    expect(officer.statusCode).toBe(409);
    expect(officer.json().code).toBe('ROUND_NOT_PUBLISHED');
    const preview = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.admin)).json();
    expect(preview).toMatchObject({ published: false, ranking: [] });
    expect(preview.excludedWards.map((w: { status: string }) => w.status)).toEqual([
      'submitted',
      'submitted',
    ]);
  });

  it('approves both wards and publishes a ranking ordered by the documented rule', async () => {
    for (const wardId of [s.tanKhanh, s.tanHiep]) {
      const res = await api('POST', `/evaluation-rounds/${roundId}/wards/${wardId}/approve`, s.as.admin, {});
      expect(res.statusCode).toBe(200);
      expect(res.json().submission.status).toBe('approved');
    }
    const again = await api(
      'POST',
      `/evaluation-rounds/${roundId}/wards/${s.tanHiep}/approve`,
      s.as.admin,
      {},
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROUND_SUBMISSION_NOT_PENDING');
    expect((await detail(s.as.admin)).canPublish).toBe(true);

    const published = await api('POST', `/evaluation-rounds/${roundId}/publish`, s.as.admin);
    expect(published.statusCode).toBe(200);
    expect(published.json().round).toMatchObject({
      status: 'published',
      approvedCount: 2,
      canPublish: false,
    });

    const results = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.officerTanHiep)).json();
    expect(results.published).toBe(true);
    expect(results.excludedWards).toEqual([]);
    expect(results.ranking.map((r: { hamletId: number }) => r.hamletId).sort()).toEqual(
      pilots.map((p) => p.id).sort(),
    );
    for (let i = 1; i < results.ranking.length; i++) {
      const [a, b] = [results.ranking[i - 1], results.ranking[i]];
      expect(compareRank(a, b)).toBeLessThanOrEqual(0);
      expect(a.rank).toBeLessThanOrEqual(b.rank);
    }
    expect(results.ranking[0].rank).toBe(1);
    expect(results.awards).toEqual(proposeAwards(results.ranking));
    const tanHiepRow = results.ranking.find((r: { wardId: number }) => r.wardId === s.tanHiep);
    expect(tanHiepRow.submittedAt).toBe('2026-11-28T05:00:00.000Z');
  });

  it('shows every step in the timeline, with the return comment', async () => {
    const round = await detail(s.as.admin);
    expect(round.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'evidence_added',
      'evidence_added',
      'evidence_removed',
      'submitted',
      'submitted',
      'returned',
      'resubmitted',
      'approved',
      'approved',
      'published',
    ]);
    const returned = round.timeline.find((e: { kind: string }) => e.kind === 'returned');
    expect(returned).toMatchObject({
      wardId: s.tanHiep,
      wardName: 'Phường Tân Hiệp',
      actorName: 'Phòng Văn hóa và Thông tin Tân Uyên',
    });
    expect(returned.comment).toBe('Bổ sung quyết định thành lập tổ công nghệ số');
    const officerView = await detail(s.as.officerTanKhanh);
    expect(
      officerView.timeline.every(
        (e: { wardId: number | null }) => e.wardId === null || e.wardId === s.tanKhanh,
      ),
    ).toBe(true);
  });

  it('exports the city summary as XLSX with the hamlet names and their figures', async () => {
    const res = await api('GET', `/evaluation-rounds/${roundId}/report.xlsx`, s.as.admin);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: Array<string | number> = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value as string | number)));
    expect(cells).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cells).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(cells).toContain('Bảng 1. Xếp hạng các khu phố, ấp thí điểm');
    expect(cells).toContain('NGƯỜI LẬP BIỂU');
    expect(cells).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    const results = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.admin)).json();
    const rows = sheet.getRows(1, sheet.rowCount)!;
    const header = rows.findIndex((x) => x.getCell(1).value === 'STT');
    expect(header).toBeGreaterThan(0);
    results.ranking.forEach((r: Record<string, number | string>, i: number) => {
      const row = rows[header + 1 + i];
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(r.hamletName);
      expect(row.getCell(3).value).toBe(r.wardName);
      expect(row.getCell(4).value).toBe(r.met);
      expect(row.getCell(5).value).toBe(r.applicable);
      expect(row.getCell(6).value).toBeCloseTo((100 * Number(r.met)) / Number(r.applicable), 1);
      expect(row.getCell(6).numFmt).toBe('#,##0.0');
      expect(row.getCell(8).value).toBe(r.totalGap);
      expect(row.getCell(9).value).toBe(r.rank);
    });
  });

  it('renders the print-ready HTML with motto, numbered tables, signature block and escaped text', async () => {
    const res = await api('GET', `/evaluation-rounds/${roundId}/report.html`, s.as.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toMatch(/, ngày 28 tháng 11 năm 2026/);
    expect(html).toContain('Bảng 1.');
    expect(html).toContain('NGƯỜI LẬP BIỂU');
    expect(html).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(html).toContain('size: A4');
    expect(html).toContain('&lt;đợt 1&gt;');
    expect(html).not.toContain('<đợt 1>');
    expect(html).not.toMatch(/<script|https?:\/\//);
    const ranked = (await api('GET', `/evaluation-rounds/${roundId}/results`, s.as.admin)).json().ranking;
    for (const r of ranked) expect(html).toContain(r.hamletName);
    const en = await api('GET', `/evaluation-rounds/${roundId}/report.html?lang=en`, s.as.admin);
    expect(en.body).toContain('SOCIALIST REPUBLIC OF VIETNAM');
  });

  it("gives a ward officer its own ward's report and refuses another ward's", async () => {
    const own = await api(
      'GET',
      `/evaluation-rounds/${roundId}/report.html?wardId=${s.tanKhanh}`,
      s.as.officerTanKhanh,
    );
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('UBND PHƯỜNG TÂN KHÁNH');
    expect(own.body).toContain('Bảng 2. Kết quả từng tiêu chí');
    const xlsx = await api(
      'GET',
      `/evaluation-rounds/${roundId}/report.xlsx?wardId=${s.tanKhanh}`,
      s.as.officerTanKhanh,
    );
    expect(xlsx.statusCode).toBe(200);
    const other = await api(
      'GET',
      `/evaluation-rounds/${roundId}/report.html?wardId=${s.tanHiep}`,
      s.as.officerTanKhanh,
    );
    expect(other.statusCode).toBe(403);
    const audit = await s.t.db.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'evaluation_round')
      .where('action', '=', 'round.report')
      .execute();
    expect(audit.length).toBe(5);
  });
});
