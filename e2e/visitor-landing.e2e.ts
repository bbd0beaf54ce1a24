import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

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
    // The goal counter of the city, then the programme's five groups under the wards.
    await expect.poll(() => page.getByTestId('public-goal').innerText(), POLL).toMatch(/\d+ \/ 7 phường, xã/);
    for (const group of [
      'Nhận thức số',
      'Kỹ năng công dân số',
      'Hạ tầng số',
      'Kinh tế số',
      'Xã hội số, dịch vụ số',
    ]) {
      await expect.poll(() => page.getByText(group, { exact: false }).count(), POLL).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('landing-login').first().isVisible()).toBe(true);
    // Nothing sticks out sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await harness.screenshot(page, 'visitor-landing-vi', { fullPage: true });

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => title.textContent(), POLL).toBe('Digital neighbourhoods and hamlets');
    await expect
      .poll(() => page.getByTestId('public-goal').innerText(), POLL)
      .toMatch(/\/ 7 wards and communes/);
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

it('takes a visitor to the login page, and the app still works behind it', async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByTestId('landing-login').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-username').waitFor();

  await logIn(page, 'canbo.tanhiep');
  // Back on the public page, a logged-in visitor is offered the app instead of the login.
  await page.goto('/');
  await expect.poll(() => page.getByTestId('landing-open-app').isVisible(), POLL).toBe(true);
  await page.getByTestId('landing-open-app').click();
  await page.waitForURL((url) => url.pathname.startsWith('/app'));
  await page.getByTestId('user-menu').waitFor();
  // Logging out sends the app to "/", which loads the public page again (not the app's old landing).
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect.poll(() => page.getByTestId('landing-login').isVisible(), POLL).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.getByTestId('landing-title').textContent()).toBe('Khu phố, ấp chuyển đổi số');
  expect(harness.pageErrors).toEqual([]);
});
