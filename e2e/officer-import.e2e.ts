import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../domain/surveys/import-columns.js';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

type Row = Record<string, string>;

/** One household with one member, in the households template layout (headers from the shared column list). */
function householdRow(n: number, overrides: Row = {}): Row {
  return {
    'Mã hộ': `E2E-${String(n).padStart(3, '0')}`,
    'Địa chỉ': `${n} đường ĐT 746`,
    'Đường/Tổ': 'ĐT 746',
    'Cư trú hộ': 'Thường trú',
    'Internet cố định': 'Có',
    'Internet di động': 'Có',
    'Họ và tên': `Nguyễn Văn Thử ${n}`,
    'Năm sinh': String(1970 + n),
    'Giới tính': n % 2 === 0 ? 'Nữ' : 'Nam',
    'Cư trú': 'Thường trú',
    'Chủ hộ': 'Có',
    VNeID: 'Mức 2',
    'Có tài khoản DVC': 'Có',
    ...overrides,
  };
}

function csvOf(rows: Row[]): Buffer {
  const headers = HOUSEHOLD_IMPORT_COLUMNS.map((column) => column.header);
  const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ''))];
  // With a BOM, as Excel saves "CSV UTF-8": the importer must accept it (issue 4 §6).
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(escape).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function upload(page: Page, name: string, content: Buffer): Promise<void> {
  await page
    .locator('[data-testid="import-upload"] input[type="file"], input[type="file"]')
    .first()
    .setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: content,
    });
}

/** The row numbers the errors table names (first column), as numbers. */
async function errorRows(page: Page): Promise<number[]> {
  const cells = await page
    .getByTestId('import-errors')
    .locator('tbody tr.ant-table-row td:first-child')
    .allTextContents();
  return [...new Set(cells.map((text) => Number(text.trim())))].sort((a, b) => a - b);
}

it('lets a commune officer import households, see the three bad rows named, fix them and commit', async () => {
  const page = await harness.newPage();
  try {
    await logIn(page, 'canbo.tankhanh');
    await page.getByTestId('app-menu').getByText('Khu phố, ấp').click();
    await page.waitForURL('**/app/hamlets');
    await page.getByTestId('hamlet-search').locator('input').fill('khanh long');
    const table = page.getByTestId('hamlets-table');
    await table.locator('tr', { hasText: 'Khu phố Khánh Long' }).getByTestId('hamlet-import-link').click();
    await page.waitForURL('**/app/hamlets/*/import');
    await expect.poll(() => page.getByTestId('hamlet-title').textContent(), POLL).toBe('Khu phố Khánh Long');

    // Spreadsheet rows 3, 5 and 6 (row 1 is the header) each carry one value the importer must refuse.
    const good = [1, 2, 3, 4, 5].map((n) => householdRow(n));
    const bad = good.map((row) => ({ ...row }));
    bad[1] = householdRow(2, { 'Giới tính': 'X' });
    bad[3] = householdRow(4, { VNeID: 'Mức 5' });
    bad[4] = householdRow(5, { 'Internet cố định': 'có lẽ' });

    await upload(page, 'ho-khanh-long.csv', csvOf(bad));
    await page.getByTestId('import-dry-run').waitFor();
    await page.getByTestId('import-errors').waitFor();
    await expect.poll(() => errorRows(page), POLL).toEqual([3, 5, 6]);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await harness.screenshot(page, 'officer-import-errors', { fullPage: true });

    await upload(page, 'ho-khanh-long-da-sua.csv', csvOf(good));
    await expect.poll(() => page.getByTestId('import-errors').count(), POLL).toBe(0);
    const summary = page.getByTestId('import-summary');
    await expect.poll(() => summary.textContent(), POLL).toContain('Thêm mới5');
    await page.getByTestId('import-commit').click();

    await page.getByTestId('import-success').waitFor();
    const committed = await page.getByTestId('import-committed').getByTestId('import-summary').textContent();
    expect(committed).toContain('Thêm mới5');
    expect(committed).toContain('Lỗi0');
    await harness.screenshot(page, 'officer-import', { fullPage: true });

    // The template and the export download through plain links (the session cookie goes along).
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await new Promise<string>((resolve, reject) => {
      void exported.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    expect(csv).toContain('E2E-005');

    // Re-importing the same file changes nothing (households match by their local code).
    await upload(page, 'ho-khanh-long-da-sua.csv', csvOf(good));
    await page.getByTestId('import-dry-run').waitFor();
    await expect
      .poll(() => page.getByTestId('import-dry-run').getByTestId('import-summary').textContent(), POLL)
      .toContain('Không đổi5');
    await page.getByTestId('import-nothing').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(harness.pageErrors).toEqual([]);
  } finally {
    // Wherever the journey stopped (after the re-import check when it passed).
    await harness.screenshot(page, 'officer-import-end', { fullPage: true });
  }
});

it('places a wifi point by clicking the map, with no map tiles reachable', async () => {
  const page = await harness.newPage();
  try {
    await logIn(page, 'canbo.tankhanh');
    await page.goto('/app/hamlets');
    await page.getByTestId('hamlet-search').locator('input').fill('khanh long');
    const row = page.getByTestId('hamlets-table').locator('tr', { hasText: 'Khu phố Khánh Long' });
    await row.getByRole('link', { name: 'Cơ sở, wifi' }).click();
    await page.waitForURL('**/app/hamlets/*/places');

    // Markers are SVG circles (L.circleMarker), drawn even though no tile image can load on this machine.
    const markers = page.getByTestId('wifi-map').locator('path.leaflet-interactive');
    await expect.poll(() => markers.count(), POLL).toBeGreaterThan(0);
    const before = await markers.count();

    await page.getByTestId('wifi-map').click({ position: { x: 120, y: 100 } });
    await expect.poll(() => page.getByTestId('wifi-lat').inputValue(), POLL).not.toBe('');
    expect(await page.getByTestId('wifi-lng').inputValue()).not.toBe('');
    await page.getByTestId('wifi-name').fill('Wifi nhà văn hóa (e2e)');
    await page.getByTestId('wifi-save').click();

    await page.getByTestId('wifi-table').getByText('Wifi nhà văn hóa (e2e)').waitFor();
    // The new point's marker replaces the dashed draft marker, so there is one more than before, and it sits
    // where the map was clicked (Leaflet re-measured its container when the form column appeared).
    await expect.poll(() => markers.count(), POLL).toBe(before + 1);
    const map = (await page.getByTestId('wifi-map').boundingBox())!;
    const centres = await markers.evaluateAll((paths) =>
      paths.map((path) => {
        const box = path.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }),
    );
    const distances = centres.map((c) => Math.hypot(c.x - (map.x + 120), c.y - (map.y + 100)));
    expect(Math.min(...distances)).toBeLessThan(4);
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'officer-places', { fullPage: true });
  }
});
