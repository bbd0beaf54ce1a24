import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, SCREENSHOT_DIR, startHarness, type Harness } from './harness.js';

/*
 * Issue 5 "Done when": a whole evaluation round on the demo city, through the pages. The city opens a round for
 * Tân Hiệp and Tân Khánh; both wards submit (Tân Khánh with an evidence PDF); the city returns Tân Hiệp with a
 * comment, the ward reads it and resubmits; the city approves both, publishes, and downloads the XLSX and the
 * printable report (printed to PDF by Chromium).
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const ROUND_NAME = 'Đánh giá khu phố chuyển đổi số đợt thử nghiệm';
const RETURN_COMMENT = 'Bổ sung quyết định thành lập Tổ công nghệ số cộng đồng của khu phố.';
const RESUBMIT_NOTE = 'Đã bổ sung quyết định thành lập Tổ theo ý kiến của thành phố.';

/** dd/MM/yyyy of a day offset from today in Vietnam (the server judges deadlines in UTC+7). */
function vietnamDate(offsetDays: number): { iso: string; display: string } {
  const day = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-');
  return { iso: day, display: `${d}/${m}/${y}` };
}

/** The confirm button of the Popconfirm that is open now. */
async function confirmPopover(page: Page): Promise<void> {
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)').last();
  await popover.getByRole('button', { name: 'Đồng ý' }).click();
}

async function pickDate(page: Page, testId: string, display: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(display);
  await input.press('Enter');
}

function wardRow(page: Page, wardName: string): Locator {
  return page.getByTestId('round-wards').locator('tr.ant-table-row', { hasText: wardName });
}

interface ScorecardHamlet {
  id: number;
  name: string;
  met: number;
  meetsStandard: boolean;
}

/**
 * Setup through the API, as the journey allows: the officer marks the ward's two best hamlets as pilots (the demo
 * seeds none). Returns the pilots' names.
 */
async function markPilots(page: Page): Promise<string[]> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    user: { scope: Array<{ id: number }> };
  };
  const wardId = me.user.scope[0]!.id;
  const card = (await (await page.request.get(`/api/units/${wardId}/scorecard`)).json()) as {
    hamlets: ScorecardHamlet[];
  };
  const best = [...card.hamlets]
    .sort((a, b) => Number(b.meetsStandard) - Number(a.meetsStandard) || b.met - a.met)
    .slice(0, 2);
  for (const hamlet of best) {
    const reply = await page.request.post(`/api/units/${wardId}/pilots`, { data: { hamletId: hamlet.id } });
    expect(reply.status(), await reply.text()).toBe(201);
  }
  return best.map((hamlet) => hamlet.name);
}

async function openRound(page: Page, roundId: number): Promise<void> {
  await page.goto(`/app/rounds/${roundId}`);
  await page.getByTestId('round-title').waitFor();
}

async function submitOwnWard(page: Page): Promise<void> {
  await page.getByTestId('ward-submit').click();
  // Waits for the server's answer itself, so a refused or slow submission fails here with its reason.
  const [reply] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/submit'),
      { timeout: 30_000 },
    ),
    confirmPopover(page),
  ]);
  expect(reply.status(), await reply.text()).toBeLessThan(300);
  await expect
    .poll(
      () => page.locator('[data-testid^="ward-card-"]').getByTestId('submission-status').textContent(),
      POLL,
    )
    .toBe('Chờ duyệt');
}

function readDownload(path: string | null): Buffer {
  if (!path) throw new Error('the download has no file');
  return fs.readFileSync(path);
}

// Three browser contexts and a dozen round trips: allow more than the default minute on a busy 2-core machine.
const JOURNEY_TIMEOUT = 180_000;

it(
  'runs a whole evaluation round: open, submit, return, resubmit, approve, publish, reports',
  async () => {
    const admin = await harness.newPage(DESKTOP);
    const khanh = await harness.newPage(DESKTOP);
    const hiep = await harness.newPage(PHONE);
    try {
      // 1. The city admin opens a round for two wards from the menu entry.
      await logIn(admin, 'admin');
      await admin.getByTestId('app-menu').getByText('Đợt đánh giá').click();
      await admin.waitForURL('**/app/rounds');
      await admin.getByTestId('round-create').click();
      const drawer = admin.getByTestId('round-create-drawer');
      await drawer.waitFor();
      // Client-side checks first: an empty form names its missing fields.
      await admin.getByTestId('round-submit').click();
      await expect
        .poll(() => drawer.locator('.ant-form-item-explain-error').count(), POLL)
        .toBeGreaterThanOrEqual(4);
      await admin.getByTestId('round-name').fill(ROUND_NAME);
      await pickDate(admin, 'round-assessment-date', vietnamDate(0).display);
      await pickDate(admin, 'round-deadline', vietnamDate(10).display);
      await admin.getByTestId('round-criteria-set').click();
      await admin.locator('.ant-select-item-option', { hasText: 'Khu phố chuyển đổi số 2026' }).click();
      const wards = admin.getByTestId('round-wards');
      for (const name of ['Tân Hiệp', 'Tân Khánh']) {
        await wards.click();
        await wards.locator('input').fill(name);
        await admin
          .locator('.ant-select-item-option', { hasText: `Phường ${name}` })
          .first()
          .click();
      }
      await admin.keyboard.press('Escape');
      await harness.screenshot(admin, 'round-create', { fullPage: true });
      await admin.getByTestId('round-submit').click();
      await admin.waitForURL(/\/app\/rounds\/\d+$/);
      const roundId = Number(new URL(admin.url()).pathname.split('/').pop());
      await expect.poll(() => admin.getByTestId('round-title').textContent(), POLL).toBe(ROUND_NAME);
      expect(await admin.getByTestId('round-status').textContent()).toBe('Đang nhận hồ sơ');
      expect(await admin.getByTestId('deadline-hint').textContent()).toBe('còn 10 ngày');
      expect(await admin.getByTestId('round-wards').locator('tr.ant-table-row').count()).toBe(2);

      // 2. Tân Khánh (desktop): marks pilots, uploads evidence (a renamed executable is refused), submits.
      await logIn(khanh, 'canbo.tankhanh');
      const khanhPilots = await markPilots(khanh);
      await openRound(khanh, roundId);
      const upload = khanh.locator('[data-testid^="ward-card-"] input[type="file"]');
      await upload.setInputFiles({
        name: 'quyet-dinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
      });
      await khanh.getByTestId('evidence-error').waitFor();
      expect(await khanh.getByTestId('evidence-error').textContent()).toContain('chỉ nhận tệp PDF');
      await upload.setInputFiles({
        name: 'QĐ thành lập tổ CNSCĐ.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      });
      await khanh.getByTestId('evidence-item').first().waitFor();
      expect(await khanh.getByTestId('evidence-list').textContent()).toContain('QĐ thành lập tổ CNSCĐ.pdf');
      expect(await khanh.getByTestId('evidence-error').count()).toBe(0);
      await submitOwnWard(khanh);
      // The frozen snapshot of both pilots is shown after submitting.
      const frozen = khanh.getByTestId('frozen-hamlets');
      await frozen.waitFor();
      for (const name of khanhPilots) expect(await frozen.textContent()).toContain(name);
      await harness.screenshot(khanh, 'round-officer-submitted', { fullPage: true });

      // 3. Tân Hiệp, on a phone: marks pilots and submits without evidence.
      await logIn(hiep, 'canbo.tanhiep');
      const hiepPilots = await markPilots(hiep);
      await openRound(hiep, roundId);
      // An officer sees only its own ward of the round.
      expect(await hiep.getByTestId('round-wards').locator('tr.ant-table-row').count()).toBe(1);
      await submitOwnWard(hiep);

      // 4. The city returns Tân Hiệp with a comment (required) and approves Tân Khánh.
      await admin.reload();
      await expect
        .poll(() => wardRow(admin, 'Tân Hiệp').getByTestId('submission-status').textContent(), POLL)
        .toBe('Chờ duyệt');
      await wardRow(admin, 'Tân Hiệp').getByTestId('ward-return').click();
      await admin.getByTestId('return-confirm').click();
      await admin.locator('.ant-modal .ant-form-item-explain-error').waitFor();
      await admin.getByTestId('return-comment').fill(RETURN_COMMENT);
      await admin.getByTestId('return-confirm').click();
      await expect
        .poll(() => wardRow(admin, 'Tân Hiệp').getByTestId('submission-status').textContent(), POLL)
        .toBe('Bị trả lại');
      await wardRow(admin, 'Tân Khánh').getByTestId('ward-approve').click();
      await confirmPopover(admin);
      await expect
        .poll(() => wardRow(admin, 'Tân Khánh').getByTestId('submission-status').textContent(), POLL)
        .toBe('Đã duyệt');
      // The reviewer opens a ward's row to read what it sent: the frozen hamlets and the evidence file.
      await wardRow(admin, 'Tân Khánh').locator('.ant-table-row-expand-icon').click();
      const expanded = admin.getByTestId('round-wards').locator('tr.ant-table-expanded-row');
      await expanded.getByTestId('evidence-item').waitFor();
      expect(await expanded.textContent()).toContain('QĐ thành lập tổ CNSCĐ.pdf');
      for (const name of khanhPilots)
        expect(await expanded.getByTestId('frozen-hamlets').textContent()).toContain(name);
      await harness.screenshot(admin, 'round-city-review', { fullPage: true });

      // 5. Tân Hiệp reads the city's comment and resubmits.
      await hiep.reload();
      await hiep.getByTestId('review-comment').waitFor();
      expect(await hiep.getByTestId('review-comment-text').textContent()).toBe(RETURN_COMMENT);
      expect(await hiep.getByTestId('ward-submit').textContent()).toContain('Nộp lại');
      await harness.screenshot(hiep, 'round-officer-returned-360', { fullPage: true });
      await hiep.getByTestId('ward-note').fill(RESUBMIT_NOTE);
      await submitOwnWard(hiep);

      // 6. The city approves the resubmission and publishes.
      await admin.reload();
      await wardRow(admin, 'Tân Hiệp').getByTestId('ward-approve').click();
      await confirmPopover(admin);
      await expect
        .poll(() => wardRow(admin, 'Tân Hiệp').getByTestId('submission-status').textContent(), POLL)
        .toBe('Đã duyệt');
      await admin.getByTestId('round-publish').click();
      await confirmPopover(admin);
      await expect
        .poll(() => admin.getByTestId('round-status').textContent(), POLL)
        .toBe('Đã công bố kết quả');

      // The timeline tells the whole story, with the comment.
      await admin.getByRole('tab', { name: 'Diễn biến' }).click();
      const timeline = admin.getByTestId('round-timeline');
      await timeline.waitFor();
      const kinds = await timeline
        .getByTestId('timeline-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
      for (const kind of [
        'opened',
        'evidence_added',
        'submitted',
        'returned',
        'resubmitted',
        'approved',
        'published',
      ])
        expect(kinds).toContain(kind);
      expect(kinds.filter((kind) => kind === 'approved')).toHaveLength(2);
      expect(await timeline.textContent()).toContain(RETURN_COMMENT);
      expect(await timeline.textContent()).toContain(RESUBMIT_NOTE);
      await harness.screenshot(admin, 'round-timeline', { fullPage: true });

      // 7. Results: every pilot hamlet ranked, in the published ranking.
      await admin.getByRole('tab', { name: 'Kết quả' }).click();
      const ranking = admin.getByTestId('results-ranking');
      await expect.poll(() => ranking.locator('tr.ant-table-row').count(), POLL).toBe(4);
      const rankingText = (await ranking.textContent()) ?? '';
      for (const name of [...khanhPilots, ...hiepPilots]) expect(rankingText).toContain(name);
      expect(await admin.getByTestId('results-preview').count()).toBe(0);
      await harness.screenshot(admin, 'round-results', { fullPage: true });

      // 8. Reports: the XLSX parses and names the hamlets; the printable page carries the motto and prints to PDF.
      const [xlsx] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByTestId('report-xlsx').click(),
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readDownload(await xlsx.path()) as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))),
      );
      const sheetText = cells.join('\n');
      for (const name of [...khanhPilots, ...hiepPilots]) expect(sheetText).toContain(name);

      const [report] = await Promise.all([
        admin.context().waitForEvent('page'),
        admin.getByTestId('report-pdf').click(),
      ]);
      await report.waitForLoadState('load');
      const html = (await report.textContent('body')) ?? '';
      expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
      for (const name of khanhPilots) expect(html).toContain(name);
      const pdf = await report.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      fs.writeFileSync(path.join(SCREENSHOT_DIR, 'round-report.pdf'), pdf);
      await report.setViewportSize({ width: 900, height: 1200 });
      await harness.screenshot(report, 'round-report', { fullPage: true });

      // The officers see the published results too, and the round list shows the progress.
      await khanh.goto('/app/rounds');
      const listRow = khanh.getByTestId('rounds-table').locator('tr.ant-table-row', { hasText: ROUND_NAME });
      await listRow.waitFor();
      expect(await listRow.getByTestId('round-status').textContent()).toBe('Đã công bố kết quả');
      expect(await listRow.getByTestId('round-progress').textContent()).toContain('đã duyệt 2/2');
      await harness.screenshot(khanh, 'round-list', { fullPage: true });

      // A viewer reads the published round but has no review or publish buttons.
      const viewer = await harness.newPage(DESKTOP);
      await logIn(viewer, 'xem');
      await openRound(viewer, roundId);
      expect(await viewer.getByTestId('round-wards').locator('tr.ant-table-row').count()).toBe(2);
      expect(await viewer.getByTestId('ward-approve').count()).toBe(0);
      expect(await viewer.getByTestId('round-publish').count()).toBe(0);
      await viewer.getByRole('tab', { name: 'Kết quả' }).click();
      await expect
        .poll(() => viewer.getByTestId('results-ranking').locator('tr.ant-table-row').count(), POLL)
        .toBe(4);

      // The same results in English: the language switch re-renders every label from the English locale.
      await openRound(admin, roundId);
      await admin.getByTestId('language-switch').getByText('English').click();
      await admin.getByRole('tab', { name: 'Results' }).click();
      await admin.getByText('Hamlet ranking').waitFor();
      expect(await admin.getByTestId('round-status').textContent()).toBe('Results published');
      await harness.screenshot(admin, 'round-results-en', { fullPage: true });
      expect(harness.pageErrors).toEqual([]);
    } finally {
      await harness.screenshot(admin, 'round-end-admin', { fullPage: true });
      await harness.screenshot(khanh, 'round-end-officer', { fullPage: true });
      await harness.screenshot(hiep, 'round-end-officer-360', { fullPage: true });
    }
  },
  JOURNEY_TIMEOUT,
);
