import { HOUSEHOLD_COLUMNS, RESIDENT_COLUMNS, type Row } from './population-columns.js';
import { BOARDING_HOUSES, CHANGE_NOTES, GIVEN_NAMES, MIDDLE_NAMES, STREETS } from './population-data.js';
import { composeHousehold, PERMANENT_SIZES, TEMPORARY_SIZES } from './population-members.js';
import type { HamletPlan } from './population-plan.js';
import { Random } from './population-random.js';

/*
 * Households and residents of one hamlet, generated deterministically from (seed, hamlet id, now). Rows are
 * arrays in the column order of population-columns.ts, ready for bulkInsert or a CSV writer. A hamlet is generated one household at
 * a time, so a million residents never sit in memory; the households pass and the residents pass each run the
 * same generator and keep their own rows.
 */

const FIXED_BROADBAND = HOUSEHOLD_COLUMNS.indexOf('fixed_broadband');
const VNEID_LEVEL = RESIDENT_COLUMNS.indexOf('vneid_level');

type Flag = 0 | 1 | null;

/** One household: its versions (oldest first) and its members' versions. */
export interface GeneratedHousehold {
  household: Row[];
  residents: Row[];
  /** Members, i.e. current resident versions. */
  people: number;
}

/** uids start at this "timestamp" (2022-04) so they read like ordinary version-7 UUIDs. */
const UID_EPOCH = 0x0180_0000_0000;
/** Records per hamlet and table that get distinct uid serials. */
const SERIALS_PER_HAMLET = 2 ** 20;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Per-hamlet chances of "yes" for typical and sparse hamlets; complete and nearly hamlets say yes throughout. */
interface Rates {
  unknown: number;
  history: number;
  [flag: string]: number;
}

const FLAG_NAMES = [
  'vneid',
  'ops',
  'opsUse',
  'payment',
  'device',
  'telehealth',
  'booking',
  'coached',
  'ehr',
  'fixed',
  'mobile',
  'channel',
  'outreach',
];

function ratesFor(profile: HamletPlan['profile'], rng: Random): Rates | null {
  if (profile === 'complete' || profile === 'nearly') return null;
  const sparse = profile === 'sparse';
  const rates: Rates = {
    unknown: sparse ? 0.35 + rng.float() * 0.25 : 0.02 + rng.float() * 0.03,
    history: sparse ? 0.03 : 0.12,
  };
  for (const name of FLAG_NAMES) rates[name] = sparse ? 0.45 + rng.float() * 0.4 : 0.6 + rng.float() * 0.35;
  return rates;
}

/** A moment between the first records and a week ago, when a record was updated after a later visit; null if the span is too short. */
function laterVisit(rng: Random, plan: HamletPlan, nowIso: string): string | null {
  const start = Date.parse(plan.recordedFrom);
  const spanDays = Math.floor((Date.parse(nowIso) - start) / DAY_MS);
  if (spanDays < 40) return null;
  return new Date(start + rng.int(30, spanDays - 7) * DAY_MS + rng.int(1, 10) * HOUR_MS).toISOString();
}

/** The versions of one record: a single current row, or an older row closed at `changedAt` plus the current one. */
function versions(
  current: Row,
  column: number,
  oldValue: unknown,
  changedAt: string | null,
  note: string,
  from: string,
): Row[] {
  if (changedAt === null) return [[...current, from, null, null, null]];
  const old = [...current];
  old[column] = oldValue;
  return [
    [...old, from, changedAt, null, null],
    [...current, changedAt, null, null, note],
  ];
}

const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** The ISO date of day `dayOfYear` (0-based) of `year`, by arithmetic: a Date per resident showed in the profile. */
function isoDay(year: number, dayOfYear: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 1 : 0;
  let month = 11;
  while (month > 0 && dayOfYear < MONTH_STARTS[month] + (month >= 2 ? leap : 0)) month--;
  const day = dayOfYear - MONTH_STARTS[month] - (month >= 2 ? leap : 0) + 1;
  return `${year}-${TWO_DIGITS[month + 1]}-${TWO_DIGITS[day]}`;
}

/**
 * Every household of one hamlet, in order, with its residents unless `withMembers` is false. Each household
 * draws from its own streams (seed, hamlet, household number), so the households pass can skip the members
 * and still produce exactly the households the residents pass sees.
 */
export function* hamletPeople(
  seed: number,
  plan: HamletPlan,
  nowIso: string,
  withMembers = true,
): Generator<GeneratedHousehold> {
  const rng = new Random(seed, 'people', plan.id);
  const rates = ratesFor(plan.profile, rng);
  const flag = (r: Random, p: number): Flag =>
    rates && r.chance(rates.unknown) ? null : r.chance(p) ? 1 : 0;
  const nowYear = Number(nowIso.slice(0, 4));
  const today = nowIso.slice(0, 10);
  const temporaryShare = 0.08 + rng.float() * 0.27;
  const streets = rng.shuffle(STREETS).slice(0, rng.int(3, 5));
  const missing = new Set(plan.miss ? rng.sample(Math.min(20, plan.expectedHouseholds), plan.miss.by) : []);
  const serialBase = UID_EPOCH + plan.id * SERIALS_PER_HAMLET;
  if ((plan.residents ?? 0) >= SERIALS_PER_HAMLET || (plan.households ?? 0) * 8 >= SERIALS_PER_HAMLET) {
    throw new Error(`hamlet ${plan.id}: too many people for distinct uids; spread them over more hamlets`);
  }
  let residentIndex = 0;
  let remaining = plan.residents;

  for (let h = 0; plan.households !== null ? h < plan.households : (remaining ?? 0) > 0; h++) {
    const hr = new Random(seed, 'household', plan.id, h);
    const temporary = hr.chance(temporaryShare);
    let size: number = hr.weighted<number>(temporary ? TEMPORARY_SIZES : PERMANENT_SIZES);
    if (remaining !== null) {
      size = Math.min(size, remaining);
      remaining -= size;
    }
    const residency = temporary ? 'temporary' : 'permanent';
    const householdUid = hr.uid(serialBase + h);
    const street = hr.pick(streets);
    const address = temporary
      ? `Phòng ${hr.int(1, 24)}, dãy trọ ${hr.pick(BOARDING_HOUSES)}, số ${hr.int(1, 400)} đường ${street}`
      : hr.chance(0.35)
        ? `Số ${hr.int(1, 120)}/${hr.int(1, 40)}, hẻm ${hr.int(1, 99)} đường ${street}`
        : `Số ${hr.int(1, 400)}, đường ${street}`;
    const isMissing = missing.has(h);
    let fixed: Flag, mobile: Flag, channel: Flag, outreach: Flag;
    if (rates === null) {
      const noBroadband = isMissing && plan.miss?.criterion === 'broadband';
      fixed = noBroadband ? 0 : hr.chance(0.85) ? 1 : 0;
      mobile = noBroadband ? 0 : fixed === 1 ? (hr.chance(0.6) ? 1 : 0) : 1;
      channel = 1;
      outreach = 1;
    } else {
      fixed = flag(hr, rates.fixed * (temporary ? 0.6 : 1));
      mobile = flag(hr, rates.mobile);
      channel = flag(hr, rates.channel);
      outreach = flag(hr, rates.outreach);
    }
    const householdRow: Row = [
      householdUid,
      plan.id,
      `H${String(h + 1).padStart(4, '0')}`,
      address,
      street,
      residency,
      fixed,
      mobile,
      channel,
      outreach,
    ];
    const installedAt =
      rates && fixed === 1 && hr.chance(rates.history) ? laterVisit(hr, plan, nowIso) : null;
    const household = versions(
      householdRow,
      FIXED_BROADBAND,
      0,
      installedAt,
      CHANGE_NOTES.broadbandInstalled,
      plan.recordedFrom,
    );
    const firstResident = residentIndex;
    residentIndex += size;
    if (!withMembers) {
      yield { household, residents: [], people: size };
      continue;
    }

    const mr = new Random(seed, 'members', plan.id, h);
    const residents: Row[] = [];
    const members = composeHousehold(mr, temporary, size);
    members.forEach((m, i) => {
      const uid = mr.uid(serialBase + firstResident + i);
      const birthYear = nowYear - m.age;
      const fullDate = mr.chance(0.6) ? isoDay(birthYear, mr.int(0, 364)) : null;
      const birthDate = fullDate !== null && fullDate > today ? today : fullDate;
      const middle = mr.pick(MIDDLE_NAMES[m.sex]);
      // "Hoàng Hoàng Tùng" reads wrong: a middle name equal to the family name falls back to the commonest one.
      const fullName = `${m.family} ${middle === m.family ? MIDDLE_NAMES[m.sex][0] : middle} ${mr.pick(GIVEN_NAMES[m.sex])}`;
      const child = m.age < 13;
      let values: Flag[];
      let vneid: number | null;
      if (rates === null) {
        // Everyone it applies to says yes; the thresholds sit below the criteria's ages (14, 15) so the hamlet stays complete for years.
        const yes: Flag = child ? 0 : 1;
        vneid = m.age >= 10 || mr.chance(0.4) ? 2 : 0;
        if (isMissing && m.isHead && plan.miss?.criterion === 'vneid') vneid = 1;
        values = [yes, yes, yes, child ? (m.age >= 8 && mr.chance(0.4) ? 1 : 0) : 1, 1, 1, yes, 1];
      } else {
        const factor = m.age >= 65 ? 0.55 : 1;
        vneid = mr.chance(rates.unknown)
          ? null
          : m.age >= 14
            ? mr.chance(rates.vneid * factor)
              ? 2
              : mr.chance(0.5)
                ? 1
                : 0
            : mr.chance(0.3)
              ? 2
              : 0;
        const ops: Flag = child ? 0 : flag(mr, rates.ops * factor);
        const opsUse: Flag = ops === 1 ? flag(mr, rates.opsUse) : ops;
        values = [
          ops,
          opsUse,
          child ? 0 : flag(mr, rates.payment * factor),
          child ? (m.age >= 8 ? flag(mr, 0.3) : 0) : flag(mr, rates.device * factor),
          flag(mr, rates.telehealth * (child ? 0.8 : factor)),
          flag(mr, rates.booking * (child ? 0.8 : factor)),
          child ? 0 : flag(mr, rates.coached * factor),
          flag(mr, rates.ehr),
        ];
      }
      const row: Row = [
        uid,
        householdUid,
        plan.id,
        fullName,
        birthYear,
        birthDate,
        birthDate ?? `${birthYear}-01-01`,
        m.sex,
        residency,
        m.isHead ? 1 : 0,
        vneid,
        ...values,
      ];
      const upgradedAt =
        rates && vneid === 2 && m.age >= 14 && mr.chance(rates.history) ? laterVisit(mr, plan, nowIso) : null;
      residents.push(
        ...versions(row, VNEID_LEVEL, 1, upgradedAt, CHANGE_NOTES.vneidUpgraded, plan.recordedFrom),
      );
    });
    yield { household, residents, people: members.length };
  }
}

/** Counts of what the generators produced, filled in as rows stream past. */
export interface PeopleCounts {
  households: number;
  householdRows: number;
  residents: number;
  residentRows: number;
}

/** Household rows (every version) of all planned hamlets, in plan order. */
export function* householdRows(
  seed: number,
  plans: HamletPlan[],
  nowIso: string,
  counts?: PeopleCounts,
): Generator<Row> {
  for (const plan of plans) {
    for (const generated of hamletPeople(seed, plan, nowIso, false)) {
      if (counts) {
        counts.households++;
        counts.householdRows += generated.household.length;
      }
      yield* generated.household;
    }
  }
}

/** Resident rows (every version) of all planned hamlets, in plan order. */
export function* residentRows(
  seed: number,
  plans: HamletPlan[],
  nowIso: string,
  counts?: PeopleCounts,
): Generator<Row> {
  for (const plan of plans) {
    for (const generated of hamletPeople(seed, plan, nowIso)) {
      if (counts) {
        counts.residents += generated.people;
        counts.residentRows += generated.residents.length;
      }
      yield* generated.residents;
    }
  }
}
