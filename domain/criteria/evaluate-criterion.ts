import type { CounterValues } from './expr.js';
import type {
  CompiledCriterion,
  CriterionResult,
  CriterionStatus,
  CriterionValue,
  HamletFacts,
  NotAssessableReason,
} from './results.js';
import type {
  CountDefinition,
  FactDefinition,
  FactRatioDefinition,
  PercentTarget,
  RatioDefinition,
  Rounding,
} from './schema.js';
import { countGap, displayPercent, meetsCount, meetsPercent, percentGap } from './target-math.js';

/*
 * One criterion from its counters or facts. The rule for unknown answers (DOMAIN.md §3, issue 3): met when the
 * known yes answers alone meet the target; not met when the target fails even if every unknown were yes; otherwise
 * not assessable. For an 'lte' target ("at most") the roles of the two bounds swap.
 */

/**
 * Builds a result as one object literal. Object spread is avoided on purpose: on Node 20 it measured 1.5–5 µs per
 * spread, which is most of the cost of scoring a city of 1,000 hamlets.
 */
export function makeResult(
  criterion: CompiledCriterion,
  status: CriterionStatus,
  value: CriterionValue | null,
  percent: number | null,
  target: CriterionResult['target'],
  unknown: number,
  gap: number | null,
  reason?: NotAssessableReason,
): CriterionResult {
  const result: CriterionResult = {
    code: criterion.code,
    group: criterion.group,
    kind: criterion.kind,
    hidden: criterion.hidden,
    status,
    value,
    percent,
    target,
    unknown,
    gap,
    gapUnit: criterion.gapUnit,
  };
  if (reason) result.reason = reason;
  return result;
}

/** A counter missing from the values (no row of that table in the hamlet) is 0, as SQL's group-by leaves it out. */
function read(values: CounterValues, id: string): number {
  const value = values[id] ?? 0;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`counter ${id} must be a whole number >= 0, got ${value}`);
  }
  return value;
}

/** Status of a fraction whose known numerator is `yes` and which has `unknown` undecided rows. */
function decideFraction(
  yes: number,
  unknown: number,
  den: number,
  target: PercentTarget,
  rounding: Rounding,
): CriterionStatus {
  const up = target.comparator !== 'lte';
  const worst = up ? yes : yes + unknown;
  const best = up ? yes + unknown : yes;
  if (meetsPercent(worst, den, target, rounding)) return 'met';
  if (!meetsPercent(best, den, target, rounding)) return 'not_met';
  return 'not_assessable';
}

function fractionResult(
  criterion: CompiledCriterion,
  yes: number,
  unknown: number,
  den: number,
  target: PercentTarget,
  rounding: Rounding,
  zeroRule: 'not_assessable' | 'not_applicable' | undefined,
): CriterionResult {
  const value = { numerator: yes, denominator: den };
  if (den === 0) {
    const status = zeroRule ?? 'not_assessable';
    const reason = status === 'not_assessable' ? 'zero_denominator' : undefined;
    return makeResult(criterion, status, value, null, target, unknown, null, reason);
  }
  const status = decideFraction(yes, unknown, den, target, rounding);
  const percent = displayPercent(yes, den, rounding);
  const gap = percentGap(yes, den, target, rounding);
  const reason = status === 'not_assessable' ? 'unknown_answers' : undefined;
  return makeResult(criterion, status, value, percent, target, unknown, gap, reason);
}

/**
 * A ratio criterion from its three counters: value yes/den (exact integers), unknown = den − yes − no, the status by
 * the unknown-answers rule, and the gap in the criterion's unit. den = 0 is not assessable (or not applicable when the
 * set says so). Source: DOMAIN.md §3.
 */
export function evaluateRatio(
  criterion: CompiledCriterion,
  values: CounterValues,
  rounding: Rounding,
): CriterionResult {
  const refs = criterion.counters;
  if (refs?.kind !== 'ratio') throw new Error(`${criterion.code} has no ratio counters`);
  const definition = criterion.definition as RatioDefinition;
  const den = read(values, refs.den);
  const yes = read(values, refs.yes);
  const no = read(values, refs.no);
  if (yes + no > den) {
    throw new Error(`${criterion.code}: yes (${yes}) + no (${no}) exceed the denominator (${den})`);
  }
  const unknown = den - yes - no;
  return fractionResult(
    criterion,
    yes,
    unknown,
    den,
    definition.target,
    rounding,
    definition.ifZeroDenominator,
  );
}

/** A count criterion (e.g. INF-3, working wifi points >= 1): rows certainly matching, and those whose match is unknown. */
export function evaluateCount(criterion: CompiledCriterion, values: CounterValues): CriterionResult {
  const refs = criterion.counters;
  if (refs?.kind !== 'count') throw new Error(`${criterion.code} has no count counters`);
  const { target } = criterion.definition as CountDefinition;
  const count = read(values, refs.count);
  const unknown = Math.max(0, read(values, refs.possible) - count);
  const up = target.comparator !== 'lte';
  const worst = up ? count : count + unknown;
  const best = up ? count + unknown : count;
  const status: CriterionStatus = meetsCount(worst, target)
    ? 'met'
    : !meetsCount(best, target)
      ? 'not_met'
      : 'not_assessable';
  const reason = status === 'not_assessable' ? 'unknown_answers' : undefined;
  return makeResult(criterion, status, { count }, null, target, unknown, countGap(count, target), reason);
}

/**
 * A fact criterion (AWR-2 digital team, SOC-3 polls a year): missing or mistyped facts are not assessable, never
 * "no"; a fact that would meet its target but lacks required evidence is not assessable ('missing_evidence').
 */
export function evaluateFact(criterion: CompiledCriterion, facts: HamletFacts): CriterionResult {
  const definition = criterion.definition as FactDefinition;
  const { target } = definition;
  const entry = facts[definition.fact];
  const value = entry?.value ?? null;
  const isBooleanTarget = 'equals' in target;
  let result: CriterionResult;
  if (value === null || typeof value !== (isBooleanTarget ? 'boolean' : 'number')) {
    result = makeResult(criterion, 'not_assessable', { fact: value }, null, target, 0, null, 'missing_fact');
  } else {
    const meets = isBooleanTarget ? value === target.equals : meetsCount(value as number, target);
    const gap = isBooleanTarget ? null : countGap(value as number, target);
    const lacksEvidence = meets && definition.evidenceRequired === true && !(entry?.evidence ?? '').trim();
    const status = !meets ? 'not_met' : lacksEvidence ? 'not_assessable' : 'met';
    const reason = lacksEvidence ? 'missing_evidence' : undefined;
    result = makeResult(criterion, status, { fact: value }, null, target, 0, gap, reason);
  }
  result.evidence = entry?.evidence ?? null;
  return result;
}

/**
 * A ratio of two facts (SOC-2: feedback answered online / feedback received, until the feedback feature feeds it).
 * Both facts must be whole numbers >= 0; otherwise the criterion is not assessable ('missing_fact').
 */
export function evaluateFactRatio(
  criterion: CompiledCriterion,
  facts: HamletFacts,
  rounding: Rounding,
): CriterionResult {
  const definition = criterion.definition as FactRatioDefinition;
  const num = facts[definition.numeratorFact]?.value ?? null;
  const den = facts[definition.denominatorFact]?.value ?? null;
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!isCount(num) || !isCount(den)) {
    return makeResult(criterion, 'not_assessable', null, null, definition.target, 0, null, 'missing_fact');
  }
  return fractionResult(criterion, num, 0, den, definition.target, rounding, definition.ifZeroDenominator);
}
