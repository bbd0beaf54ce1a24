import type { CounterValues } from './expr.js';
import type { CompiledCriterion, CriterionResult, CriterionStatus, HamletFacts } from './results.js';
import type { CountDefinition, FactDefinition, FactRatioDefinition, PercentTarget, RatioDefinition, Rounding } from './schema.js';
import { countGap, displayPercent, meetsCount, meetsPercent, percentGap } from './target-math.js';

/*
 * One criterion from its counters or facts. The rule for unknown answers (DOMAIN.md §3, issue 3): met when the
 * known yes answers alone meet the target; not met when the target fails even if every unknown were yes; otherwise
 * not assessable. For an 'lte' target ("at most") the roles of the two bounds swap.
 */

type Base = Pick<CriterionResult, 'code' | 'group' | 'kind' | 'hidden' | 'gapUnit'>;

function base(criterion: CompiledCriterion): Base {
  const { code, group, kind, hidden, gapUnit } = criterion;
  return { code, group, kind, hidden, gapUnit };
}

/** A counter missing from the values (no row of that table in the hamlet) is 0, as SQL's group-by leaves it out. */
function read(values: CounterValues, id: string): number {
  const value = values[id] ?? 0;
  if (!Number.isInteger(value) || value < 0) throw new Error(`counter ${id} must be a whole number >= 0, got ${value}`);
  return value;
}

/** Status of a fraction whose known numerator is `yes` and which has `unknown` undecided rows. */
function decideFraction(yes: number, unknown: number, den: number, target: PercentTarget, rounding: Rounding): CriterionStatus {
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
    return { ...base(criterion), status, value, percent: null, target, unknown, gap: null, ...(status === 'not_assessable' ? { reason: 'zero_denominator' as const } : {}) };
  }
  const status = decideFraction(yes, unknown, den, target, rounding);
  return {
    ...base(criterion),
    status,
    value,
    percent: displayPercent(yes, den, rounding),
    target,
    unknown,
    gap: percentGap(yes, den, target, rounding),
    ...(status === 'not_assessable' ? { reason: 'unknown_answers' as const } : {}),
  };
}

/**
 * A ratio criterion from its three counters: value yes/den (exact integers), unknown = den − yes − no, the status by
 * the unknown-answers rule, and the gap in the criterion's unit. den = 0 is not assessable (or not applicable when the
 * set says so). Source: DOMAIN.md §3.
 */
export function evaluateRatio(criterion: CompiledCriterion, values: CounterValues, rounding: Rounding): CriterionResult {
  const refs = criterion.counters;
  if (refs?.kind !== 'ratio') throw new Error(`${criterion.code} has no ratio counters`);
  const definition = criterion.definition as RatioDefinition;
  const den = read(values, refs.den);
  const yes = read(values, refs.yes);
  const no = read(values, refs.no);
  if (yes + no > den) throw new Error(`${criterion.code}: yes (${yes}) + no (${no}) exceed the denominator (${den})`);
  return fractionResult(criterion, yes, den - yes - no, den, definition.target, rounding, definition.ifZeroDenominator);
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
  const status: CriterionStatus = meetsCount(worst, target) ? 'met' : !meetsCount(best, target) ? 'not_met' : 'not_assessable';
  return {
    ...base(criterion),
    status,
    value: { count },
    percent: null,
    target,
    unknown,
    gap: countGap(count, target),
    ...(status === 'not_assessable' ? { reason: 'unknown_answers' as const } : {}),
  };
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
  const evidence = entry?.evidence ?? null;
  const common = { ...base(criterion), value: { fact: value }, percent: null, target, unknown: 0, evidence };
  const wanted = 'equals' in target ? 'boolean' : 'number';
  if (value === null || typeof value !== wanted) {
    return { ...common, status: 'not_assessable', gap: null, reason: 'missing_fact' };
  }
  const meets = 'equals' in target ? value === target.equals : meetsCount(value as number, target);
  const gap = 'equals' in target ? null : countGap(value as number, target);
  if (!meets) return { ...common, status: 'not_met', gap };
  if (definition.evidenceRequired && !(evidence ?? '').trim()) {
    return { ...common, status: 'not_assessable', gap, reason: 'missing_evidence' };
  }
  return { ...common, status: 'met', gap };
}

/**
 * A ratio of two facts (SOC-2: feedback answered online / feedback received, until the feedback feature feeds it).
 * Both facts must be whole numbers >= 0; otherwise the criterion is not assessable ('missing_fact').
 */
export function evaluateFactRatio(criterion: CompiledCriterion, facts: HamletFacts, rounding: Rounding): CriterionResult {
  const definition = criterion.definition as FactRatioDefinition;
  const num = facts[definition.numeratorFact]?.value ?? null;
  const den = facts[definition.denominatorFact]?.value ?? null;
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!isCount(num) || !isCount(den)) {
    return { ...base(criterion), status: 'not_assessable', value: null, percent: null, target: definition.target, unknown: 0, gap: null, reason: 'missing_fact' };
  }
  return fractionResult(criterion, num, 0, den, definition.target, rounding, definition.ifZeroDenominator);
}
