import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo } from '../../../seeds/demo/index.js';
import type { CriteriaSetDefinition } from '../../../domain/criteria/index.js';
import type { Preview } from './criteria-set-versions.service.js';

let t: TestApp;
let tanKhanhWard = 0;
let khanhHoa = 0;
let v2Id = 0;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemo(t.db, { now: t.clock.now });
  tanKhanhWard = seeded.city.newWardIds.get('25891')!;
  khanhHoa = seeded.city.hamletIds.get('25891/Khu phố Khánh Hòa')!;
  for (const u of ['admin', 'canbo.tankhanh', 'xem']) as[u] = await logInDemo(t, u);
  const list = await t.app.inject({ method: 'GET', url: '/api/criteria-sets', cookies: as.admin });
  v2Id = list.json().items.find((i: { version: number }) => i.version === 2).id;
}, 120_000);
afterAll(async () => t.close());

const post = (url: string, user: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, cookies: as[user], ...(payload ? { payload } : {}) });
const get = (url: string, user: string) => t.app.inject({ method: 'GET', url, cookies: as[user] });

describe('criteria-set versions', () => {
  it('copies a published version into a draft with the next version, and refuses to edit the published one', async () => {
    const res = await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin', {
      name: { vi: 'Khu phố chuyển đổi số 2027', en: 'Digital hamlet 2027' },
      effectiveFrom: '2027-01-01',
    });
    expect(res.statusCode).toBe(201);
    const draft = res.json().criteriaSet;
    expect(draft).toMatchObject({
      version: 3,
      status: 'draft',
      name: 'Khu phố chuyển đổi số 2027',
      effectiveFrom: '2027-01-01',
      abilities: { canEdit: true, canPublish: true },
    });
    const source = (await get(`/api/criteria-sets/${v2Id}`, 'admin')).json().criteriaSet;
    expect(draft.code).toBe(source.code);
    expect(draft.definition.groups).toEqual(source.definition.groups);
    // Copying again takes the next free number, not source + 1.
    const again = await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin');
    expect(again.statusCode).toBe(201);
    expect(again.json().criteriaSet.version).toBe(4);

    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${v2Id}`,
      cookies: as.admin,
      payload: source.definition,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('CRITERIA_SET_PUBLISHED');
    expect(edit.json().message).toContain('phiên bản mới');
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'criteria_set.new_version')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('lets only city admins copy a version or preview it', async () => {
    const copy = await post(`/api/criteria-sets/${v2Id}/new-version`, 'canbo.tankhanh');
    expect(copy.statusCode).toBe(403);
    const draft = (await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin')).json().criteriaSet;
    const publish = await post(`/api/criteria-sets/${draft.id}/publish`, 'canbo.tankhanh');
    expect(publish.statusCode).toBe(403);
    expect(publish.json().code).toBe('FORBIDDEN');
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${draft.id}`,
      cookies: as['canbo.tankhanh'],
      payload: draft.definition,
    });
    expect(edit.statusCode).toBe(403);
    expect((await get(`/api/criteria-sets/${draft.id}`, 'admin')).json().criteriaSet.status).toBe('draft');
    const viewerPreview = await get(`/api/criteria-sets/${v2Id}/preview?unitId=${tanKhanhWard}`, 'xem');
    expect(viewerPreview.statusCode).toBe(403);
    const preview = await get(`/api/criteria-sets/${v2Id}/preview?unitId=${tanKhanhWard}`, 'canbo.tankhanh');
    expect(preview.statusCode).toBe(403);
    expect((await post(`/api/criteria-sets/999999/new-version`, 'admin')).statusCode).toBe(404);
    const badDate = await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin', {
      effectiveFrom: '2027-02-30',
    });
    expect(badDate.statusCode).toBe(400);
  });

  it('previews a stricter draft: the same set gives no change, a higher target turns hamlets red', async () => {
    const same = await get(`/api/criteria-sets/${v2Id}/preview?unitId=${tanKhanhWard}`, 'admin');
    expect(same.statusCode).toBe(200);
    const sameBody = same.json() as Preview;
    expect(sameBody.summary.hamlets).toBeGreaterThan(5);
    expect(sameBody.summary.hamletsChanged).toBe(0);
    expect(sameBody.current.id).toBe(v2Id);

    const copy = (await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin')).json().criteriaSet;
    const definition = copy.definition as CriteriaSetDefinition;
    for (const group of definition.groups)
      for (const c of group.criteria)
        if (c.definition.kind === 'ratio') c.definition.target = { comparator: 'gte', percent: 100 };
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${copy.id}`,
      cookies: as.admin,
      payload: definition,
    });
    expect(put.statusCode).toBe(200);
    const before = await t.db.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await get(`/api/criteria-sets/${copy.id}/preview?unitId=${tanKhanhWard}`, 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Preview;
    expect(body.draft).toMatchObject({ id: copy.id, status: 'draft' });
    expect(body.summary.hamletsChanged).toBeGreaterThan(0);
    expect(body.summary.meetingAfter).toBeLessThanOrEqual(body.summary.meetingBefore);
    for (const h of body.hamlets) {
      expect(h.after.met).toBeLessThanOrEqual(h.before.met);
      for (const c of h.changes) expect(c.before).not.toBe(c.after);
    }
    const lost = body.hamlets
      .flatMap((h) => h.changes)
      .filter((c) => c.before === 'met' && c.after !== 'met');
    expect(lost.length).toBeGreaterThan(0);
    // Live only: no snapshot was stored.
    const after = await t.db.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('previews a single hamlet, and reports unknown or missing units', async () => {
    const unknown = await get(`/api/criteria-sets/${v2Id}/preview?unitId=999999`, 'admin');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNIT_NOT_FOUND');
    const missing = await get(`/api/criteria-sets/${v2Id}/preview`, 'admin');
    expect(missing.statusCode).toBe(400);
    const hamlet = await get(`/api/criteria-sets/${v2Id}/preview?unitId=${khanhHoa}`, 'admin');
    expect(hamlet.json().summary.hamlets).toBe(1);
  });

  it('keeps past snapshots on their version when a new version is published', async () => {
    const officer = as['canbo.tankhanh'];
    const date = '2026-11-28';
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/assessments',
      cookies: officer,
      payload: { unitId: khanhHoa, date },
    });
    expect([200, 201]).toContain(recorded.statusCode);
    const snapshot = recorded.json().assessment;
    expect(snapshot.criteriaSetId).toBe(v2Id);

    const copy = (
      await post(`/api/criteria-sets/${v2Id}/new-version`, 'admin', { effectiveFrom: '2026-11-01' })
    ).json().criteriaSet;
    const definition = copy.definition as CriteriaSetDefinition;
    for (const group of definition.groups)
      for (const c of group.criteria)
        if (c.definition.kind === 'ratio') c.definition.target = { comparator: 'gte', percent: 100 };
    await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${copy.id}`,
      cookies: as.admin,
      payload: definition,
    });
    const published = await post(`/api/criteria-sets/${copy.id}/publish`, 'admin');
    expect(published.json().criteriaSet.status).toBe('published');

    const reread = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${snapshot.id}`,
      cookies: officer,
    });
    expect(reread.json().assessment).toEqual(snapshot);
    // The live scorecard for the same date now uses the new version.
    const live = await t.app.inject({
      method: 'GET',
      url: `/api/units/${khanhHoa}/scorecard?date=${date}`,
      cookies: officer,
    });
    expect(live.json().criteriaSet.id).toBe(copy.id);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/criteria-sets/${copy.id}`,
      cookies: as.admin,
      payload: definition,
    });
    expect(edit.json().code).toBe('CRITERIA_SET_PUBLISHED');
  });

  it('gives concurrent copies distinct versions or a 409, never a 500', async () => {
    const copies = await Promise.all(
      Array.from({ length: 6 }, () => post(`/api/criteria-sets/${v2Id}/new-version`, 'admin')),
    );
    for (const res of copies) {
      expect([201, 409], res.body).toContain(res.statusCode);
      if (res.statusCode === 409) expect(res.json().code).toBe('CRITERIA_SET_VERSION_TAKEN');
    }
    const made = copies.filter((r) => r.statusCode === 201).map((r) => r.json().criteriaSet.version);
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made).size).toBe(made.length);
  });
});
