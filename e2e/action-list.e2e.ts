import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, SCREENSHOT_DIR, startHarness, type Harness } from './harness.js';
import path from 'node:path';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

it('lets a commune officer open a hamlet action list, download it as Excel and print the A4 checklist', async () => {
  const page = await harness.newPage({ width: 1366, height: 768 });
  await logIn(page, 'canbo.tankhanh');
  const found = await page.evaluate(async () => {
    const res = await fetch('/api/units/search?q=Kh%C3%A1nh%20H%C3%B2a&level=hamlet');
    return (await res.json()) as { items: Array<{ id: number; name: string }> };
  });
  const hamlet = found.items.find((u) => u.name === 'Khu phố Khánh Hòa')!;
  expect(hamlet).toBeDefined();

  await page.goto(`/app/hamlets/${hamlet.id}/actions`);
  await page.getByTestId('actions-title').waitFor();
  await expect.poll(() => page.getByTestId('actions-title').textContent(), POLL).toContain('Khánh Hòa');
  await page.getByTestId('criterion-tabs').waitFor();
  // The first unmet criterion's gap is spelt out, and its table has rows.
  await expect
    .poll(() => page.getByTestId('criterion-gap').first().textContent(), POLL)
    .toMatch(/Cần thêm \d+|Chưa xác định/);
  const firstRows = page.locator('[data-testid^="action-table-"] tbody tr.ant-table-row');
  await expect.poll(() => firstRows.count(), POLL).toBeGreaterThan(0);
  await page.getByTestId('forecast-card').waitFor();
  await harness.screenshot(page, 'action-list');

  // The Excel download: a real workbook with one sheet per criterion and rows under the header.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('excel-button').click(),
  ]);
  const file = path.join(SCREENSHOT_DIR, 'action-list.xlsx');
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.length).toBeGreaterThan(1);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(3).getCell(1).value).toBe('STT');
  expect(sheet.rowCount).toBeGreaterThan(3);

  // The print view of the SKL-3 list: A4 sheets, one per street, with the tick box column.
  // Same browser context (same session), as the "In danh sách" link opens it in a new tab.
  const print = await page.context().newPage();
  print.on('pageerror', (error) => harness.pageErrors.push(`${print.url()}: ${error.message}`));
  await print.setViewportSize({ width: 900, height: 1270 });
  await print.goto(`/app/hamlets/${hamlet.id}/actions/print?criterionCode=SKL-3`);
  await print.getByTestId('print-sheet').first().waitFor();
  const sheets = await print.getByTestId('print-sheet').count();
  expect(sheets).toBeGreaterThan(1);
  const text = (await print.getByTestId('print-sheet').first().textContent()) ?? '';
  expect(text).toContain('DANH SÁCH HỘ, NGƯỜI CẦN ĐẾN VẬN ĐỘNG');
  expect(text).toContain('Đã đến');
  await print.emulateMedia({ media: 'print' });
  await harness.screenshot(print, 'action-list-print', { fullPage: false });
  await print.pdf({
    path: path.join(SCREENSHOT_DIR, 'action-list-print.pdf'),
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
  });
  expect(harness.pageErrors).toEqual([]);
});

it('lets the city admin copy a published criteria set, raise a target, preview the effect and publish', async () => {
  const page = await harness.newPage({ width: 1366, height: 768 });
  await logIn(page, 'admin');
  await page.goto('/app/criteria-sets');
  await page.getByTestId('criteria-sets-table').waitFor();
  await page.getByRole('link', { name: 'Khu phố chuyển đổi số 2026' }).first().click();
  await page.getByTestId('new-version').click();
  await page.waitForURL(
    (url) => /\/app\/criteria-sets\/\d+$/.test(url.pathname) && !url.pathname.endsWith('/2'),
  );
  await expect.poll(() => page.getByTestId('save-draft').count(), POLL).toBe(1);
  // SKL-3 from 85 % to 99 %: the same zod schema as the server checks it, then it is saved.
  const skl3 = page.getByTestId('target-SKL-3').locator('input.ant-input-number-input');
  await skl3.fill('99');
  await skl3.blur();
  await page.getByTestId('save-draft').click();
  await expect.poll(() => page.getByTestId('save-draft').isDisabled(), POLL).toBe(true);
  // Preview on ward Tân Khánh: hamlets whose SKL-3 status changes are listed and highlighted.
  await page.getByTestId('preview-unit').click();
  await page.getByTitle('Phường Tân Khánh').click();
  await page.getByTestId('preview-run').click();
  await page.getByTestId('preview-summary').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="preview-table"] tr[data-changed="yes"]').count(), POLL)
    .toBeGreaterThan(0);
  await harness.screenshot(page, 'criteria-set-preview', { fullPage: true });
  await page.getByTestId('publish').click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await expect.poll(() => page.getByTestId('new-version').count(), POLL).toBe(1);
  expect(harness.pageErrors).toEqual([]);
});
