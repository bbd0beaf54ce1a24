import { addMonths, fromDayNumber, lastDayWhere, toDayNumber, yearOf } from './calendar.js';

/*
 * Ages, statutory retirement and working age (độ tuổi lao động), computed on birth keys.
 *
 * A birth key is an ISO date: the full birth date when it is known, or yyyy-01-01 when only the birth year is. With
 * that convention a person whose birth year is all we know is one year older every 1 January, so their age is the
 * assessment year minus the birth year for any date of the year: the usual reading of a household register that
 * gives only the year. Because every age rule below is monotone in the birth key, "aged N or more at date d" and
 * "working age at d" are ranges of birth keys, and the SQL stays plain string comparisons on ISO dates.
 */

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** `labour_code_2019`: from 15 to the statutory retirement age; `fifteen_plus`: 15 and over (statistics office). */
export const WORKING_AGE_PRESETS = ['labour_code_2019', 'fifteen_plus'] as const;
export type WorkingAgePreset = (typeof WORKING_AGE_PRESETS)[number];

/** Lowest working age in years (Labour Code 2019 art. 3: a worker is at least 15 years old). */
export const MIN_WORKING_AGE = 15;

/**
 * Statutory retirement age, in months, of a person of `sex` who reaches it in calendar year `year`.
 * Labour Code 2019 art. 169 and Decree 135/2020/ND-CP art. 4: men 60y3m in 2021, +3 months a year up to 62y
 * (2028); women 55y4m in 2021, +4 months a year up to 60y (2035). Before 2021 the Labour Code 2012 ages, 60 and 55.
 */
export function retirementAgeMonths(sex: Sex, year: number): number {
  if (sex === 'male') {
    if (year < 2021) return 60 * 12;
    return Math.min(62 * 12, 60 * 12 + 3 + 3 * (year - 2021));
  }
  if (year < 2021) return 55 * 12;
  return Math.min(60 * 12, 55 * 12 + 4 + 4 * (year - 2021));
}

/**
 * The ISO date on which a person born on `birthKey` reaches the statutory retirement age: the first date t with
 * t = birth + retirementAgeMonths(sex, year of t) (Decree 135/2020 art. 4, Annex I: the age that applies is the one
 * of the year in which it is reached). Months are added calendar-wise, ending on the month's last day when needed.
 * Such a t always exists: from one year to the next the age grows by at most 4 months, so the year of
 * birth + age(y), minus y, drops by 0 or 1 at each step and must pass through 0.
 */
export function retirementDate(birthKey: string, sex: Sex): string {
  const born = yearOf(birthKey);
  for (let year = born + 55; year <= born + 63; year += 1) {
    const candidate = addMonths(birthKey, retirementAgeMonths(sex, year));
    if (yearOf(candidate) === year) return candidate;
  }
  throw new Error(`no retirement date found for ${birthKey}`);
}

/**
 * Age in completed years on `date` of a person with `birthKey` (both ISO dates). A birthday on 29/02 falls on 28/02
 * in common years (Civil Code 2015 art. 148). Birth year only (yyyy-01-01): the assessment year minus the birth year.
 */
export function ageOn(birthKey: string, date: string): number {
  let years = yearOf(date) - yearOf(birthKey);
  if (addMonths(birthKey, years * 12) > date) years -= 1;
  return years;
}

/**
 * The latest birth key of a person aged `years` or more on `date`: ageOn(b, date) >= years exactly when
 * b <= the returned ISO date. Found by binary search because 29/02 births make the boundary irregular.
 */
export function latestBirthKeyForAge(date: string, years: number): string {
  const end = toDayNumber(date);
  const start = toDayNumber(addMonths(date, -12 * (years + 1)));
  const day = lastDayWhere(start, end, (d) => addMonths(fromDayNumber(d), years * 12) <= date);
  return fromDayNumber(day);
}

/** Birth keys of the people in working age on a date, for one sex: bornAfter < birthKey <= bornOnOrBefore. */
export interface BirthKeyRange {
  /** Exclusive lower bound; null when there is no upper age limit (the fifteen_plus preset). */
  bornAfter: string | null;
  /** Inclusive upper bound: the latest birth key of someone aged 15 on the date. */
  bornOnOrBefore: string;
}

/**
 * Working age at `date` (ISO) for `sex`, as a range of birth keys. labour_code_2019: aged 15 or more (someone
 * turning 15 ON the date counts) and the date is before the person's retirement date (a person whose retirement
 * date is the assessment date no longer counts). fifteen_plus: aged 15 or more. Sources: Labour Code 2019 art. 3
 * and 169, Decree 135/2020/ND-CP; DOMAIN.md §3 (the preset is a setting of the criteria version).
 */
export function workingAgeBirthRange(date: string, sex: Sex, preset: WorkingAgePreset): BirthKeyRange {
  const bornOnOrBefore = latestBirthKeyForAge(date, MIN_WORKING_AGE);
  if (preset === 'fifteen_plus') return { bornAfter: null, bornOnOrBefore };
  // Retirement dates grow with the birth date, so "retired by `date`" holds for every birth key up to one day.
  const end = toDayNumber(date);
  const start = toDayNumber(addMonths(date, -12 * 70));
  const lastRetired = lastDayWhere(
    start,
    end - 50 * 365,
    (d) => retirementDate(fromDayNumber(d), sex) <= date,
  );
  return { bornAfter: fromDayNumber(lastRetired), bornOnOrBefore };
}

/** True when a person of `sex` born on `birthKey` is of working age on `date` under `preset` (see workingAgeBirthRange). */
export function isWorkingAge(birthKey: string, sex: Sex, date: string, preset: WorkingAgePreset): boolean {
  if (ageOn(birthKey, date) < MIN_WORKING_AGE) return false;
  return preset === 'fifteen_plus' || date < retirementDate(birthKey, sex);
}
