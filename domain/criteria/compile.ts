import { isIsoDate } from '../admin-units/dates.js';
import { allOf, filterPredicate, isFalse, isPossible, isTrue, type PresetContext } from './condition-expr.js';
import type { Counter, Expr, Subject } from './expr.js';
import type { CompiledCriterion, CompiledSet, CounterRefs, GapUnit } from './results.js';
import type { CriteriaSetDefinition, Criterion } from './schema.js';

/*
 * Compiles a criteria set, for one assessment date, into the counters the server computes in one aggregate pass
 * per table. Ages are fixed at compile time (the date turns presets into birth-key ranges), so the SQL has no date
 * arithmetic and behaves the same on SQLite and PostgreSQL.
 */

const COUNT_UNITS: Record<Subject, GapUnit> = {
  residents: 'people',
  households: 'households',
  businesses: 'businesses',
  wifiPoints: 'wifi_points',
};

/** Counters keyed by what they count, so two criteria counting the same rows share one counter. */
class CounterRegistry {
  readonly counters: Counter[] = [];
  private readonly byKey = new Map<string, string>();

  add(id: string, subject: Subject, when: Expr): string {
    const key = `${subject}:${JSON.stringify(when)}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    this.byKey.set(key, id);
    this.counters.push({ id, subject, when });
    return id;
  }
}

function compileCounters(
  criterion: Criterion,
  ctx: PresetContext,
  registry: CounterRegistry,
): CounterRefs | null {
  const { code, definition } = criterion;
  if (definition.kind === 'ratio') {
    const den = isTrue(filterPredicate(definition.denominator, ctx));
    const numerator = filterPredicate(definition.numerator, ctx);
    return {
      kind: 'ratio',
      den: registry.add(`${code}.den`, definition.subject, den),
      yes: registry.add(`${code}.yes`, definition.subject, allOf([den, isTrue(numerator)])),
      no: registry.add(`${code}.no`, definition.subject, allOf([den, isFalse(numerator)])),
    };
  }
  if (definition.kind === 'count') {
    const filter = filterPredicate(definition.filter, ctx);
    return {
      kind: 'count',
      count: registry.add(`${code}.count`, definition.subject, isTrue(filter)),
      possible: registry.add(`${code}.possible`, definition.subject, isPossible(filter)),
    };
  }
  return null;
}

function gapUnitOf(criterion: Criterion): GapUnit | null {
  const definition = criterion.definition;
  switch (definition.kind) {
    case 'ratio':
      return definition.unit;
    case 'count':
      return COUNT_UNITS[definition.subject];
    case 'factRatio':
      return 'items';
    case 'fact':
      return 'equals' in definition.target ? null : 'items';
    default:
      return null;
  }
}

/**
 * The counters and facts a criteria set needs on `assessmentDate` (ISO), and how each enabled criterion reads them.
 * A ratio gives three counters, '<code>.den' (denominator true), '<code>.yes' (denominator and numerator true) and
 * '<code>.no' (denominator true, numerator false); unknown = den − yes − no, never counted as no. A count gives
 * '<code>.count' (filter true) and '<code>.possible' (true or unknown). Identical counters are computed once, under
 * the id of the first criterion that needs them. Disabled criteria are left out. Source: DOMAIN.md §3; issue 3.
 */
export function compileCriteriaSet(set: CriteriaSetDefinition, assessmentDate: string): CompiledSet {
  if (!isIsoDate(assessmentDate))
    throw new Error(`assessment date must be yyyy-MM-dd, got ${assessmentDate}`);
  const ctx: PresetContext = { parameters: set.parameters, assessmentDate };
  const registry = new CounterRegistry();
  const factKeys = new Set<string>();
  const criteria: CompiledCriterion[] = [];
  for (const group of set.groups) {
    for (const criterion of group.criteria) {
      if (!criterion.enabled) continue;
      const definition = criterion.definition;
      if (definition.kind === 'fact') factKeys.add(definition.fact);
      if (definition.kind === 'factRatio') {
        factKeys.add(definition.numeratorFact);
        factKeys.add(definition.denominatorFact);
      }
      criteria.push({
        code: criterion.code,
        group: group.code,
        kind: definition.kind,
        hidden: criterion.hidden ?? false,
        points: criterion.points ?? 0,
        definition,
        counters: compileCounters(criterion, ctx, registry),
        gapUnit: gapUnitOf(criterion),
      });
    }
  }
  return {
    setCode: set.code,
    version: set.version,
    assessmentDate,
    parameters: set.parameters,
    groups: set.groups.map((g) => g.code),
    counters: registry.counters,
    factKeys: [...factKeys],
    criteria,
  };
}
