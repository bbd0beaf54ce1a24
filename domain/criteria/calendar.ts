/*
 * Calendar arithmetic on ISO dates ('yyyy-MM-dd') for ages and retirement dates. Dates are plain calendar days,
 * handled as UTC midnights so that the machine's time zone never shifts them.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (negative before 1970). */
export function toDayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number from toDayNumber. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year of an ISO date. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * The date `months` calendar months after `isoDate`. When the target month is shorter, the result is that month's
 * last day (29/02 + 12 months = 28/02), as the Civil Code 2015 art. 148 ends a period counted in months or years.
 */
export function addMonths(isoDate: string, months: number): string {
  const y = yearOf(isoDate);
  const m = Number(isoDate.slice(5, 7)) - 1;
  const d = Number(isoDate.slice(8, 10));
  const total = y * 12 + m + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The last day in [lo, hi] (day numbers) at which a monotone predicate still holds, assuming it holds on an initial
 * stretch and fails after it. Returns lo − 1 when it never holds. Binary search: about 16 steps for 100 years.
 */
export function lastDayWhere(lo: number, hi: number, holds: (day: number) => boolean): number {
  let good = lo - 1;
  let bad = hi + 1;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (holds(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
