/*
 * The criteria engine's public surface: schema (validate a set), compile (set + date → counters), evaluate
 * (counters + facts → scorecard), roll-up (summed counters → ward and city), and the reference row counter.
 * docs/scoring.md explains the rules with a worked example.
 */
export * from './expr.js';
export * from './schema.js';
export * from './results.js';
export { compileCriteriaSet } from './compile.js';
export { evaluateHamlet, combineStatuses } from './evaluate.js';
export { sumCounters, evaluateRollup } from './rollup.js';
export { countRows, evaluateExpr, type SubjectRow } from './count-rows.js';
export { meetsPercent, percentGap, displayPercent, meetsCount, countGap } from './target-math.js';
export { BUSINESS_KINDS, RESIDENCIES, COLUMN_KINDS } from './columns.js';
export {
  SEXES,
  WORKING_AGE_PRESETS,
  ageOn,
  isWorkingAge,
  latestBirthKeyForAge,
  retirementAgeMonths,
  retirementDate,
  workingAgeBirthRange,
  type Sex,
  type WorkingAgePreset,
  type BirthKeyRange,
} from './working-age.js';
