import {
  evaluateRollup,
  sumCounters,
  type AssessmentResult,
  type CompiledSet,
  type CounterValues,
  type CriterionStatus,
} from '../criteria/index.js';
import { pushTo } from '../collections/group.js';

/** One stored hamlet snapshot, as the trend reads it. */
export interface HamletSnapshot {
  id: number;
  hamletId: number;
  assessmentDate: string;
  criteriaSetId: number;
  computedAt: string;
  result: AssessmentResult;
  counters: CounterValues;
}

export interface TrendCriterion {
  code: string;
  /** Ratios: the value of the summed counters (one hamlet: its own value). Unit: percent; null otherwise. */
  percent: number | null;
  hamletsMet: number;
  hamletsApplicable: number;
  /** Only for a single hamlet: its status on that date. */
  status?: CriterionStatus;
}

export interface TrendPoint {
  date: string;
  criteriaSetId: number;
  hamlets: number;
  hamletsMeetingStandard: number;
  /** Share of the snapshotted hamlets that meet the standard. Unit: percent. */
  shareMeetingStandard: number;
  criteria: TrendCriterion[];
}

/**
 * The progress of a group of hamlets over time, from their stored snapshots: per assessment date and criteria
 * version, the latest snapshot of each hamlet is taken; the counters are summed and each ratio computed from the
 * sums (never an average of percentages), as in the live roll-up. `compile` returns the compiled set for a version
 * and date (so a past point keeps the version it was made with). Points are sorted by date. Source: issue 5 §1.
 */
export function buildTrend(
  snapshots: readonly HamletSnapshot[],
  compile: (criteriaSetId: number, date: string) => CompiledSet,
): TrendPoint[] {
  const latest = new Map<string, HamletSnapshot>();
  for (const s of snapshots) {
    const key = `${s.assessmentDate}|${s.criteriaSetId}|${s.hamletId}`;
    const known = latest.get(key);
    if (!known || s.computedAt > known.computedAt || (s.computedAt === known.computedAt && s.id > known.id))
      latest.set(key, s);
  }
  const groups = new Map<string, HamletSnapshot[]>();
  for (const s of latest.values()) {
    const key = `${s.assessmentDate}|${s.criteriaSetId}`;
    pushTo(groups, key, s);
  }
  const points: TrendPoint[] = [];
  for (const group of groups.values()) {
    const { assessmentDate: date, criteriaSetId } = group[0]!;
    const compiled = compile(criteriaSetId, date);
    const rollup = evaluateRollup(
      compiled,
      sumCounters(group.map((s) => s.counters)),
      group.map((s) => s.result),
    );
    const single = group.length === 1 ? group[0]!.result : null;
    points.push({
      date,
      criteriaSetId,
      hamlets: group.length,
      hamletsMeetingStandard: rollup.hamletsMeetingStandard,
      shareMeetingStandard: (100 * rollup.hamletsMeetingStandard) / group.length,
      criteria: rollup.criteria
        .filter((c) => !c.hidden)
        .map((c) => {
          const own = single?.criteria.find((r) => r.code === c.code);
          return {
            code: c.code,
            percent: own ? own.percent : (c.aggregate?.percent ?? null),
            hamletsMet: c.hamletsMet,
            hamletsApplicable: c.hamletsApplicable,
            ...(own ? { status: own.status } : {}),
          };
        }),
    });
  }
  return points.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.criteriaSetId - b.criteriaSetId,
  );
}
