import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

it('shows a city admin that Phường Thái Hòa was split between two new wards in 2025', async () => {
  const page = await harness.newPage();
  try {
    await logIn(page, 'admin');
    await page.goto('/app/units');
    await page.getByTestId('unit-search').locator('input').fill('thai hoa');
    const result = page.getByTestId('unit-search-result').filter({ hasText: 'Phường Thái Hòa' }).first();
    await result.waitFor();
    await expect.poll(() => result.textContent(), POLL).toContain('30/06/2025');
    await result.click();

    const detail = page.getByTestId('unit-detail');
    await expect
      .poll(() => detail.getByTestId('unit-detail-name').textContent(), POLL)
      .toBe('Phường Thái Hòa');
    // Opening a dissolved unit moves the "as of" date into its validity.
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf'), POLL).toBe('2025-06-30');

    const successors = detail.getByTestId('lineage-successors');
    await successors.getByTestId('lineage-item').first().waitFor();
    const items = await successors
      .getByTestId('lineage-item')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
    for (const ward of ['Phường Tân Khánh', 'Phường Tân Đông Hiệp']) {
      const item = items.find((text) => text.includes(ward));
      expect(item, `successor ${ward}`).toBeDefined();
      expect(item).toContain('một phần');
    }
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'city-admin-lineage', { fullPage: true });
  }
});
