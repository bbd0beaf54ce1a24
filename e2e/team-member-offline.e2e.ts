import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HouseholdInputSchema } from '../domain/surveys/schemas.js';
import { logIn, POLL, startHarness, type Harness } from './harness.js';

/*
 * Issue 4's "done when": on a phone-sized screen a team member loads their household list, loses the network,
 * surveys two households, gets the network back, and the hamlet's scorecard counts the change.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface Member {
  uid: string;
  fullName: string;
  birthYear: number;
  electronicHealthRecord: boolean | null;
}
interface Household {
  uid: string;
  address: string | null;
  localCode: string;
  members: Member[];
  abilities: { canEdit: boolean };
}
interface Scorecard {
  result: { criteria: Array<{ code: string; value: { numerator?: number } | null }> } | null;
}

async function skl3Numerator(page: Page, hamletId: number): Promise<number> {
  const reply = await page.request.get(`/api/units/${hamletId}/scorecard`);
  expect(reply.status()).toBe(200);
  const card = (await reply.json()) as Scorecard;
  const skl3 = card.result?.criteria.find((c) => c.code === 'SKL-3');
  return skl3?.value?.numerator ?? Number.NaN;
}

/** Comfortably inside working age (15 to retirement) whatever the exact birthday: 20 to 50 this year. */
function workingAgeMember(household: Household, year: number): Member | undefined {
  return household.members.find((m) => year - m.birthYear >= 20 && year - m.birthYear <= 50);
}

/** The household as a submission carries it back: the view minus what only the server computes. */
type HouseholdViewLike = Record<string, unknown> & { members: Array<Record<string, unknown>> };

function householdInputOf(view: HouseholdViewLike) {
  const {
    uid: _uid,
    version: _v,
    hamletId: _h,
    lastVisit: _l,
    assignedTo: _a,
    abilities: _ab,
    ...household
  } = view;
  return { ...household, members: view.members.map((m) => ({ ...m })) };
}

/**
 * The demo's Khánh Long already has every working-age resident on a payment account (SKL-3 at 100%), so the
 * journey first records, online, that two of them have none; the offline survey then corrects that.
 */
async function recordNoPaymentAccount(page: Page, hamletId: number, household: Household, memberUid: string) {
  const view = household as unknown as Record<string, unknown> & {
    version: string;
    members: Array<Record<string, unknown>>;
  };
  const input = householdInputOf(view);
  input.members = input.members.map((m) =>
    m.uid === memberUid ? { ...m, digitalPaymentAccount: false } : m,
  );
  const reply = await page.request.post('/api/survey-submissions', {
    data: {
      clientId: `e2e-setup-${memberUid.slice(0, 40)}`,
      hamletId,
      householdUid: household.uid,
      baseVersion: view.version,
      household: input,
    },
  });
  expect(reply.status(), await reply.text()).toBe(200);
}

/**
 * Households with a working-age member that a member can save as they are. Some demo households hold answers
 * the form flags (online booking with neither device nor account); those would first need that slip fixed.
 */
function editableTargets(items: Household[], year: number) {
  return items
    .filter((h) => h.abilities.canEdit)
    .filter(
      (h) => HouseholdInputSchema.safeParse(householdInputOf(h as unknown as HouseholdViewLike)).success,
    )
    .flatMap((h) => {
      const member = workingAgeMember(h, year);
      return member ? [{ household: h, member }] : [];
    });
}

/** Waits until the service worker controls the page and holds the whole-hamlet list, so it works offline. */
async function waitForOfflineList(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          for (const name of (await caches.keys()).filter((n) => n.endsWith('-api'))) {
            const keys = await (await caches.open(name)).keys();
            if (keys.some((r) => r.url.includes('/households') && !r.url.includes('assignedTo'))) return true;
          }
          return false;
        }),
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
}

async function openWholeHamletList(page: Page): Promise<void> {
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('app-menu').getByText('Khảo sát hộ').click();
  await page.waitForURL('**/app/survey**');
  await page.getByTestId('survey-scope').getByText('Cả khu phố, ấp').click();
  await page.getByTestId('household-list').waitFor();
}

async function fetchHousehold(page: Page, uid: string): Promise<Household> {
  const reply = await page.request.get(`/api/households/${uid}`);
  expect(reply.status()).toBe(200);
  return ((await reply.json()) as { household: Household }).household;
}

it('lets a team member survey two households offline on a phone and syncs them into the scorecard', async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  const context = page.context();
  try {
    await logIn(page, 'tocns.khanhlong');
    const me = (await (await page.request.get('/api/auth/me')).json()) as {
      user: { scope: Array<{ id: number; name: string }> };
    };
    const hamlet = me.user.scope[0];
    expect(hamlet.name).toBe('Khu phố Khánh Long');
    const list = (await (
      await page.request.get(`/api/hamlets/${hamlet.id}/households?page=1&pageSize=200`)
    ).json()) as { items: Household[] };
    const year = new Date().getFullYear();
    const targets = editableTargets(list.items, year).slice(0, 2);
    expect(targets).toHaveLength(2);
    for (const { household, member } of targets)
      await recordNoPaymentAccount(page, hamlet.id, household, member.uid);
    const before = await skl3Numerator(page, hamlet.id);
    expect(Number.isFinite(before)).toBe(true);

    await openWholeHamletList(page);
    await waitForOfflineList(page);

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('sync-phase').getAttribute('data-phase'), POLL).toBe('offline');

    for (const [index, { household, member }] of targets.entries()) {
      await page.locator(`[data-testid="household-item"][data-uid="${household.uid}"]`).click();
      await page.getByTestId('survey-form').waitFor();
      const card = page.getByTestId(`member-${member.uid}`);
      await card.getByTestId('flag-digitalPaymentAccount').getByText('Có', { exact: true }).click();
      await expect
        .poll(() => card.getByTestId('flag-digitalPaymentAccount').getAttribute('data-value'), POLL)
        .toBe('yes');
      await page.getByTestId('visit-support').getByText('Cài ứng dụng thanh toán').click();
      if (index === 0) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await harness.screenshot(page, 'team-member-offline-form-top');
      }
      if (index === 1) {
        // A newborn joins the household in the same step (not working age: SKL-3 is unaffected).
        await page.getByTestId('member-add').click();
        const newborn = page.locator('.kps-survey-member').last();
        // Checked with the shared zod schema before queueing: the message sits next to the field, in Vietnamese.
        await page.getByTestId('survey-submit').click();
        await newborn.getByText('Bắt buộc nhập').waitFor();
        await newborn.getByText('Nhập năm sinh (4 chữ số)').waitFor();
        await newborn.getByTestId('member-fullName').fill('Nguyễn Bé Mới');
        await newborn.getByTestId('member-birthYear').fill(String(year));
        await expect.poll(() => page.locator('.ant-message-notice').count(), POLL).toBe(0);
        await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await page.evaluate(() => window.scrollBy(0, -64));
        await harness.screenshot(page, 'team-member-offline-form');
      }
      await page.getByTestId('survey-submit').click();
      await page.getByTestId('survey-page').waitFor();
    }

    await expect
      .poll(() => page.getByTestId('sync-pending').textContent(), POLL)
      .toBe('2 thay đổi đang chờ đồng bộ');
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The queue lives in IndexedDB and the shell in the worker's cache: a reload with no network keeps both.
    await page.reload();
    await page.getByTestId('survey-page').waitFor();
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), POLL).toBe('2');

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), {
        timeout: 20_000,
        interval: 200,
      })
      .toBe('0');
    expect(await skl3Numerator(page, hamlet.id)).toBe(before + 2);
    const visits = (await (
      await page.request.get(`/api/households/${targets[1].household.uid}/visits`)
    ).json()) as {
      items: Array<{ outcome: string; support: string[] }>;
    };
    expect(visits.items[0]).toMatchObject({ outcome: 'visited', support: ['payment_app_installed'] });
    const second = await fetchHousehold(page, targets[1].household.uid);
    expect(second.members.map((m) => m.fullName)).toContain('Nguyễn Bé Mới');

    await page.getByTestId('household-list').waitFor();
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'team-member-offline');
  }
});

it("shows both versions when the household changed on the server meanwhile, and keeps the member's choice", async () => {
  const page = await harness.newPage({ width: 360, height: 740 });
  try {
    await logIn(page, 'truongkp.khanhlong');
    const me = (await (await page.request.get('/api/auth/me')).json()) as {
      user: { scope: Array<{ id: number }> };
    };
    const hamletId = me.user.scope[0].id;
    const list = (await (
      await page.request.get(`/api/hamlets/${hamletId}/households?page=1&pageSize=200`)
    ).json()) as { items: Household[] };
    // Past the households the first journey changed, and one whose answer will really change.
    const { household, member } = editableTargets(list.items, new Date().getFullYear()).find(
      (target, index) => index >= 2 && target.member.electronicHealthRecord !== false,
    )!;
    await openWholeHamletList(page);
    await waitForOfflineList(page);

    await page.context().setOffline(true);
    await page.locator(`[data-testid="household-item"][data-uid="${household.uid}"]`).click();
    const card = page.getByTestId(`member-${member.uid}`);
    await card.getByTestId('flag-electronicHealthRecord').getByText('Không', { exact: true }).click();
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-page').waitFor();
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), POLL).toBe('1');

    // Meanwhile another member's edit reaches the server first (API requests bypass the page's offline mode).
    const server = householdInputOf(household as unknown as HouseholdViewLike);
    (server as Record<string, unknown>).address = `${household.address ?? ''} (đã sửa)`;
    const other = await page.request.post('/api/survey-submissions', {
      data: {
        clientId: `e2e-other-${household.uid.slice(0, 40)}`,
        hamletId,
        householdUid: household.uid,
        baseVersion: (household as unknown as { version: string }).version,
        household: server,
      },
    });
    expect(other.status(), await other.text()).toBe(200);

    await page.context().setOffline(false);
    await page.getByTestId('sync-conflict').waitFor({ timeout: 20_000 });
    await page.getByTestId('sync-conflict').getByRole('button').click();
    await page.getByTestId('conflict-table').waitFor();
    const table = await page.getByTestId('conflict-table').textContent();
    expect(table).toContain(`${member.fullName}: Có sổ sức khỏe điện tử`);
    // Let the modal's opening animation finish before the picture.
    await page.waitForTimeout(600);
    await harness.screenshot(page, 'team-member-offline-conflict');
    await page.getByTestId('conflict-keep-mine').click();

    // The conflicted entry was not "pending", so an empty count alone proves nothing: wait for the server.
    await expect
      .poll(
        async () =>
          (await fetchHousehold(page, household.uid)).members.find((m) => m.uid === member.uid)
            ?.electronicHealthRecord,
        { timeout: 20_000, interval: 200 },
      )
      .toBe(false);
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), POLL).toBe('0');
    await expect.poll(() => page.getByTestId('sync-conflict').count(), POLL).toBe(0);
    expect(await page.getByTestId('sync-rejected').allTextContents()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  } finally {
    await harness.screenshot(page, 'team-member-offline-conflict-after');
  }
});
