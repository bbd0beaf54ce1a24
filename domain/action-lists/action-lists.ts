import type { CompiledCriterion, CompiledSet, CriterionResult } from '../criteria/results.js';
import type { Condition, Filter } from '../criteria/schema.js';
import type { Expr, Subject } from '../criteria/expr.js';
import { compareVietnamese } from '../text/fold.js';

/*
 * Action lists (issue 5 §4): for a criterion a hamlet has not met, the rows counted in its denominator but not in
 * its numerator, i.e. whom to visit. Pure parts: which compiled counters describe those rows (the SAME expressions
 * the scoring sums, so the list length equals denominator − numerator by construction), which of a row's answers
 * are missing or unknown, and the grouping by street then household used by the page, the print view and the XLSX.
 */

/** A row is "missing" when its answer is a certain no, "unknown" when it could still turn out yes. */
export type RowVerdict = 'missing' | 'unknown';

/** The SQL-agnostic row filters of one listable criterion, taken from its compiled counters. */
export interface ActionTarget {
  code: string;
  subject: Subject;
  /** Rows in the denominator (ratio), or every row (count). */
  base: Expr;
  /** Rows counted in the numerator: these are already fine and never listed. */
  counted: Expr;
  /** Rows certainly not counted ("no"); the rest of base − counted are unknown. */
  excluded: Expr;
  /** Fields whose answers explain the verdict, in the order the criterion names them. */
  fields: string[];
}

const TRUE: Expr = { op: 'true' };

/** The fields a filter reads, members' fields included (for a household, "some member has …"). */
export function filterFields(filter: Filter): string[] {
  const out: string[] = [];
  const visit = (c: Condition) => {
    if ('field' in c) out.push(c.field);
    else if ('anyOf' in c) c.anyOf.forEach(visit);
    else if ('member' in c) c.member.forEach(visit);
  };
  filter.forEach(visit);
  return [...new Set(out)];
}

/**
 * The criteria whose rows can be listed for `code`: a ratio or count itself, the listable parts of a composite
 * (SKL-2 → SKL-2a, SKL-2b), nothing for a fact (a hamlet fact has no residents behind it).
 */
export function listableParts(compiled: CompiledSet, code: string): CompiledCriterion[] {
  const byCode = new Map(compiled.criteria.map((c) => [c.code, c]));
  const out: CompiledCriterion[] = [];
  const seen = new Set<string>();
  const visit = (c: string) => {
    const criterion = byCode.get(c);
    if (!criterion || seen.has(c)) return;
    seen.add(c);
    if (criterion.counters) out.push(criterion);
    else if (criterion.definition.kind === 'anyOf' || criterion.definition.kind === 'allOf')
      criterion.definition.of.forEach(visit);
  };
  visit(code);
  return out;
}

/** The row filters of a ratio or count criterion, read from the compiled counters the scoring uses. */
export function actionTarget(compiled: CompiledSet, criterion: CompiledCriterion): ActionTarget | null {
  const refs = criterion.counters;
  if (!refs) return null;
  const when = (id: string) => {
    const counter = compiled.counters.find((c) => c.id === id);
    if (!counter) throw new Error(`counter ${id} missing from the compiled set`);
    return counter;
  };
  const definition = criterion.definition;
  if (refs.kind === 'ratio' && definition.kind === 'ratio') {
    const den = when(refs.den);
    return {
      code: criterion.code,
      subject: den.subject,
      base: den.when,
      counted: when(refs.yes).when,
      excluded: when(refs.no).when,
      fields: filterFields(definition.numerator),
    };
  }
  if (refs.kind === 'count' && definition.kind === 'count') {
    const count = when(refs.count);
    return {
      code: criterion.code,
      subject: count.subject,
      base: TRUE,
      counted: count.when,
      // Certainly not counted: not even possibly true.
      excluded: { op: 'not', arg: when(refs.possible).when },
      fields: filterFields(definition.filter),
    };
  }
  return null;
}

/** Whether a criterion result calls for a list: not met, or not assessable (unknown answers may close it). */
export function needsAction(result: CriterionResult): boolean {
  return result.status === 'not_met' || result.status === 'not_assessable';
}

/** Who and where a listed record is: what the repository reads and the list shows. */
export interface ActionRecord {
  /** The record's uid (resident, household, business or wifi point). */
  uid: string;
  householdUid: string | null;
  street: string | null;
  address: string | null;
  localCode: string | null;
  headName: string | null;
  /** Residents: the member's name; businesses and wifi points: their name. */
  name: string | null;
  birthYear: number | null;
}

/** One person, household, business or wifi point to visit. */
export interface ActionRow extends ActionRecord {
  verdict: RowVerdict;
  /** Fields answered no / not answered, among those the criterion reads. */
  missing: string[];
  unknown: string[];
  lastVisitAt: string | null;
  assignee: { userId: number; displayName: string } | null;
}

export interface HouseholdGroup {
  householdUid: string | null;
  localCode: string | null;
  headName: string | null;
  address: string | null;
  lastVisitAt: string | null;
  assignee: ActionRow['assignee'];
  rows: ActionRow[];
}

export interface StreetGroup {
  street: string | null;
  households: HouseholdGroup[];
}

type Leaf = Extract<Condition, { field: string }>;

function leafHolds(c: Leaf, value: string | number): boolean {
  if ('is' in c) return value === (c.is === 'yes' ? 1 : 0);
  const target = c.value;
  switch (c.op) {
    case 'in':
      return (Array.isArray(target) ? target : [target]).includes(value);
    case 'eq':
      return value === target;
    case 'ne':
      return value !== target;
    case 'gt':
      return value > (target as string | number);
    case 'gte':
      return value >= (target as string | number);
    case 'lt':
      return value < (target as string | number);
    case 'lte':
      return value <= (target as string | number);
  }
}

function leavesOf(filter: Filter): Leaf[] {
  const out: Leaf[] = [];
  const visit = (c: Condition) => {
    if ('field' in c) out.push(c);
    else if ('anyOf' in c) c.anyOf.forEach(visit);
    else if ('member' in c) c.member.forEach(visit);
  };
  filter.forEach(visit);
  return out;
}

/**
 * Splits a row's answers to the fields a filter reads into missing (answered, and no condition on the field
 * holds) and unknown (not answered). Fields absent from `values` are skipped: for a household whose criterion
 * reads its members, the verdict alone says why.
 */
export function classifyFields(
  values: Record<string, unknown>,
  filter: Filter,
): { missing: string[]; unknown: string[] } {
  const missing: string[] = [];
  const unknown: string[] = [];
  const leaves = leavesOf(filter);
  for (const field of filterFields(filter)) {
    if (!(field in values)) continue;
    const value = values[field];
    if (value === null || value === undefined) unknown.push(field);
    else if (typeof value === 'string' || typeof value === 'number') {
      if (!leaves.some((l) => l.field === field && leafHolds(l, value))) missing.push(field);
    }
  }
  return { missing, unknown };
}

/** The filter whose fields explain a row of the criterion: a ratio's numerator, a count's filter. */
export function explainingFilter(criterion: CompiledCriterion): Filter {
  const d = criterion.definition;
  if (d.kind === 'ratio') return d.numerator;
  if (d.kind === 'count') return d.filter;
  return [];
}

const byText = (a: string | null, b: string | null) => {
  // Rows without a street or code go last, so the printed round starts with the addressed ones.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareVietnamese(a, b);
};

/** Orders rows by street, household code and name, the order of a door-to-door round. */
export function sortActionRows(rows: ActionRow[]): ActionRow[] {
  return [...rows].sort(
    (a, b) =>
      byText(a.street, b.street) ||
      byText(a.localCode, b.localCode) ||
      byText(a.name, b.name) ||
      (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
}

/** Groups rows by street, then household (rows of businesses and wifi points form one group each). */
export function groupByStreet(rows: ActionRow[]): StreetGroup[] {
  const streets: StreetGroup[] = [];
  for (const row of sortActionRows(rows)) {
    let street = streets.at(-1);
    if (!street || street.street !== row.street) {
      street = { street: row.street, households: [] };
      streets.push(street);
    }
    let household = street.households.at(-1);
    if (!household || row.householdUid === null || household.householdUid !== row.householdUid) {
      household = {
        householdUid: row.householdUid,
        localCode: row.localCode,
        headName: row.headName,
        address: row.address,
        lastVisitAt: row.lastVisitAt,
        assignee: row.assignee,
        rows: [],
      };
      street.households.push(household);
    }
    household.rows.push(row);
  }
  return streets;
}
