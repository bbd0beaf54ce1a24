import type { CriteriaSetDefinition, Criterion } from '../../domain/criteria/schema.js';
import { CRITERIA_TAN_UYEN_2023 } from './criteria-tan-uyen-2023.js';

/*
 * "Khu phố chuyển đổi số 2026", version 2 of the same set, effective 1 January 2026: the programme after the July
 * 2025 reorganisation, when phường Tân Uyên also assesses boarding-house areas (khu nhà trọ) like hamlets. It is
 * written as the list of its changes to version 1 so that a reader sees exactly what changed; assessments made with
 * version 1 keep version 1's rules. The changes (a realistic example, not an official text):
 *   1. AWR-1 (outreach) and AWR-3 (hamlet digital channel) are switched on.
 *   2. SKL-3 (digital payment accounts) rises from 80% to 85%; INF-2 (smart devices) from 95% to 100%.
 *   3. Percentages are rounded to 1 decimal before comparison (79.96% shows, and counts, as 80.0%).
 *   4. ECO-1 and ECO-3 do not apply where there is nothing to count: a boarding-house area has no farm products and
 *      usually no goods to list, and should not be held "not assessable" forever for it.
 */

const changes: Record<string, (criterion: Criterion) => Criterion> = {
  'AWR-1': (c) => ({ ...c, enabled: true }),
  'AWR-3': (c) => ({ ...c, enabled: true }),
  'SKL-3': (c) => withPercent(c, 85),
  'INF-2': (c) => withPercent(c, 100),
  'ECO-1': (c) => notApplicableWhenEmpty(c),
  'ECO-3': (c) => notApplicableWhenEmpty(c),
};

function withPercent(criterion: Criterion, percent: number): Criterion {
  if (criterion.definition.kind !== 'ratio') throw new Error(`${criterion.code} is not a ratio`);
  return {
    ...criterion,
    definition: { ...criterion.definition, target: { ...criterion.definition.target, percent } },
  };
}

function notApplicableWhenEmpty(criterion: Criterion): Criterion {
  if (criterion.definition.kind !== 'ratio') throw new Error(`${criterion.code} is not a ratio`);
  return { ...criterion, definition: { ...criterion.definition, ifZeroDenominator: 'not_applicable' } };
}

export const CRITERIA_2026: CriteriaSetDefinition = {
  code: CRITERIA_TAN_UYEN_2023.code,
  name: { vi: 'Khu phố chuyển đổi số 2026', en: 'Digital neighbourhoods 2026' },
  version: 2,
  effectiveFrom: '2026-01-01',
  parameters: { ...CRITERIA_TAN_UYEN_2023.parameters, rounding: { mode: 'round', decimals: 1 } },
  groups: CRITERIA_TAN_UYEN_2023.groups.map((group) => ({
    ...group,
    criteria: group.criteria.map(
      (criterion) => changes[criterion.code]?.(structuredClone(criterion)) ?? structuredClone(criterion),
    ),
  })),
};
