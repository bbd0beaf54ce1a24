import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase } from '../server/db/database.js';
import type {
  PublicCity,
  PublicUnit,
} from '../server/features/public-scorecards/public-scorecards.schemas.js';
import { auditInFreshBrowser, median, TARGETS, type PageAudit } from '../scripts/lighthouse.js';
import { POLL, SCREENSHOT_DIR, startHarness, type Harness } from './harness.js';

/*
 * The public scorecards as a visitor on a cheap phone sees them: the right aggregates, no personal names, "< 5"
 * for small counts, a JavaScript budget of 150 KB gzipped per page, and Lighthouse's scores on one page.
 */

let harness: Harness;
let city: PublicCity;
const units = new Map<number, PublicUnit>();

async function api<T>(url: string): Promise<T> {
  const res = await fetch(`${harness.baseURL}${url}`);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  harness = await startHarness();
  city = await api<PublicCity>('/api/public/city');
  for (const ward of city.wards) {
    const page = await api<PublicUnit>(`/api/public/units/${ward.id}`);
    units.set(ward.id, page);
    for (const h of page.hamlets) units.set(h.id, await api<PublicUnit>(`/api/public/units/${h.id}`));
  }
});
afterAll(async () => {
  await harness?.close();
});

/** Opens a page and sums, with zlib, the gzipped size of every script it loaded. */
async function openCountingScripts(page: Page, url: string): Promise<{ kbGz: number; scripts: string[] }> {
  const pending: Array<Promise<number>> = [];
  const scripts: string[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(new URL(response.url()).pathname);
    pending.push(response.body().then((body) => zlib.gzipSync(body, { level: 9 }).length));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const bytes = (await Promise.all(pending)).reduce((a, b) => a + b, 0);
  return { kbGz: bytes / 1024, scripts };
}

const mainText = (page: Page) => page.locator('main').innerText();

it('shows the city, a ward and a hamlet with the API’s aggregates, fast and without personal data', async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  const texts: string[] = [];

  // The city overview ("/").
  const cityLoad = await openCountingScripts(page, '/');
  const goal = `${city.goal.wardsWithStandardHamlet} / ${city.goal.wards} phường, xã`;
  await expect.poll(() => page.getByTestId('public-goal').innerText(), POLL).toContain(goal);
  for (const ward of city.wards)
    expect(await page.getByTestId(`public-ward-${ward.id}`).innerText()).toBe(ward.name);
  expect(cityLoad.kbGz).toBeLessThanOrEqual(TARGETS.jsKbGz);
  // Not the officials' app: no antd, router or charts were loaded.
  expect(cityLoad.scripts.some((s) => /\/(main|AppLayout|LoginPage)-/.test(s))).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await harness.screenshot(page, 'public-city', { fullPage: true });
  texts.push(await mainText(page));

  // A ward with a hamlet whose scorecard withholds a small count, reached by clicking as a visitor would.
  const withSmall = [...units.values()].find(
    (u) => u.unit.level === 'hamlet' && u.criteria.some((c) => c.numerator?.state === 'below5'),
  );
  expect(withSmall, 'the demo city has a hamlet with a count under 5').toBeDefined();
  const ward = units.get(withSmall!.ward!.id)!;
  await page.getByTestId(`public-ward-${ward.unit.id}`).click();
  await page.waitForURL(`**/cong-khai/don-vi/${ward.unit.id}`);
  await expect.poll(() => page.getByTestId('public-unit-name').textContent(), POLL).toBe(ward.unit.name);
  for (const h of ward.hamlets) {
    const card = page.getByTestId(`public-hamlet-${h.id}`).locator('..');
    expect(await card.getByTestId('hamlet-tally').innerText()).toBe(
      `Đạt ${h.met} / ${h.applicable} tiêu chí`,
    );
  }
  await harness.screenshot(page, 'public-ward', { fullPage: true });
  texts.push(await mainText(page));

  // The hamlet: every criterion's status, shown counts as the API gives them, "< 5" where withheld.
  await page.getByTestId(`public-hamlet-${withSmall!.unit.id}`).click();
  await page.waitForURL(`**/cong-khai/don-vi/${withSmall!.unit.id}`);
  await expect
    .poll(() => page.getByTestId('public-unit-name').textContent(), POLL)
    .toBe(withSmall!.unit.name);
  expect(await page.getByTestId('public-summary').innerText()).toContain(
    `Đạt ${withSmall!.overall!.met} / ${withSmall!.overall!.applicable} tiêu chí`,
  );
  const statusLabel = {
    met: 'Đạt',
    not_met: 'Chưa đạt',
    not_assessable: 'Chưa đủ dữ liệu',
    not_applicable: 'Không áp dụng',
  };
  for (const c of withSmall!.criteria) {
    const row = await page.getByTestId(`criterion-${c.code}`).innerText();
    if (c.status) expect(row, c.code).toContain(statusLabel[c.status]);
    const cell = (x: typeof c.numerator) =>
      x!.state === 'shown'
        ? new Intl.NumberFormat('vi-VN').format(x!.value!)
        : x!.state === 'below5'
          ? '< 5'
          : 'ẩn';
    if (c.numerator && c.denominator)
      expect(row, c.code).toContain(`${cell(c.numerator)} / ${cell(c.denominator)}`);
    if (c.numerator?.state === 'below5') expect(c.percent).toBeNull();
  }
  await harness.screenshot(page, 'public-hamlet', { fullPage: true });
  texts.push(await mainText(page));

  // Budget on the unit pages too, opened afresh.
  for (const id of [ward.unit.id, withSmall!.unit.id]) {
    const fresh = await harness.newPage({ width: 360, height: 740 });
    const load = await openCountingScripts(fresh, `/cong-khai/don-vi/${id}`);
    expect(load.kbGz, `page ${id}`).toBeLessThanOrEqual(TARGETS.jsKbGz);
    expect(load.kbGz).toBeGreaterThan(20);
  }

  // No resident, business or household code appears anywhere on the three pages.
  const db = createDatabase(path.join(SCREENSHOT_DIR, '..', `e2e-${process.pid}.db`));
  try {
    const people = await db.db.selectFrom('residents').select('fullName').execute();
    const businesses = await db.db.selectFrom('businesses').select('name').execute();
    const households = await db.db.selectFrom('households').select('localCode').execute();
    expect(people.length).toBeGreaterThan(1000);
    const all = texts.join('\n');
    const leaked = [...people.map((p) => p.fullName), ...businesses.map((b) => b.name)]
      .filter((name) => all.includes(name))
      .concat(
        households
          .map((h) => h.localCode)
          .filter((code) =>
            new RegExp(`(^|[^\\w-])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(all),
          ),
      );
    expect(leaked).toEqual([]);
  } finally {
    await db.close();
  }
  expect(harness.pageErrors).toEqual([]);
});

it('answers an unknown unit with a page saying so', async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  await page.goto('/cong-khai/don-vi/999999');
  await expect.poll(() => page.getByTestId('public-not-found').isVisible(), POLL).toBe(true);
});

it('scores at least 90 for performance and 95 for accessibility in Lighthouse (mobile)', async () => {
  // One ward page, as a visitor arrives on it. Lighthouse's simulated throttling still reads the CPU time of this
  // shared machine, so a run under target is repeated twice and the median of three decides.
  const wardId = city.wards[0].id;
  const url = `${harness.baseURL}/cong-khai/don-vi/${wardId}`;
  const audits: PageAudit[] = [];
  for (let i = 0; i < 3; i += 1) {
    audits.push(await auditInFreshBrowser(url));
    if (
      i === 0 &&
      audits[0].performance >= TARGETS.performance &&
      audits[0].accessibility >= TARGETS.accessibility
    )
      break;
  }
  const performance = median(audits.map((a) => a.performance));
  const accessibility = median(audits.map((a) => a.accessibility));
  console.log(
    `LIGHTHOUSE ward performance=${performance} accessibility=${accessibility} js_kb_gz=${audits[0].jsKbGz.toFixed(1)}`,
  );
  expect(performance).toBeGreaterThanOrEqual(TARGETS.performance);
  expect(accessibility).toBeGreaterThanOrEqual(TARGETS.accessibility);
  expect(audits[0].jsKbGz).toBeLessThanOrEqual(TARGETS.jsKbGz);
}, 240_000);
