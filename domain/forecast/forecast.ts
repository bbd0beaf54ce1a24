import { addDays } from '../admin-units/dates.js';
import { toDayNumber } from '../criteria/calendar.js';
import type { AssessmentResult, CriterionResult, CriterionStatus } from '../criteria/results.js';

/*
 * When would each criterion reach its target at the pace of the last snapshots? A least-squares line through the
 * last few stored values of the criterion (x = days, y = the value in its target's unit: percent for ratios, a
 * number for counts and numeric facts), then the days needed from the latest value at that slope. Pure: the server
 * reads the snapshots, this decides. Issue 5 §4 ("forecast").
 */

export interface ForecastPoint {
  /** Assessment date, yyyy-MM-dd. */
  date: string;
  /** The criterion's value in its target's unit. */
  value: number;
}

export interface NumericTarget {
  comparator: 'gte' | 'gt' | 'lte';
  value: number;
}

export type Forecast =
  /** The latest snapshot meets the target ("đã đạt"). */
  | { kind: 'met' }
  /** No numeric value to project: a yes/no fact, a composite, or no snapshot with a value. */
  | { kind: 'not_numeric' }
  /** Values from fewer than two dates: no pace can be measured. */
  | { kind: 'insufficient_data'; points: number }
  /** Flat, or moving away from the target ("không tiến triển"). */
  | { kind: 'no_progress'; slopePerMonth: number; points: number }
  /** At this pace the target is reached in the month of `date` ("khoảng tháng MM/yyyy"). */
  | { kind: 'eta'; date: string; slopePerMonth: number; points: number };

export const DEFAULT_WINDOW = 6;
/** Average days per month, so a slope reads "per month" the way officials count progress. */
const DAYS_PER_MONTH = 30.4375;

/** The slope (per day) of the least-squares line through the points; null when all share one date. */
export function leastSquaresSlope(points: ForecastPoint[]): number | null {
  const xs = points.map((p) => toDayNumber(p.date));
  const n = points.length;
  if (n < 2) return null;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (p.value - meanY);
  });
  return sxx === 0 ? null : sxy / sxx;
}

/** Keeps one point per date (the last given for that date), in date order. */
export function latestPerDate(points: ForecastPoint[]): ForecastPoint[] {
  const byDate = new Map<string, ForecastPoint>();
  for (const p of points) byDate.set(p.date, p);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Forecast of one criterion from its history. `latestMet` is the latest snapshot's verdict (the engine's, with its
 * exact fractions and rounding rule), so "đã đạt" never disagrees with the scorecard. Only the last `window`
 * dates count, so an old slow start does not hide a recent push.
 */
export function forecastCriterion(
  history: ForecastPoint[],
  target: NumericTarget | null,
  latestMet: boolean,
  window = DEFAULT_WINDOW,
): Forecast {
  if (latestMet) return { kind: 'met' };
  if (!target) return { kind: 'not_numeric' };
  const points = latestPerDate(history).slice(-window);
  if (points.length === 0) return { kind: 'not_numeric' };
  const slope = points.length < 2 ? null : leastSquaresSlope(points);
  if (slope === null) return { kind: 'insufficient_data', points: points.length };
  const slopePerMonth = Math.round(slope * DAYS_PER_MONTH * 100) / 100;
  // "At most" targets are approached from above: progress is a falling value.
  const towards = target.comparator === 'lte' ? -slope : slope;
  if (towards <= 1e-12) return { kind: 'no_progress', slopePerMonth, points: points.length };
  const last = points[points.length - 1];
  const distance = Math.abs(target.value - last.value);
  return {
    kind: 'eta',
    date: addDays(last.date, Math.ceil(distance / Math.abs(slope))),
    slopePerMonth,
    points: points.length,
  };
}

/** A criterion's value in its target's unit, or null when it has none (composites, yes/no facts, 0 of 0). */
export function numericValue(result: CriterionResult): number | null {
  const value = result.value;
  if (!value) return null;
  if ('numerator' in value) return value.denominator > 0 ? (value.numerator * 100) / value.denominator : null;
  if ('count' in value) return value.count;
  return typeof value.fact === 'number' ? value.fact : null;
}

/** The target as a number to reach, or null for yes/no facts and composites. */
export function numericTarget(result: CriterionResult): NumericTarget | null {
  const target = result.target;
  if (!target || 'equals' in target) return null;
  if ('percent' in target) return { comparator: target.comparator, value: target.percent };
  return { comparator: target.comparator, value: target.value };
}

export interface CriterionForecast {
  code: string;
  status: CriterionStatus;
  /** Latest value and target in the target's unit (percent or number), for display. */
  latestValue: number | null;
  target: NumericTarget | null;
  /** Percent for ratios, a plain number for counts and numeric facts. */
  valueUnit: 'percent' | 'number' | null;
  history: ForecastPoint[];
  forecast: Forecast;
}

/**
 * Forecasts every criterion of the latest snapshot from a hamlet's stored snapshots (any order; several per date
 * allowed, the later in the list wins). Criteria are matched by code across snapshots, so a history that spans two
 * criteria versions still gives one series; the target is the latest snapshot's.
 */
export function forecastFromSnapshots(
  snapshots: Array<{ date: string; result: AssessmentResult }>,
  window = DEFAULT_WINDOW,
): CriterionForecast[] {
  if (snapshots.length === 0) return [];
  const ordered = [...snapshots].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = ordered[ordered.length - 1].result;
  return latest.criteria
    .filter((c) => !c.hidden && c.status !== 'not_applicable')
    .map((c) => {
      const history: ForecastPoint[] = [];
      for (const s of ordered) {
        const r = s.result.criteria.find((x) => x.code === c.code);
        const value = r ? numericValue(r) : null;
        if (value !== null) history.push({ date: s.date, value });
      }
      const target = numericTarget(c);
      const series = latestPerDate(history);
      return {
        code: c.code,
        status: c.status,
        latestValue: numericValue(c),
        target,
        valueUnit: target === null ? null : c.target && 'percent' in c.target ? 'percent' : 'number',
        history: series,
        forecast: forecastCriterion(series, target, c.status === 'met', window),
      };
    });
}

/** "MM/yyyy" for a forecast date, as the actions page writes "khoảng tháng 03/2027". */
export function forecastMonth(isoDate: string): string {
  return `${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}
