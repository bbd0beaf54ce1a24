import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

it('tells a user in Vietnamese that the password is wrong and keeps them on the login page', async () => {
  const page = await harness.newPage();
  try {
    await page.goto('/login');
    await page.getByTestId('login-username').fill('canbo.tanhiep');
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'wrong-password');
  }
});
