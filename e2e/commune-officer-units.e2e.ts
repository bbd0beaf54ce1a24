import { afterAll, beforeAll, expect, it } from 'vitest';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

it('shows a commune officer only the hamlets of their own ward', async () => {
  const page = await harness.newPage();
  try {
    await logIn(page, 'canbo.tanhiep');
    await page.getByTestId('app-menu').getByText('Đơn vị hành chính').click();
    await page.waitForURL('**/app/units**');

    const tree = page.getByTestId('unit-tree');
    const ward = tree.locator('.ant-tree-treenode', { hasText: 'Phường Tân Hiệp' }).first();
    await ward.waitFor();
    await ward.locator('.ant-tree-switcher').click();
    const treeNames = () => tree.getByTestId('unit-node-name').allTextContents();
    await expect.poll(treeNames, POLL).toContain('Khu phố Long Bình');

    const names = await treeNames();
    // The seven khu phố of the former Phường Khánh Bình now belong to Phường Tân Hiệp.
    for (const hamlet of [
      'Bình Chánh',
      'Bình Chánh Đông',
      'Bình Khánh',
      'Khánh Lộc',
      'Khánh Tân',
      'Khánh Vân',
      'Long Bình',
    ]) {
      expect(names).toContain(`Khu phố ${hamlet}`);
    }
    expect(names).not.toContain('Khu phố Khánh Long');

    await page.getByTestId('unit-search').locator('input').fill('khanh long');
    await page.getByTestId('unit-search-empty').waitFor();
    expect(await page.getByTestId('unit-search-result').count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'commune-officer-units');
  }
});
