import { evaluateRatio } from './evaluate-criterion.js';
import type { CounterValues } from './expr.js';
import type { AssessmentResult, CompiledSet, RollupCriterionResult, RollupResult } from './results.js';

/*
 * Ward and city roll-ups. Raw counters add up the tree (hamlet → ward → city) and ratios are computed from the sums,
 * never averaged from hamlet percentages (DOMAIN.md §3: "raw counts are stored and percentages computed when read").
 */

/** Adds counter values id by id (an id missing from a hamlet counts 0). Unit: rows, as in the inputs. */
export function sumCounters(list: CounterValues[]): CounterValues {
  const total: CounterValues = {};
  for (const values of list) {
    for (const [id, value] of Object.entries(values)) total[id] = (total[id] ?? 0) + value;
  }
  return total;
}

/**
 * The roll-up of several hamlets assessed with the same compiled set: for every criterion how many hamlets meet it,
 * fail it or cannot be assessed; for ratio criteria also the value, status and gap of the SUMMED counters
 * (`summedCounters`, normally sumCounters of the hamlets' values); and how many hamlets meet the standard — the
 * brief's goal is at least one per ward. Count and fact criteria have no meaningful sum, so only hamlet counts are
 * given for them. Source: DOMAIN.md §1 and §3; issue 3.
 */
export function evaluateRollup(
  compiled: CompiledSet,
  summedCounters: CounterValues,
  hamletResults: AssessmentResult[],
): RollupResult {
  const criteria: RollupCriterionResult[] = compiled.criteria.map((criterion, i) => {
    // Results list criteria in the compiled order; the lookup by code is only a fallback.
    const statuses = hamletResults.map(
      (h) =>
        (h.criteria[i]?.code === criterion.code
          ? h.criteria[i]
          : h.criteria.find((r) => r.code === criterion.code)
        )?.status,
    );
    const count = (status: string) => statuses.filter((s) => s === status).length;
    const result: RollupCriterionResult = {
      code: criterion.code,
      group: criterion.group,
      kind: criterion.kind,
      hidden: criterion.hidden,
      hamlets: hamletResults.length,
      hamletsMet: count('met'),
      hamletsNotMet: count('not_met'),
      hamletsNotAssessable: count('not_assessable'),
      hamletsApplicable: statuses.filter((s) => s !== undefined && s !== 'not_applicable').length,
    };
    if (criterion.kind === 'ratio')
      result.aggregate = evaluateRatio(criterion, summedCounters, compiled.parameters.rounding);
    return result;
  });
  return {
    setCode: compiled.setCode,
    version: compiled.version,
    assessmentDate: compiled.assessmentDate,
    hamlets: hamletResults.length,
    hamletsMeetingStandard: hamletResults.filter((h) => h.overall.meetsStandard).length,
    criteria,
  };
}
