import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const OFFICIAL = { width: 1366, height: 768 };

it('lands the city admin on the dashboard: goal counter, charts with data, map, and a date before 07/2025', async () => {
  const page = await harness.newPage(OFFICIAL);
  try {
    await logIn(page, 'admin');
    await page.waitForURL('**/app/dashboard');
    const goal = page.getByTestId('goal-counter');
    await goal.waitFor();
    await expect.poll(() => goal.textContent(), POLL).toMatch(/\d+\s*\/ 7/);
    expect(await goal.textContent()).toMatch(/phường, xã có ít nhất 1 khu phố đạt chuẩn/i);
    await expect
      .poll(() => page.getByTestId('wards-table').locator('tbody tr.ant-table-row').count(), POLL)
      .toBe(7);
    // Both charts are drawn on a canvas, with data (an empty chart would have no series to hover).
    await page.getByTestId('criteria-chart').locator('canvas').first().waitFor();
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="dashboard-map"] path.leaflet-interactive').count(), POLL)
      .toBeGreaterThan(10);
    await harness.screenshot(page, 'dashboard-city');
    await harness.screenshot(page, 'dashboard-city-full', { fullPage: true });

    await page.goto('/app/dashboard?date=2025-03-31');
    await page.getByTestId('reorganised-note').waitFor();
    await expect.poll(() => page.getByTestId('partial-source').count(), POLL).toBeGreaterThan(0);
    expect(await page.getByTestId('partial-source').first().textContent()).toContain('một phần');
    await harness.screenshot(page, 'dashboard-city-2025-03', { fullPage: true });
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'dashboard-city-last');
  }
});

it('lets a commune officer mark a pilot, shows the limit error, and opens a hamlet scorecard', async () => {
  const page = await harness.newPage(OFFICIAL);
  try {
    await logIn(page, 'canbo.tanhiep');
    await page.getByTestId('app-menu').getByText('Theo dõi phường, xã').click();
    await page.getByTestId('ward-title').waitFor();
    expect(await page.getByTestId('ward-title').textContent()).toContain('Phường Tân Hiệp');
    const toggles = page.locator('[data-testid^="pilot-toggle-"]');
    await expect.poll(() => toggles.count(), POLL).toBeGreaterThan(3);
    for (const i of [0, 1]) {
      await toggles.nth(i).click();
      await expect.poll(() => toggles.nth(i).textContent(), POLL).toContain('Bỏ thí điểm');
    }
    await expect.poll(() => page.getByTestId('ward-pilots').locator('.ant-tag').count(), POLL).toBe(2);
    // A third pilot is over the limit of 2: the server's message is shown.
    await toggles.nth(2).click();
    await page.getByTestId('pilot-error').waitFor();
    expect(await page.getByTestId('pilot-error').textContent()).toMatch(/thí điểm|tối đa/i);
    await page.getByTestId('criteria-chart').locator('canvas').first().waitFor();
    await harness.screenshot(page, 'dashboard-ward', { fullPage: true });

    await page.locator('[data-testid^="hamlet-scorecard-"]').first().click();
    await page.getByTestId('scorecard-title').waitFor();
    await page.getByTestId('group-skills').waitFor();
    await page.getByTestId('criterion-trend-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('actions-link').getAttribute('href')).toMatch(
      /\/app\/hamlets\/\d+\/actions$/,
    );
    await harness.screenshot(page, 'hamlet-scorecard');
    await harness.screenshot(page, 'hamlet-scorecard-full', { fullPage: true });
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'dashboard-ward-last');
  }
});

it("opens a hamlet head's scorecard on a phone from the hamlets list, today and as stored in 09/2025", async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  try {
    await logIn(page, 'truongkp.khanhlong');
    await page.goto('/app/hamlets');
    await page.getByTestId('hamlet-scorecard-link').first().click();
    await page.getByTestId('scorecard-title').waitFor();
    expect(await page.getByTestId('scorecard-title').textContent()).toContain('Khu phố Khánh Long');
    await page.getByTestId('group-awareness').locator('canvas').first().waitFor();
    await harness.screenshot(page, 'hamlet-scorecard-phone');
    await page.goto(`${new URL(page.url()).pathname}?date=2025-09-15`);
    await page.getByTestId('scorecard-snapshot').waitFor();
    expect(await page.getByTestId('scorecard-snapshot').textContent()).toContain('31/08/2025');
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'hamlet-scorecard-phone-last');
  }
});
