import { afterAll, beforeAll, expect, it } from 'vitest';
import { POLL, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

it('lets a visitor on a 360 px phone read the programme and switch to English', async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  try {
    await page.goto('/');
    const title = page.getByTestId('landing-title');
    await expect.poll(() => title.textContent(), POLL).toBe('Khu phố, ấp chuyển đổi số');
    for (const group of [
      'Nhận thức số',
      'Kỹ năng công dân số',
      'Hạ tầng số',
      'Kinh tế số',
      'Xã hội số, dịch vụ số',
    ]) {
      expect(await page.getByText(group, { exact: false }).count(), group).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('landing-login').first().isVisible()).toBe(true);
    // Nothing sticks out sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await harness.screenshot(page, 'visitor-landing-vi', { fullPage: true });

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => title.textContent(), POLL).toBe('Digital neighbourhoods and hamlets');
    expect(await page.evaluate(() => document.cookie)).toContain('lang=en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice is remembered on the next visit.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('landing-title').textContent(), POLL)
      .toBe('Digital neighbourhoods and hamlets');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'visitor-landing', { fullPage: true });
  }
});
