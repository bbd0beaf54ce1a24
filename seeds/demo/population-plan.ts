import { Random } from './population-random.js';

/*
 * Which hamlet gets which kind of population. The profiles make the demo tell a story on the dashboards:
 * - complete: every flag yes for everyone it applies to, so the hamlet meets every criterion of a typical set;
 * - nearly:   like complete, but a few (2–6) households lack broadband or a few adults lack VNeID level 2, so it
 *             misses exactly ONE criterion by a few units ("cần thêm 3 hộ");
 * - typical:  each flag yes for 60–95% of the people it applies to, a little unknown;
 * - sparse:   many flags unknown and some facts missing: the hamlet "lacks data" (not assessable).
 */

export const HAMLET_PROFILES = ['complete', 'nearly', 'typical', 'sparse'] as const;
export type HamletProfile = (typeof HAMLET_PROFILES)[number];
export type NearlyMiss = 'broadband' | 'vneid';

/** A hamlet to populate, as found in (or created in) the database. */
export interface HamletTarget {
  id: number;
  name: string;
  wardId: number | null;
  wardName: string | null;
  /** ISO date the hamlet unit begins. */
  validFrom: string;
}

export interface HamletPlan extends HamletTarget {
  profile: HamletProfile;
  /** Households to generate ('demo' sizes), or null when `residents` decides. */
  households: number | null;
  /** Residents to generate exactly (benchmark sizes), or null when `households` decides. */
  residents: number | null;
  /** Roughly how many households the hamlet will have; sizes the business list. */
  expectedHouseholds: number;
  /** 'nearly' hamlets only: the one criterion they miss, and by how many households or residents. */
  miss: { criterion: NearlyMiss; by: number } | null;
  /** ISO timestamp the survey records start from (valid_from of their first versions). */
  recordedFrom: string;
}

/** Survey records start this long before `now`, so that assessments of recent past dates (e.g. 09/2025) find data. */
const HISTORY_DAYS = 540;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Average residents per household the generator produces (see population-people.ts). */
export const MEAN_HOUSEHOLD_SIZE = 3.6;

function recordedFrom(hamlet: HamletTarget, nowIso: string): string {
  const historyStart = Date.parse(nowIso) - HISTORY_DAYS * DAY_MS;
  const unitStart = Date.parse(`${hamlet.validFrom}T00:00:00Z`) - VIETNAM_OFFSET_MS;
  return new Date(Math.min(Date.parse(nowIso), Math.max(historyStart, unitStart))).toISOString();
}

function missFor(rng: Random): HamletPlan['miss'] {
  return { criterion: rng.pick(['broadband', 'vneid'] as const), by: rng.int(2, 6) };
}

function plan(
  hamlet: HamletTarget,
  profile: HamletProfile,
  rng: Random,
  nowIso: string,
  size: { households: number } | { residents: number },
): HamletPlan {
  const households = 'households' in size ? size.households : null;
  const residents = 'residents' in size ? size.residents : null;
  return {
    ...hamlet,
    profile,
    households,
    residents,
    expectedHouseholds: households ?? Math.max(1, Math.round((residents ?? 0) / MEAN_HOUSEHOLD_SIZE)),
    miss: profile === 'nearly' ? missFor(rng) : null,
    recordedFrom: recordedFrom(hamlet, nowIso),
  };
}

/**
 * Profiles for the demo city's hamlets. All but two wards (5 of 7 in the demo) get one 'complete' hamlet, so the
 * city goal counter ("wards with at least one hamlet meeting the standard") is neither 0 nor full; every ward
 * with three or more hamlets gets a 'nearly' one; the rest are mostly typical, some sparse. At least one
 * 'nearly' and one 'sparse' hamlet always exist. 25 to 40 households per hamlet.
 */
export function planDemoHamlets(seed: number, hamlets: HamletTarget[], nowIso: string): HamletPlan[] {
  const rng = new Random(seed, 'demo-profiles');
  const byWard = new Map<number | null, HamletTarget[]>();
  for (const h of [...hamlets].sort((a, b) => a.id - b.id)) {
    byWard.set(h.wardId, [...(byWard.get(h.wardId) ?? []), h]);
  }
  const wards = [...byWard.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
  const withComplete = new Set(
    rng.shuffle(wards).slice(0, wards.length >= 4 ? wards.length - 2 : Math.max(1, wards.length - 1)),
  );
  const profiles = new Map<number, HamletProfile>();
  for (const ward of wards) {
    const order = rng.shuffle(byWard.get(ward)!);
    order.forEach((h, i) => {
      let profile: HamletProfile;
      if (i === 0 && withComplete.has(ward)) profile = 'complete';
      else if (i === (withComplete.has(ward) ? 1 : 0) && order.length >= 3) profile = 'nearly';
      else
        profile = rng.weighted([
          ['typical', 65],
          ['sparse', 22],
          ['nearly', 13],
        ] as const);
      profiles.set(h.id, profile);
    });
  }
  const ids = [...profiles.keys()].sort((a, b) => a - b);
  for (const needed of ['nearly', 'sparse'] as const) {
    if (![...profiles.values()].includes(needed)) {
      const victim = [...ids].reverse().find((id) => profiles.get(id) === 'typical');
      if (victim !== undefined) profiles.set(victim, needed);
    }
  }
  return [...hamlets]
    .sort((a, b) => a.id - b.id)
    .map((h) =>
      plan(h, profiles.get(h.id)!, new Random(seed, 'demo-plan', h.id), nowIso, {
        households: new Random(seed, 'demo-size', h.id).int(25, 40),
      }),
    );
}

/**
 * Plans for benchmark hamlets: `residents` people in all, spread unevenly (±25%) but summing exactly, with
 * profiles drawn 10% complete, 15% nearly, 60% typical, 15% sparse.
 */
export function planBenchHamlets(
  seed: number,
  hamlets: HamletTarget[],
  residents: number,
  nowIso: string,
): HamletPlan[] {
  if (hamlets.length === 0) return [];
  const rng = new Random(seed, 'bench-plan');
  const sorted = [...hamlets].sort((a, b) => a.id - b.id);
  const weights = sorted.map(() => 0.75 + rng.float() * 0.5);
  const total = weights.reduce((s, w) => s + w, 0);
  const targets = weights.map((w) => Math.floor((residents * w) / total));
  let left = residents - targets.reduce((s, n) => s + n, 0);
  for (let i = 0; left > 0; i = (i + 1) % targets.length, left--) targets[i]++;
  return sorted.map((h, i) => {
    const profile = rng.weighted([
      ['complete', 10],
      ['nearly', 15],
      ['typical', 60],
      ['sparse', 15],
    ] as const);
    return plan(h, profile, new Random(seed, 'bench-plan', h.id), nowIso, { residents: targets[i] });
  });
}
