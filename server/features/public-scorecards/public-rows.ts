import type {
  CriteriaSetDefinition,
  CriterionResult,
  RollupCriterionResult,
} from '../../../domain/criteria/index.js';
import {
  countState,
  isPercentShown,
  primaryRatioStates,
  type CellState,
  type RatioStates,
} from '../../../domain/public-scorecards/suppress.js';
import type { PublicCount, PublicCriterion } from './public-scorecards.schemas.js';

/*
 * Turns engine results into public rows. Only counts marked "shown" by the suppression rules keep their value;
 * gaps ("cần thêm 3 người"), unknown answers and fact evidence are left out, since each can give a withheld count
 * back or names a document.
 */

export interface CriterionMeta {
  code: string;
  group: string;
  name: { vi: string; en: string };
  isPart: boolean;
  /** Counts of people, households or businesses are suppressed when small; wifi points are not. */
  countsPeople: boolean;
  target: PublicCriterion['target'];
}

/** Names, groups and targets of the set's enabled criteria, by code. */
export function criteriaMeta(definition: CriteriaSetDefinition): Map<string, CriterionMeta> {
  const out = new Map<string, CriterionMeta>();
  for (const group of definition.groups) {
    for (const c of group.criteria) {
      if (!c.enabled) continue;
      const d = c.definition;
      out.set(c.code, {
        code: c.code,
        group: group.code,
        name: c.name,
        isPart: c.hidden === true,
        countsPeople: 'subject' in d ? d.subject !== 'wifiPoints' : true,
        target: 'target' in d ? d.target : null,
      });
    }
  }
  return out;
}

export function publicCount(value: number, state: CellState): PublicCount {
  return { value: state === 'shown' ? value : null, state };
}

export function ratioCounts(result: CriterionResult | undefined): { numerator: number; denominator: number } {
  const value = result?.value;
  return value && 'numerator' in value ? value : { numerator: 0, denominator: 0 };
}

function baseRow(meta: CriterionMeta): PublicCriterion {
  return {
    code: meta.code,
    group: meta.group,
    name: meta.name,
    kind: 'composite',
    isPart: meta.isPart,
    status: null,
    target: meta.target,
    numerator: null,
    denominator: null,
    percent: null,
    count: null,
    fact: null,
    hamletsMet: null,
    hamletsApplicable: null,
  };
}

function withRatio(row: PublicCriterion, result: CriterionResult, states: RatioStates): PublicCriterion {
  // A fact ratio whose facts were never entered has no counts to publish, only its status.
  if (!result.value || !('numerator' in result.value)) return row;
  const counts = result.value;
  return {
    ...row,
    numerator: publicCount(counts.numerator, states.numerator),
    denominator: publicCount(counts.denominator, states.denominator),
    percent: isPercentShown(states) ? result.percent : null,
  };
}

/**
 * A hamlet's criterion. `treeStates` are the states worked out over the whole city for ratio criteria (they take
 * the ward and city totals into account); fact ratios and counts have no totals, so their own row decides.
 */
export function hamletRow(
  meta: CriterionMeta,
  result: CriterionResult,
  treeStates: RatioStates | undefined,
): PublicCriterion {
  const row: PublicCriterion = { ...baseRow(meta), kind: result.kind, status: result.status };
  const value = result.value;
  if (result.kind === 'ratio')
    return withRatio(row, result, treeStates ?? primaryRatioStates(ratioCounts(result)));
  if (result.kind === 'factRatio') return withRatio(row, result, primaryRatioStates(ratioCounts(result)));
  if (value && 'count' in value)
    return { ...row, count: publicCount(value.count, countState(value.count, meta.countsPeople)) };
  if (value && 'fact' in value) return { ...row, fact: value.fact };
  return row;
}

/** A ward's or the city's criterion: hamlets meeting it, and for ratios the value of the summed counts. */
export function rollupRow(
  meta: CriterionMeta,
  rollup: RollupCriterionResult,
  treeStates: RatioStates | undefined,
): PublicCriterion {
  const row: PublicCriterion = {
    ...baseRow(meta),
    kind: rollup.kind,
    hamletsMet: rollup.hamletsMet,
    hamletsApplicable: rollup.hamletsApplicable,
  };
  if (!rollup.aggregate || !treeStates) return row;
  return { ...withRatio(row, rollup.aggregate, treeStates), status: rollup.aggregate.status };
}
