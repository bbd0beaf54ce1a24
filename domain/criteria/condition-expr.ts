import type { AnyColumn, Expr } from './expr.js';
import type { CriteriaParameters, Filter, Condition } from './schema.js';
import { latestBirthKeyForAge, workingAgeBirthRange, type Sex } from './working-age.js';

/*
 * From filter conditions to the expressions the server sums in SQL. Each condition becomes a small predicate tree,
 * and each tree is projected three ways under SQL's three-valued logic:
 *   isTrue     rows where the condition is certainly true (unknown counts as not true);
 *   isFalse    rows where it is certainly false (unknown counts as not false);
 *   isPossible rows where it is true or unknown.
 * `member` needs the third: SQL's EXISTS is two-valued, so "no member has the flag" is only certain when no member
 * possibly has it. Without this, a household whose members' flags are all unknown would count as "no", and
 * DOMAIN.md §3 says unknown is never counted as no.
 */

type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

export type Predicate =
  | { kind: 'true' }
  | { kind: 'cmp'; column: AnyColumn; op: Comparison; value: string | number }
  | { kind: 'in'; column: AnyColumn; values: Array<string | number> }
  | { kind: 'and' | 'or'; args: Predicate[] }
  | { kind: 'member'; where: Predicate };

/** What presets need to know: the set's parameters and the assessment date (ISO). */
export interface PresetContext {
  parameters: CriteriaParameters;
  assessmentDate: string;
}

const TRUE: Expr = { op: 'true' };
const FALSE: Expr = { op: 'not', arg: TRUE };
const isTrueExpr = (e: Expr) => e.op === 'true';
const isFalseExpr = (e: Expr) => e.op === 'not' && e.arg.op === 'true';

const NEGATED: Record<Comparison, Comparison> = {
  eq: 'ne',
  ne: 'eq',
  gt: 'lte',
  lte: 'gt',
  gte: 'lt',
  lt: 'gte',
};

/** AND of expressions, flattened, without TRUE terms; FALSE if any term is FALSE. */
export function allOf(args: Expr[]): Expr {
  const flat = args.flatMap((a) => (a.op === 'and' ? a.args : [a])).filter((a) => !isTrueExpr(a));
  if (flat.some(isFalseExpr)) return FALSE;
  if (flat.length === 0) return TRUE;
  return flat.length === 1 ? flat[0] : { op: 'and', args: flat };
}

/** OR of expressions, flattened, without FALSE terms; TRUE if any term is TRUE. */
export function anyOf(args: Expr[]): Expr {
  const flat = args.flatMap((a) => (a.op === 'or' ? a.args : [a])).filter((a) => !isFalseExpr(a));
  if (flat.some(isTrueExpr)) return TRUE;
  if (flat.length === 0) return FALSE;
  return flat.length === 1 ? flat[0] : { op: 'or', args: flat };
}

function cmp(column: AnyColumn, op: Comparison, value: string | number): Predicate {
  return { kind: 'cmp', column, op, value };
}

function presetPredicate(preset: Condition & { preset: string }, ctx: PresetContext): Predicate {
  const { parameters, assessmentDate } = ctx;
  switch (preset.preset) {
    case 'workingAge':
      return {
        kind: 'or',
        args: (['male', 'female'] as Sex[]).map((sex): Predicate => {
          const range = workingAgeBirthRange(assessmentDate, sex, parameters.workingAge);
          const args = [cmp('sex', 'eq', sex), cmp('birthKey', 'lte', range.bornOnOrBefore)];
          if (range.bornAfter !== null) args.push(cmp('birthKey', 'gt', range.bornAfter));
          return { kind: 'and', args };
        }),
      };
    case 'adult':
      return cmp('birthKey', 'lte', latestBirthKeyForAge(assessmentDate, parameters.adultAge));
    case 'vneidEligible':
      return cmp('birthKey', 'lte', latestBirthKeyForAge(assessmentDate, parameters.vneidMinAge));
    case 'countedResidency':
      return parameters.countTemporaryResidents ? { kind: 'true' } : cmp('residency', 'eq', 'permanent');
    default:
      throw new Error(`unknown preset ${preset.preset}`);
  }
}

function conditionPredicate(condition: Condition, ctx: PresetContext): Predicate {
  if ('field' in condition) {
    const column = condition.field as AnyColumn;
    if ('is' in condition) return cmp(column, 'eq', condition.is === 'yes' ? 1 : 0);
    if (condition.op === 'in') {
      const values = Array.isArray(condition.value) ? condition.value : [condition.value];
      return { kind: 'in', column, values };
    }
    return cmp(column, condition.op, condition.value as string | number);
  }
  if ('preset' in condition) return presetPredicate(condition, ctx);
  if ('anyOf' in condition) {
    return { kind: 'or', args: condition.anyOf.map((c) => conditionPredicate(c, ctx)) };
  }
  return { kind: 'member', where: filterPredicate(condition.member, ctx) };
}

/** A filter (conditions ANDed) as a predicate tree, with presets expanded for the parameters and date. */
export function filterPredicate(filter: Filter, ctx: PresetContext): Predicate {
  return { kind: 'and', args: filter.map((c) => conditionPredicate(c, ctx)) };
}

function leafExpr(p: Predicate & { kind: 'cmp' | 'in' }): Expr {
  return p.kind === 'in'
    ? { op: 'in', column: p.column, values: p.values }
    : { op: p.op, column: p.column, value: p.value };
}

/** Rows where the predicate is certainly true. */
export function isTrue(p: Predicate): Expr {
  switch (p.kind) {
    case 'true':
      return TRUE;
    case 'cmp':
    case 'in':
      return leafExpr(p);
    case 'and':
      return allOf(p.args.map(isTrue));
    case 'or':
      return anyOf(p.args.map(isTrue));
    case 'member':
      return { op: 'existsMember', where: isTrue(p.where) };
  }
}

/** Rows where the predicate is certainly false: a NULL column makes a comparison unknown, so it is left out. */
export function isFalse(p: Predicate): Expr {
  switch (p.kind) {
    case 'true':
      return FALSE;
    case 'cmp':
      return { op: NEGATED[p.op], column: p.column, value: p.value };
    case 'in':
      return { op: 'not', arg: leafExpr(p) };
    case 'and':
      return anyOf(p.args.map(isFalse));
    case 'or':
      return allOf(p.args.map(isFalse));
    case 'member':
      return { op: 'not', arg: { op: 'existsMember', where: isPossible(p.where) } };
  }
}

/** Rows where the predicate is true or unknown. Two-valued (never NULL), so it is safe under NOT and EXISTS. */
export function isPossible(p: Predicate): Expr {
  switch (p.kind) {
    case 'true':
      return TRUE;
    case 'cmp':
    case 'in':
      return anyOf([{ op: 'isNull', column: p.column }, leafExpr(p)]);
    case 'and':
      return allOf(p.args.map(isPossible));
    case 'or':
      return anyOf(p.args.map(isPossible));
    case 'member':
      return { op: 'existsMember', where: isPossible(p.where) };
  }
}
