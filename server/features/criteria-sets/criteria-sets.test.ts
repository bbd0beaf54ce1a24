import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo } from '../../../seeds/demo/index.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../../seeds/reference/criteria-tan-uyen-2023.js';
import { ensureReferenceCriteriaSets } from './criteria-sets.service.js';

let t: TestApp;
const cookies: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { now: t.clock.now, population: false });
  await ensureReferenceCriteriaSets(t.db, t.clock.now);
  for (const u of ['admin', 'canbo.tanhiep']) {
    cookies[u] = await logInDemo(t, u);
  }
});
afterAll(async () => t.close());

const draft = (changes: (set: typeof CRITERIA_TAN_UYEN_2023) => unknown) =>
  changes(structuredClone({ ...CRITERIA_TAN_UYEN_2023, version: 3, effectiveFrom: '2027-01-01' }));
const create = (payload: unknown, user = 'admin') =>
  t.app.inject({
    method: 'POST',
    url: '/api/criteria-sets',
    payload: payload as object,
    cookies: cookies[user],
  });

describe('criteria sets as data', () => {
  it('ships the two reference sets, published, and seeding them again adds nothing', async () => {
    await ensureReferenceCriteriaSets(t.db, t.clock.now);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/criteria-sets',
      cookies: cookies['canbo.tanhiep'],
    });
    const items = res.json().items as Array<{ name: string; version: number; status: string }>;
    expect(items.map((i) => [i.name, i.version, i.status])).toEqual([
      ['Khu phố chuyển đổi số 2026', 2, 'published'],
      ['Tân Uyên 2023–2025', 1, 'published'],
    ]);
  });

  it('creates a draft version and lets a city admin publish it, after which it cannot be edited', async () => {
    const created = await create(draft((s) => s));
    expect(created.statusCode).toBe(201);
    const id = created.json().criteriaSet.id;
    expect(created.json().criteriaSet.abilities).toEqual({ canEdit: true, canPublish: true });
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/criteria-sets/${id}/publish`,
      cookies: cookies.admin,
    });
    expect(published.json().criteriaSet.status).toBe('published');
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${id}`,
      payload: draft((s) => s) as object,
      cookies: cookies.admin,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('CRITERIA_SET_PUBLISHED');
  });

  it('refuses an unknown field and names where it is', async () => {
    const res = await create(
      draft((s) => {
        const ratio = s.groups[1].criteria.find((c) => c.code === 'SKL-3')!;
        (ratio.definition as { numerator: unknown[] }).numerator = [
          { field: 'bankAccountNumber', is: 'yes' },
        ];
        return { ...s, version: 4 };
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CRITERIA_SET_INVALID');
    expect(
      res
        .json()
        .details.fields.some(
          (f: { field: string; message: string }) =>
            f.field.endsWith('numerator.0.field') && f.message.includes('bankAccountNumber'),
        ),
    ).toBe(true);
  });

  it('refuses a target over 100%', async () => {
    const res = await create(
      draft((s) => {
        const ratio = s.groups[1].criteria.find((c) => c.code === 'SKL-3')!;
        (ratio.definition as { target: { percent: number } }).target.percent = 150;
        return { ...s, version: 5 };
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('target');
  });

  it('refuses a cycle among composites', async () => {
    const res = await create(
      draft((s) => {
        const group = s.groups[1];
        group.criteria.push(
          {
            code: 'X-1',
            name: { vi: 'X1', en: 'X1' },
            source: 'E',
            enabled: true,
            definition: { kind: 'anyOf', of: ['X-2'] },
          } as never,
          {
            code: 'X-2',
            name: { vi: 'X2', en: 'X2' },
            source: 'E',
            enabled: true,
            definition: { kind: 'allOf', of: ['X-1'] },
          } as never,
        );
        return { ...s, version: 6 };
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/X-1|X-2/);
  });

  it('lets only city admins write criteria sets', async () => {
    const res = await create(
      draft((s) => ({ ...s, version: 7 })),
      'canbo.tanhiep',
    );
    expect(res.statusCode).toBe(403);
    const count = await t.db.db
      .selectFrom('criteriaSets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });
});
