import type { CriteriaSetDefinition, CriterionKind, GroupCode } from '../criteria/index.js';

export interface CatalogueCriterion {
  code: string;
  group: GroupCode;
  name: { vi: string; en: string };
  kind: CriterionKind;
  hidden: boolean;
  /** Ratios: target in percent; counts: the number to reach; facts: null (yes/no). */
  targetPercent: number | null;
  targetCount: number | null;
  comparator: 'gte' | 'gt' | 'lte' | null;
}

export interface Catalogue {
  groups: Array<{ code: GroupCode; name: { vi: string; en: string } }>;
  criteria: CatalogueCriterion[];
}

/** The enabled criteria of a set with their names and targets, in the set's order, for labelling results. */
export function criteriaCatalogue(definition: CriteriaSetDefinition): Catalogue {
  const criteria: CatalogueCriterion[] = [];
  for (const group of definition.groups) {
    for (const c of group.criteria) {
      if (!c.enabled) continue;
      const d = c.definition;
      const target = 'target' in d ? d.target : null;
      criteria.push({
        code: c.code,
        group: group.code,
        name: c.name,
        kind: d.kind,
        hidden: c.hidden ?? false,
        targetPercent: target && 'percent' in target ? target.percent : null,
        targetCount: target && 'value' in target ? target.value : null,
        comparator: target && 'comparator' in target ? target.comparator : null,
      });
    }
  }
  return { groups: definition.groups.map((g) => ({ code: g.code, name: g.name })), criteria };
}
