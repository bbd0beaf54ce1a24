import {
  evaluateCount,
  evaluateFact,
  evaluateFactRatio,
  evaluateRatio,
  makeResult,
} from './evaluate-criterion.js';
import type { CounterValues } from './expr.js';
import type {
  AssessmentResult,
  CompiledCriterion,
  CompiledSet,
  CriterionResult,
  CriterionStatus,
  GroupResult,
  HamletFacts,
  Tally,
} from './results.js';
import type { CompositeDefinition, PercentTarget } from './schema.js';
import { ratioCreditShare } from './target-math.js';

/*
 * A hamlet's scorecard from its counters and facts: every criterion, then k of N met per group and overall, and
 * points when the set is in points mode. Source: DOMAIN.md §3 and issue 3.
 */

/**
 * Status of a composite from its parts' statuses, ignoring parts that do not apply. anyOf (SKL-2): met if any part
 * is met, not met if every part is not met, otherwise not assessable. allOf: met if every part is met, not met if any
 * part is not met, otherwise not assessable. No applicable part at all: not applicable.
 */
export function combineStatuses(kind: 'anyOf' | 'allOf', parts: CriterionStatus[]): CriterionStatus {
  const applicable = parts.filter((s) => s !== 'not_applicable');
  if (applicable.length === 0) return 'not_applicable';
  if (kind === 'anyOf') {
    if (applicable.includes('met')) return 'met';
    return applicable.every((s) => s === 'not_met') ? 'not_met' : 'not_assessable';
  }
  if (applicable.includes('not_met')) return 'not_met';
  return applicable.every((s) => s === 'met') ? 'met' : 'not_assessable';
}

function evaluateComposite(
  criterion: CompiledCriterion,
  resolve: (code: string) => CriterionResult,
): CriterionResult {
  const definition = criterion.definition as CompositeDefinition;
  const parts = definition.of.map(resolve);
  const status = combineStatuses(
    definition.kind,
    parts.map((p) => p.status),
  );
  const reason =
    status === 'not_assessable' ? parts.find((p) => p.status === 'not_assessable')?.reason : undefined;
  const result = makeResult(criterion, status, null, null, null, 0, null, reason);
  result.parts = definition.of;
  return result;
}

/** Adds earned and available points to a fresh result (mutated in place: it was just built for this hamlet). */
function addPoints(criterion: CompiledCriterion, result: CriterionResult): void {
  if (criterion.hidden || result.status === 'not_applicable') return;
  const met = result.status === 'met';
  let share = met ? 1 : 0;
  if (criterion.kind === 'ratio' && result.value && 'numerator' in result.value) {
    const { numerator, denominator } = result.value;
    share = ratioCreditShare(numerator, denominator, result.target as PercentTarget, met);
  }
  result.points = Math.round(criterion.points * share * 100) / 100;
  result.maxPoints = criterion.points;
}

/** k of N over the counted criteria (not hidden, applicable), with points summed when present. */
export function tally(results: CriterionResult[], pointsMode: boolean): Tally {
  const counted = results.filter((r) => !r.hidden && r.status !== 'not_applicable');
  const t: Tally = {
    met: counted.filter((r) => r.status === 'met').length,
    notMet: counted.filter((r) => r.status === 'not_met').length,
    notAssessable: counted.filter((r) => r.status === 'not_assessable').length,
    applicable: counted.length,
  };
  if (pointsMode) {
    t.points = Math.round(counted.reduce((sum, r) => sum + (r.points ?? 0), 0) * 100) / 100;
    t.maxPoints = counted.reduce((sum, r) => sum + (r.maxPoints ?? 0), 0);
  }
  return t;
}

/**
 * The assessment of one hamlet: per criterion its value (exact integers), status, unknowns and gap; per group and
 * overall "k of N met"; meetsStandard when every applicable, non-hidden criterion is met (đạt chuẩn, "100% of
 * criteria"); points and maxPoints in points mode (ratios earn points × min(1, value/target), others all or nothing).
 * `counters` are this hamlet's counter values (missing ids count 0); `facts` are its officer-entered facts.
 * Source: DOMAIN.md §3; issue 3.
 */
export function evaluateHamlet(
  compiled: CompiledSet,
  counters: CounterValues,
  facts: HamletFacts,
): AssessmentResult {
  const { rounding, pointsMode } = compiled.parameters;
  const byCode = new Map(compiled.criteria.map((c) => [c.code, c]));
  const done = new Map<string, CriterionResult>();
  const resolve = (code: string): CriterionResult => {
    const known = done.get(code);
    if (known) return known;
    const criterion = byCode.get(code);
    if (!criterion) throw new Error(`criterion ${code} is not in the compiled set (disabled or unknown)`);
    let result: CriterionResult;
    switch (criterion.kind) {
      case 'ratio':
        result = evaluateRatio(criterion, counters, rounding);
        break;
      case 'count':
        result = evaluateCount(criterion, counters);
        break;
      case 'fact':
        result = evaluateFact(criterion, facts);
        break;
      case 'factRatio':
        result = evaluateFactRatio(criterion, facts, rounding);
        break;
      default:
        // The schema refuses cycles among composites, so this recursion ends.
        result = evaluateComposite(criterion, resolve);
    }
    if (pointsMode) addPoints(criterion, result);
    done.set(code, result);
    return result;
  };
  const criteria = compiled.criteria.map((c) => resolve(c.code));
  const groups: GroupResult[] = compiled.groups.map((code) =>
    Object.assign(
      { code },
      tally(
        criteria.filter((r) => r.group === code),
        pointsMode,
      ),
    ),
  );
  const overall = tally(criteria, pointsMode);
  const meetsStandard = overall.applicable > 0 && overall.met === overall.applicable;
  return {
    setCode: compiled.setCode,
    version: compiled.version,
    assessmentDate: compiled.assessmentDate,
    criteria,
    groups,
    overall: Object.assign(overall, { meetsStandard }),
  };
}
