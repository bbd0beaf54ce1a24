import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInDemo, type TestApp } from '../../../test/test-app.js';
import { seedDemo, type DemoSeedResult } from '../../../seeds/demo/index.js';
import { ensureReferenceCriteriaSets } from '../criteria-sets/criteria-sets.service.js';
import { insertUnit } from '../users/users.fixtures.js';
import { isSmallCount } from '../../../domain/public-scorecards/suppress.js';
import type { PublicCity, PublicCriterion, PublicUnit } from './public-scorecards.schemas.js';

let t: TestApp;
let demo: DemoSeedResult;
let admin: Record<string, string>;
let city: PublicCity;
const pages = new Map<number, PublicUnit>();

/** Every key a public reply may hold; anything else (fullName, localCode, address…) fails the test. */
const ALLOWED_KEYS = new Set([
  'date',
  'criteriaSet',
  'code',
  'version',
  'name',
  'vi',
  'en',
  'groups',
  'goal',
  'wardsWithStandardHamlet',
  'wards',
  'hamlets',
  'hamletsMeetingStandard',
  'criteria',
  'id',
  'type',
  'group',
  'kind',
  'isPart',
  'status',
  'target',
  'comparator',
  'percent',
  'value',
  'equals',
  'numerator',
  'denominator',
  'state',
  'count',
  'fact',
  'hamletsMet',
  'hamletsApplicable',
  'unit',
  'level',
  'ward',
  'overall',
  'met',
  'applicable',
  'notAssessable',
  'meetsStandard',
  'groupTallies',
  'isPilot',
]);

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsOf(v, into));
  return into;
}

let otherWard: number;
let otherHamlet: number;

const anon = (url: string) => t.app.inject({ method: 'GET', url });
const asAdmin = (url: string) => t.app.inject({ method: 'GET', url, cookies: admin });

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.db, { now: t.clock.now });
  await ensureReferenceCriteriaSets(t.db, t.clock.now);
  admin = await logInDemo(t, 'admin');
  // A current ward of the same province, with a hamlet, that the city administrators do not look after.
  const at = t.clock.now.toISOString();
  const province = demo.city.newProvinceId;
  otherWard = await insertUnit(t.db, 'commune', 'Phường Ngoài Thành Phố', 'ward', province, at, {
    isDemo: true,
  });
  otherHamlet = await insertUnit(t.db, 'hamlet', 'Khu phố Ngoài', 'neighbourhood', otherWard, at, {
    isDemo: true,
  });
  const res = await anon('/api/public/city');
  expect(res.statusCode).toBe(200);
  city = res.json();
  for (const ward of city.wards) {
    const wardRes = await anon(`/api/public/units/${ward.id}`);
    expect(wardRes.statusCode).toBe(200);
    const page: PublicUnit = wardRes.json();
    pages.set(ward.id, page);
    for (const hamlet of page.hamlets) {
      const hamletRes = await anon(`/api/public/units/${hamlet.id}`);
      expect(hamletRes.statusCode).toBe(200);
      pages.set(hamlet.id, hamletRes.json());
    }
  }
}, 60_000);
afterAll(async () => t?.close());

/** A shown count equals the engine's; a withheld one has no value, and "< 5" only for a real 1–4. */
function expectCountMatches(published: PublicCriterion['numerator'], actual: number, label: string): void {
  expect(published, label).not.toBeNull();
  if (published!.state === 'shown') {
    expect(published!.value, label).toBe(actual);
    expect(isSmallCount(actual), label).toBe(false);
  } else {
    expect(published!.value, label).toBeNull();
    if (published!.state === 'below5') expect(actual, label).toBeLessThan(5);
  }
  if (isSmallCount(actual)) expect(published!.state, label).not.toBe('shown');
}

describe('the city overview', () => {
  it('needs no login, is cacheable, and matches the city table', async () => {
    const res = await anon('/api/public/city');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    // Compressed for clients that accept it, with the same content.
    const br = await t.app.inject({
      method: 'GET',
      url: '/api/public/city',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(res.json());
    const table = (await asAdmin('/api/city-table')).json();
    expect(city.goal).toEqual(table.goal);
    expect(city.goal.wards).toBe(7);
    expect(city.wards.map((w) => [w.id, w.hamlets, w.hamletsMeetingStandard])).toEqual(
      table.wards.map((w: { id: number; hamlets: number; hamletsMeetingStandard: number }) => [
        w.id,
        w.hamlets,
        w.hamletsMeetingStandard,
      ]),
    );
    expect(city.hamlets).toBe(table.rollup.hamlets);
    expect(city.criteria.map((c) => c.code)).toEqual(
      table.rollup.criteria.map((c: { code: string }) => c.code),
    );
  });
});

describe('ward and hamlet pages', () => {
  it('give the same aggregates as the officials’ scorecards, with small counts withheld', async () => {
    let below5 = 0;
    let shown = 0;
    for (const [id, page] of pages) {
      const card = (await asAdmin(`/api/units/${id}/scorecard`)).json();
      if (page.unit.level === 'commune') {
        expect(page.hamlets.map((h) => [h.id, h.met, h.applicable, h.meetsStandard]).sort()).toEqual(
          card.hamlets
            .map((h: { id: number; met: number; applicable: number; meetsStandard: boolean }) => [
              h.id,
              h.met,
              h.applicable,
              h.meetsStandard,
            ])
            .sort(),
        );
        for (const c of page.criteria) {
          const r = card.rollup.criteria.find((x: { code: string }) => x.code === c.code);
          expect([c.hamletsMet, c.hamletsApplicable]).toEqual([r.hamletsMet, r.hamletsApplicable]);
          if (c.kind !== 'ratio') continue;
          expect(c.status).toBe(r.aggregate.status);
          expectCountMatches(c.numerator, r.aggregate.value.numerator, `${id} ${c.code} numerator`);
          expectCountMatches(c.denominator, r.aggregate.value.denominator, `${id} ${c.code} denominator`);
        }
      } else {
        expect(page.overall).toEqual({
          met: card.result.overall.met,
          applicable: card.result.overall.applicable,
          notAssessable: card.result.overall.notAssessable,
          meetsStandard: card.result.overall.meetsStandard,
        });
        for (const c of page.criteria) {
          const r = card.result.criteria.find((x: { code: string }) => x.code === c.code);
          expect(c.status, c.code).toBe(r.status);
          if (c.kind !== 'ratio' && c.kind !== 'factRatio') continue;
          if (r.value === null) {
            expect([c.numerator, c.denominator, c.percent]).toEqual([null, null, null]);
            continue;
          }
          expectCountMatches(c.numerator, r.value.numerator, `${id} ${c.code} numerator`);
          expectCountMatches(c.denominator, r.value.denominator, `${id} ${c.code} denominator`);
          if (c.numerator!.state === 'below5') below5 += 1;
          if (c.numerator!.state === 'shown' && c.denominator!.state === 'shown') {
            shown += 1;
            expect(c.percent).toBe(r.percent);
          } else expect(c.percent).toBeNull();
        }
      }
    }
    // The demo city has both: plenty of publishable counts, and small groups (a few businesses) that are not.
    expect(shown).toBeGreaterThan(50);
    expect(below5).toBeGreaterThan(0);
  });

  it('never leaves exactly one withheld count in a ward total and its hamlets', () => {
    for (const ward of city.wards) {
      const page = pages.get(ward.id)!;
      for (const c of page.criteria.filter((x) => x.kind === 'ratio')) {
        for (const side of ['numerator', 'denominator'] as const) {
          const members = [
            c,
            ...page.hamlets.map((h) => pages.get(h.id)!.criteria.find((x) => x.code === c.code)!),
          ];
          const withheld = members.filter((m) => m[side]!.state !== 'shown').length;
          expect(withheld, `${ward.name} ${c.code} ${side}`).not.toBe(1);
        }
      }
    }
  });

  it('publishes no personal field and no resident, business or wifi point name', async () => {
    const replies = [city, ...pages.values()];
    for (const reply of replies) {
      const unknownKeys = [...keysOf(reply)].filter((k) => !ALLOWED_KEYS.has(k));
      expect(unknownKeys).toEqual([]);
    }
    const people = await t.db.db.selectFrom('residents').select('fullName').execute();
    const businesses = await t.db.db.selectFrom('businesses').select('name').execute();
    const households = await t.db.db.selectFrom('households').select('localCode').execute();
    expect(people.length).toBeGreaterThan(1000);
    const secrets = new Set([
      ...people.map((p) => p.fullName),
      ...businesses.map((b) => b.name),
      ...households.map((h) => h.localCode),
    ]);
    const published = replies.flatMap((r) => stringsOf(r));
    expect(published.filter((s) => secrets.has(s))).toEqual([]);
  });
});

describe('units without a public page', () => {
  it('answer 404 for unknown, former, non-ward and other cities’ units, and 400 for a malformed id', async () => {
    const notPublic = [
      999_999,
      demo.city.oldCityId,
      demo.city.oldProvinceId,
      demo.city.newProvinceId,
      [...demo.city.oldWardIds.values()][0],
      otherWard,
      otherHamlet,
    ];
    expect(city.wards.map((w) => w.id)).not.toContain(otherWard);
    for (const id of notPublic) {
      const res = await anon(`/api/public/units/${id}?lang=en`);
      expect(res.statusCode, String(id)).toBe(404);
      expect(res.json().code).toBe('PUBLIC_UNIT_NOT_FOUND');
      expect(res.json().message).toContain('Field id');
    }
    const bad = await anon('/api/public/units/abc');
    expect(bad.statusCode).toBe(400);
    const extra = await anon('/api/public/city?foo=1');
    expect(extra.statusCode).toBe(400);
  });

  it('rate-limits one address', async () => {
    let last = 0;
    for (let i = 0; i < 125 && last !== 429; i += 1)
      last = (await t.app.inject({ method: 'GET', url: '/api/public/city', remoteAddress: '10.9.8.7' }))
        .statusCode;
    expect(last).toBe(429);
  });
});
