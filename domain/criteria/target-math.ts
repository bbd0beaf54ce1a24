import type { Comparator, CountTarget, PercentTarget, Rounding } from './schema.js';

/*
 * Exact comparisons of a fraction with a percentage target. Floating point is never used for a decision: 0.8 is
 * not exactly representable, and 12/15 must meet 80% while 79.96% must not (DOMAIN.md §3). Targets have at most two
 * decimals (schema), so a target is an integer number of basis points of a percent (80% = 8000 / 10000) and every
 * comparison is a cross-multiplication of integers, done in BigInt so city-wide counts cannot overflow.
 */

/** A percentage target as an integer count of hundredths of a percent: 80 → 8000, 62.5 → 6250. */
export function targetHundredths(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/**
 * The percentage numerator/denominator rounded half up to `decimals`, in units of 10^-decimals percent
 * (e.g. decimals 1: 79.96% → 800). Integer arithmetic: floor((2·100·k·num + den) / (2·den)), with k = 10^decimals.
 */
function roundedPercentUnits(num: bigint, den: bigint, decimals: number): bigint {
  const k = 10n ** BigInt(decimals);
  return (200n * k * num + den) / (2n * den);
}

function compare(left: bigint, right: bigint, comparator: Comparator): boolean {
  if (comparator === 'gte') return left >= right;
  if (comparator === 'gt') return left > right;
  return left <= right;
}

/**
 * True when numerator/denominator (denominator > 0) meets the target under the set's rounding rule. With rounding
 * 'none' the exact fraction is compared (num·10000 against target·den); with 'round' the percentage rounded half up
 * to the given decimals is compared with the target. Source: DOMAIN.md §3 ("compared on the exact fraction").
 */
export function meetsPercent(
  numerator: number,
  denominator: number,
  target: PercentTarget,
  rounding: Rounding,
): boolean {
  const num = BigInt(numerator);
  const den = BigInt(denominator);
  const t = targetHundredths(target.percent);
  if (rounding.mode === 'none') return compare(num * 10_000n, t * den, target.comparator);
  const units = roundedPercentUnits(num, den, rounding.decimals);
  // units are 10^-decimals percent; scale both sides to hundredths of a percent.
  return compare(units * 10n ** BigInt(2 - rounding.decimals), t, target.comparator);
}

/**
 * The percentage shown next to a fraction, for display only (decisions use meetsPercent). Rounding 'none' truncates
 * to 2 decimals, so a value that does not meet 80% is never displayed as 80.00; 'round' shows the rounded value that
 * was compared. Unit: percent. Null when the denominator is 0.
 */
export function displayPercent(numerator: number, denominator: number, rounding: Rounding): number | null {
  if (denominator === 0) return null;
  const num = BigInt(numerator);
  const den = BigInt(denominator);
  if (rounding.mode === 'none') return Number((num * 10_000n) / den) / 100;
  return Number(roundedPercentUnits(num, den, rounding.decimals)) / 10 ** rounding.decimals;
}

/**
 * How many more units (people, households…) must move to "yes" for yes/denominator to meet the target: the smallest
 * g >= 0 with (yes + g)/den meeting it under the rounding rule. For an 'lte' target it is how many fewer are needed:
 * the smallest g with (yes − g)/den meeting it. Null when even the whole denominator cannot meet it (e.g. gt 100%)
 * or the denominator is 0. Found by binary search, since meeting the target is monotone in the numerator.
 */
export function percentGap(
  yes: number,
  denominator: number,
  target: PercentTarget,
  rounding: Rounding,
): number | null {
  if (denominator === 0) return null;
  const up = target.comparator !== 'lte';
  const meetsWith = (g: number) => meetsPercent(up ? yes + g : yes - g, denominator, target, rounding);
  const room = up ? Math.max(0, denominator - yes) : yes;
  if (meetsWith(0)) return 0;
  if (!meetsWith(room)) return null;
  let fails = 0;
  let meets = room;
  while (meets - fails > 1) {
    const mid = Math.floor((fails + meets) / 2);
    if (meetsWith(mid)) meets = mid;
    else fails = mid;
  }
  return meets;
}

/** True when a count (or a numeric fact) meets a target such as "at least 1 working wifi point". */
export function meetsCount(
  count: number,
  target: CountTarget | { comparator: Comparator; value: number },
): boolean {
  if (target.comparator === 'gte') return count >= target.value;
  if (target.comparator === 'gt') return count > target.value;
  return count <= target.value;
}

/**
 * How many more (gte, gt) or fewer (lte) units a count needs to meet its target; 0 when met. For 'gt' with whole
 * numbers, one more than the target is needed. Unit: the counted rows (e.g. wifi points) or the fact's unit.
 */
export function countGap(count: number, target: { comparator: Comparator; value: number }): number {
  if (meetsCount(count, target)) return 0;
  if (target.comparator === 'gte') return target.value - count;
  if (target.comparator === 'gt')
    return Number.isInteger(count) && Number.isInteger(target.value)
      ? target.value + 1 - count
      : target.value - count;
  return count - target.value;
}

/**
 * Partial credit in points mode for a ratio, as a share 0..1 of the criterion's points: min(1, value / target), as
 * the DTI indices award it; a met criterion earns it all. 'lte' and zero targets give all or nothing. The share is a float: it is a score,
 * not a decision.
 */
export function ratioCreditShare(
  yes: number,
  denominator: number,
  target: PercentTarget,
  met: boolean,
): number {
  if (met) return 1;
  const t = targetHundredths(target.percent);
  if (denominator === 0 || target.comparator === 'lte' || t === 0n) return 0;
  return Math.min(1, (yes * 10_000) / (denominator * Number(t)));
}
