import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, logInDemo, type TestApp } from './test-app.js';
import { seedDemo } from '../seeds/demo/index.js';

/*
 * Walks every route the app registers and sends it hostile input. Whatever the input, the answer must be below 500
 * and, when it is an error, `{code, message}` with a Vietnamese message by default and an English one on request.
 * The route list comes from Fastify itself (printRoutes), so a new route is covered without editing this file;
 * the OpenAPI document only supplies each route's declared query fields and body schema.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  /** Fastify form, `/api/units/:id`. */
  url: string;
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
}
interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Routes that are not sent hostile input, each with the reason. Anything else the app registers is walked. */
const EXCLUDED: Record<string, string> = {
  'POST /api/auth/logout':
    'ends the admin session every other request uses; it takes no input besides the cookie',
  'GET /healthz': 'liveness probe: takes no input',
  'GET /readyz': 'readiness probe: takes no input',
  'GET /api/docs': 'swagger-ui static page served by @fastify/swagger-ui, not our code',
  'GET /api/docs*': 'swagger-ui static files served by @fastify/swagger-ui, not our code',
  'GET /api/docs/static/index.html': 'swagger-ui static file',
  'GET /api/docs/static/swagger-initializer.js': 'swagger-ui static file',
  'GET /api/docs/json': 'the OpenAPI document itself: takes no input',
  'GET /api/docs/yaml': 'the OpenAPI document itself: takes no input',
};

const HOSTILE_IDS = ['abc', '-1', '0', '1e99', '99999999999'];
const HOSTILE_QUERY_VALUES = [
  'abc',
  '-1',
  '1e99',
  '99999999999',
  '',
  '2025-02-30',
  'a\u0000b',
  'x'.repeat(10_000),
];
const LONG = 'ả'.repeat(10_000);
/** Letters only Vietnamese uses; a Vietnamese message has at least one, an English one has none. */
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

/** Parses Fastify's route tree (`printRoutes({ commonPrefix: false })`) into method and full path pairs. */
function routesOf(tree: string): Route[] {
  const out: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    if (!m[3]) continue;
    const url = stack.join('');
    for (const method of m[3].split(', ')) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      out.push({ method: method as Method, url });
    }
  }
  return out;
}

/** A body shaped like the schema, with every string and every number replaced by the hostile ones given. */
function shapedBody(schema: JsonSchema | undefined, string: string, number: number): unknown {
  if (!schema) return {};
  const pick = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (pick?.length) return shapedBody(pick.find((s) => s.type !== 'null') ?? pick[0], string, number);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.enum?.length && type !== 'string') return schema.enum[0];
  switch (type) {
    case 'string':
      return string;
    case 'integer':
    case 'number':
      return number;
    case 'boolean':
      return true;
    case 'array':
      return [shapedBody(schema.items, string, number)];
    case 'object':
    default: {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        out[key] = shapedBody(sub, string, number);
      return out;
    }
  }
}

let t: TestApp;
let admin: Record<string, string>;
/** A team member of one hamlet: the narrowest scope, so ids reach the scope checks, not only the admin's paths. */
let teamMember: Record<string, string>;
let routes: Route[];
let operations: Map<string, Operation>;
/** A real value for each path parameter, by route prefix, so one hostile parameter is tried at a time. */
let valid: (url: string, param: string) => string;

beforeAll(async () => {
  t = await createTestApp();
  const demo = await seedDemo(t.db, { now: t.clock.now });
  admin = await logInDemo(t, 'admin');
  teamMember = await logInDemo(t, 'tocns.khanhlong');

  const db = t.db.db;
  const ward = demo.city.newWardIds.get('25891')!;
  const hamlet = demo.city.hamletIds.get('25891/Khu phố Khánh Long')!;
  const viewer = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'xem')
    .executeTakeFirstOrThrow();
  const member = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'tocns.khanhlong')
    .executeTakeFirstOrThrow();
  const household = await db
    .selectFrom('households')
    .select('uid')
    .where('hamletId', '=', hamlet)
    .executeTakeFirstOrThrow();
  const wifi = await db.selectFrom('wifiPoints').select('uid').executeTakeFirst();
  const business = await db.selectFrom('businesses').select('uid').executeTakeFirst();
  const set = await db
    .selectFrom('criteriaSets')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('effectiveFrom', 'desc')
    .executeTakeFirstOrThrow();
  const round = await t.app.inject({
    method: 'POST',
    url: '/api/evaluation-rounds',
    cookies: admin,
    payload: {
      name: 'Đợt kiểm tra đầu vào',
      assessmentDate: '2026-11-20',
      criteriaSetId: set.id,
      deadline: '2026-12-31',
      wardIds: [ward],
    },
  });
  expect(round.statusCode, round.body).toBe(201);
  const roundId = String(round.json().id ?? round.json().round?.id);

  valid = (url, param) => {
    if (url.startsWith('/api/evaluation-rounds')) {
      return { id: roundId, wardId: String(ward), evidenceId: '1' }[param] ?? '1';
    }
    if (url.startsWith('/api/hamlets') || url.startsWith('/api/dashboards/hamlets')) {
      return {
        id: String(hamlet),
        key: 'digitalTeam',
        userId: String(member.id),
        householdUid: household.uid,
      }[param]!;
    }
    if (url.startsWith('/api/units')) return { id: String(ward), hamletId: String(hamlet) }[param]!;
    if (url.startsWith('/api/users')) return String(viewer.id);
    if (url.startsWith('/api/criteria-sets')) return String(set.id);
    if (url.startsWith('/api/households')) return household.uid;
    if (url.startsWith('/api/wifi-points')) return wifi?.uid ?? 'none';
    if (url.startsWith('/api/businesses')) return business?.uid ?? 'none';
    if (url.startsWith('/api/imports/templates')) return 'households';
    return String(ward);
  };

  routes = routesOf(t.app.printRoutes({ commonPrefix: false }));
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  operations = new Map();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      operations.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op);
    }
  }
}, 120_000);
afterAll(async () => t?.close());

const keyOf = (r: Route) => `${r.method} ${r.url}`;
const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
const fill = (url: string, values: Record<string, string> = {}) =>
  url.replace(/:(\w+)/g, (_all, p: string) => encodeURIComponent(values[p] ?? valid(url, p)));
const walked = () => routes.filter((r) => !(keyOf(r) in EXCLUDED));
const hasBody = (m: Method) => m === 'POST' || m === 'PUT' || m === 'PATCH';

/** What is wrong with one answer, or null: a 5xx, or an error without a code and a message in the asked language. */
function problem(res: LightMyRequestResponse, english: boolean): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode < 400) return null;
  let body: { code?: unknown; message?: unknown };
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 100)}`;
  }
  if (typeof body.code !== 'string' || !body.code) return `${res.statusCode} without a code`;
  if (typeof body.message !== 'string' || !body.message.trim())
    return `${res.statusCode} ${body.code} without message`;
  if (english && VIETNAMESE.test(body.message))
    return `${body.code}: message not in English: ${body.message}`;
  if (!english && !VIETNAMESE.test(body.message))
    return `${body.code}: message not in Vietnamese: ${body.message}`;
  return null;
}

interface Probe {
  what: string;
  method: Method;
  url: string;
  payload?: string | object;
  english?: boolean;
  /** Session cookies; the admin's unless given. */
  as?: Record<string, string>;
}

async function send(p: Probe): Promise<string | null> {
  const headers: Record<string, string> = {};
  if (p.english) headers['accept-language'] = 'en';
  if (typeof p.payload === 'string') headers['content-type'] = 'application/json';
  const res = await t.app.inject({
    method: p.method,
    url: p.url,
    cookies: p.as ?? admin,
    headers,
    ...(p.payload === undefined ? {} : { payload: p.payload }),
  });
  const wrong = problem(res, p.english === true);
  return wrong ? `${p.method} ${p.url.slice(0, 120)} [${p.what}] → ${wrong}` : null;
}

async function probeAll(probes: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  for (const p of probes) {
    const wrong = await send(p);
    if (!wrong) continue;
    failures.push(wrong);
  }
  return failures;
}

describe('every route refuses hostile input with a 4xx in Vietnamese or English, never a 500', () => {
  it('knows every registered route: walked ones are documented in OpenAPI, the rest are excluded with a reason', () => {
    expect(routes.length).toBeGreaterThan(80);
    const undocumented = walked().filter((r) => !operations.has(keyOf(r)));
    expect(undocumented).toEqual([]);
    const registered = new Set(routes.map(keyOf));
    expect(Object.keys(EXCLUDED).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('answers hostile path ids', async () => {
    const probes: Probe[] = [];
    for (const r of walked()) {
      for (const param of paramsOf(r.url)) {
        for (const id of HOSTILE_IDS) {
          const url = fill(r.url, { [param]: id });
          const payload = hasBody(r.method) ? {} : undefined;
          probes.push({ what: `${param}=${id}`, method: r.method, url, payload });
          probes.push({
            what: `${param}=${id}, team member`,
            method: r.method,
            url,
            payload,
            as: teamMember,
          });
        }
        const url = fill(r.url, { [param]: 'abc' });
        probes.push({ what: `${param}=abc, en`, method: r.method, url, english: true });
        probes.push({
          what: `${param}=abc, ?lang=en`,
          method: r.method,
          url: `${url}?lang=en`,
          english: true,
        });
      }
    }
    expect(probes.length).toBeGreaterThan(100);
    expect(await probeAll(probes)).toEqual([]);
  }, 300_000);

  it('answers unknown query fields and wrongly typed query values', async () => {
    const probes: Probe[] = [];
    for (const r of walked()) {
      if (r.method !== 'GET') continue;
      const base = fill(r.url);
      probes.push({ what: 'unknown field', method: r.method, url: `${base}?zzzUnknown=1` });
      probes.push({
        what: 'unknown field, en',
        method: r.method,
        url: `${base}?zzzUnknown=1&lang=en`,
        english: true,
      });
      const declared = (operations.get(keyOf(r))?.parameters ?? []).filter((p) => p.in === 'query');
      for (const q of declared) {
        if (q.name === 'lang') continue;
        for (const value of HOSTILE_QUERY_VALUES) {
          const what = `${q.name}=${value.slice(0, 12)}`;
          probes.push({ what, method: r.method, url: `${base}?${q.name}=${encodeURIComponent(value)}` });
        }
        probes.push({ what: `${q.name} twice`, method: r.method, url: `${base}?${q.name}=1&${q.name}=2` });
        probes.push({
          what: `${q.name}=abc, en`,
          method: r.method,
          url: `${base}?${q.name}=abc`,
          english: true,
        });
      }
    }
    expect(probes.length).toBeGreaterThan(100);
    expect(await probeAll(probes)).toEqual([]);
  }, 300_000);

  it('answers invalid JSON, a JSON array, an empty object, and 10 000-character strings or huge numbers in every field', async () => {
    const probes: Probe[] = [];
    const bodied = walked().filter((r) => hasBody(r.method));
    for (const r of bodied) {
      const url = fill(r.url);
      probes.push({ what: 'invalid JSON', method: r.method, url, payload: '{"a": ' });
      probes.push({ what: 'invalid JSON, en', method: r.method, url, payload: '{"a": ', english: true });
      probes.push({ what: 'JSON array', method: r.method, url, payload: '[1, 2]' });
      probes.push({ what: 'JSON array, en', method: r.method, url, payload: '[]', english: true });
    }
    // Empty and long bodies can succeed and change data (close a round, rename a unit): send them last.
    for (const r of bodied) {
      probes.push({ what: 'empty object', method: r.method, url: fill(r.url), payload: {} });
    }
    for (const r of bodied) {
      const schema = operations.get(keyOf(r))?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const url = fill(r.url);
      probes.push({
        what: 'long strings',
        method: r.method,
        url,
        payload: shapedBody(schema, LONG, 1) as object,
      });
      probes.push({
        what: 'huge numbers',
        method: r.method,
        url,
        payload: shapedBody(schema, 'a', 99999999999) as object,
      });
      probes.push({
        what: 'NUL in strings',
        method: r.method,
        url,
        payload: shapedBody(schema, 'a\u0000b', 1) as object,
      });
    }
    expect(probes.length).toBeGreaterThan(100);
    expect(await probeAll(probes)).toEqual([]);
  }, 300_000);
});
