import { formatDateVi } from '../../domain/text/format.js';
import {
  AREA_CENTRE,
  BUSINESS_PATTERNS,
  ECOMMERCE_PLATFORMS,
  FACT_TEXT,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  WIFI_PLACES,
  WIFI_PROVIDERS,
} from './population-data.js';
import type { Row } from './population-columns.js';
import type { HamletPlan } from './population-plan.js';
import { Random } from './population-random.js';

/*
 * Businesses, wifi points and hamlet facts of one hamlet, each from its own random stream (seed, purpose, hamlet
 * id), so they do not depend on how many people the hamlet has. Rows are arrays in the column order below.
 */

type Flag = 0 | 1 | null;
const UID_EPOCH = 0x0190_0000_0000;
/** Distinct uid serials per hamlet for businesses, wifi points and facts (a hamlet of 30,000 households has about 5,000 businesses). */
const SERIALS_PER_HAMLET = 2 ** 16;
const DAY_MS = 86_400_000;
const KINDS = [
  ['shop', 40],
  ['household_business', 30],
  ['farm', 15],
  ['cooperative', 3],
  ['other', 12],
] as const;

const isFullyDigital = (plan: HamletPlan) => plan.profile === 'complete' || plan.profile === 'nearly';

function personName(rng: Random): string {
  const sex = rng.chance(0.5) ? 'male' : 'female';
  return `${rng.weighted(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES[sex])} ${rng.pick(GIVEN_NAMES[sex])}`;
}

/** Chances for typical and sparse hamlets (null = complete/nearly: every applicable flag yes). */
function chances(plan: HamletPlan, rng: Random) {
  if (isFullyDigital(plan)) return null;
  const sparse = plan.profile === 'sparse';
  return {
    unknown: sparse ? 0.35 + rng.float() * 0.25 : 0.03,
    yes: sparse ? 0.45 + rng.float() * 0.4 : 0.6 + rng.float() * 0.35,
  };
}

/** Shops, household businesses, farms and cooperatives of one hamlet, about one per seven households. */
export function* hamletBusinesses(seed: number, plan: HamletPlan): Generator<Row> {
  const rng = new Random(seed, 'businesses', plan.id);
  const odds = chances(plan, rng);
  const flag = (p: number): Flag => (odds && rng.chance(odds.unknown) ? null : rng.chance(p) ? 1 : 0);
  const count = Math.min(
    SERIALS_PER_HAMLET,
    Math.max(2, Math.round(plan.expectedHouseholds * (0.1 + rng.float() * 0.08))),
  );
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(KINDS);
    const isFarm = kind === 'farm' || kind === 'cooperative';
    const sex = rng.chance(0.5) ? 'male' : 'female';
    const name = rng
      .pick(BUSINESS_PATTERNS[kind])
      .replace('{given}', rng.pick(GIVEN_NAMES[sex]))
      .replace('{family}', rng.weighted(FAMILY_NAMES))
      .replace('{hamlet}', plan.name);
    const ocopStars = isFarm && rng.chance(0.3) ? rng.int(3, 4) : null;
    let cashless: Flag, eligible: Flag, listed: Flag, traceability: Flag;
    if (odds === null) {
      cashless = 1;
      eligible = rng.chance(isFarm ? 0.6 : 0.35) ? 1 : 0;
      listed = eligible === 1 || rng.chance(0.2) ? 1 : 0;
      traceability = isFarm ? 1 : null;
    } else {
      cashless = flag(odds.yes);
      eligible = flag(isFarm ? 0.6 : 0.35);
      listed = eligible === 1 ? flag(odds.yes) : eligible === 0 ? (rng.chance(0.1) ? 1 : 0) : null;
      traceability = isFarm ? flag(odds.yes) : null;
    }
    const platforms =
      listed === 1 ? rng.shuffle(ECOMMERCE_PLATFORMS).slice(0, rng.int(1, 2)).join(',') : null;
    const uid = rng.uid(UID_EPOCH + plan.id * SERIALS_PER_HAMLET + i);
    yield [
      uid,
      plan.id,
      name,
      kind,
      cashless,
      eligible,
      listed,
      platforms,
      ocopStars,
      traceability,
      isFarm ? 1 : 0,
      plan.recordedFrom,
      null,
      null,
      null,
    ];
  }
}

/** Free public wifi points: one or two working ones in complete and nearly hamlets, fewer and less certain elsewhere. */
export function* hamletWifiPoints(seed: number, plan: HamletPlan): Generator<Row> {
  const rng = new Random(seed, 'wifi', plan.id);
  const lat = AREA_CENTRE.lat + (rng.float() - 0.5) * 0.16;
  const lng = AREA_CENTRE.lng + (rng.float() - 0.5) * 0.16;
  const count = isFullyDigital(plan)
    ? rng.int(1, 2)
    : plan.profile === 'typical'
      ? rng.int(0, 2)
      : rng.int(0, 1);
  const places = rng.shuffle(WIFI_PLACES);
  for (let i = 0; i < count; i++) {
    const isWorking: Flag = isFullyDigital(plan)
      ? 1
      : plan.profile === 'typical'
        ? rng.chance(0.8)
          ? 1
          : 0
        : rng.chance(0.5)
          ? null
          : 1;
    const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
    yield [
      rng.uid(UID_EPOCH + plan.id * SERIALS_PER_HAMLET + i),
      plan.id,
      places[i % places.length].replace('{hamlet}', plan.name),
      round6(lat + (rng.float() - 0.5) * 0.008),
      round6(lng + (rng.float() - 0.5) * 0.008),
      isWorking,
      rng.pick(WIFI_PROVIDERS),
      plan.recordedFrom,
      null,
      null,
      null,
    ];
  }
}

/**
 * The hamlet's facts: the digital team decision (AWR-2), office equipment (INF-4), online polls (SOC-3) and
 * feedback received/answered online (SOC-2). Complete and nearly hamlets have all of them and meet their
 * targets (team with a decision, polls ≥ 1, ≥ 90% answered); sparse hamlets miss some facts altogether.
 */
export function* hamletFacts(seed: number, plan: HamletPlan): Generator<Row> {
  const rng = new Random(seed, 'facts', plan.id);
  let serial = UID_EPOCH + plan.id * SERIALS_PER_HAMLET;
  const fact = (
    key: string,
    valueBool: Flag,
    valueNum: number | null,
    evidence: string | null,
    decision: { no: string; date: string } | null,
    members: string[] | null,
  ): Row => [
    rng.uid(serial++),
    plan.id,
    key,
    valueBool,
    valueNum,
    evidence,
    decision?.no ?? null,
    decision?.date ?? null,
    members ? JSON.stringify(members) : null,
    plan.recordedFrom,
    null,
    null,
    null,
  ];
  const digital = isFullyDigital(plan);
  const sparse = plan.profile === 'sparse';

  const teamRoll = rng.float();
  if (digital || (!sparse && teamRoll < 0.8)) {
    const until = Date.parse(plan.recordedFrom);
    const earliest = Math.max(until - 300 * DAY_MS, Date.parse(`${plan.validFrom}T00:00:00Z`));
    const date = new Date(earliest + Math.floor(rng.float() * Math.max(1, until - earliest)))
      .toISOString()
      .slice(0, 10);
    const no = FACT_TEXT.decisionNo(rng.int(12, 380));
    const members = [personName(rng), personName(rng), personName(rng)];
    yield fact(
      'digitalTeam',
      1,
      null,
      FACT_TEXT.teamDecision(no, formatDateVi(date), plan.wardName ?? 'Phường'),
      { no, date },
      members,
    );
  } else if (!sparse) {
    yield fact('digitalTeam', 0, null, null, null, null);
  } else if (teamRoll < 0.5) {
    // The team exists, but nobody has entered its decision yet.
    yield fact('digitalTeam', 1, null, null, null, null);
  }

  if (digital || !sparse || rng.chance(0.4)) {
    const equipped: Flag = digital || rng.chance(0.7) ? 1 : 0;
    yield fact('officeEquipped', equipped, null, equipped ? FACT_TEXT.officeEquipped : null, null, null);
  }
  if (digital || !sparse || rng.chance(0.4)) {
    yield fact(
      'onlinePollsPerYear',
      null,
      digital ? rng.int(2, 4) : rng.int(0, 3),
      FACT_TEXT.polls,
      null,
      null,
    );
  }
  if (digital || !sparse || rng.chance(0.4)) {
    const received = digital ? rng.int(10, 40) : rng.int(5, 30);
    const answered = digital
      ? received - rng.int(0, Math.floor(received * 0.1))
      : Math.round(received * (0.6 + rng.float() * 0.4));
    yield fact('feedbackReceived', null, received, FACT_TEXT.feedback, null, null);
    yield fact('feedbackAnsweredOnline', null, answered, FACT_TEXT.feedback, null, null);
  }
}

/** Rows of one kind for all planned hamlets, in plan order. */
export function* placeRows(
  seed: number,
  plans: HamletPlan[],
  kind: 'businesses' | 'wifiPoints' | 'hamletFacts',
): Generator<Row> {
  const generate =
    kind === 'businesses' ? hamletBusinesses : kind === 'wifiPoints' ? hamletWifiPoints : hamletFacts;
  for (const plan of plans) yield* generate(seed, plan);
}
