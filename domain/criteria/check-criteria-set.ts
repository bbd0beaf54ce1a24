import type { z } from 'zod';
import { COLUMN_KINDS, isColumnOf, valueProblem } from './columns.js';
import { SUBJECT_COLUMNS, type Subject } from './expr.js';
import type { Condition, CriteriaSetDefinition, Criterion } from './schema.js';

/*
 * Whole-set checks of a criteria definition, run by CriteriaSetDefinitionSchema after the shape is valid. Each problem
 * is reported at the path of the offending value, with a message a city admin can act on. Source: issue 3, "Bad input".
 */

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;

/** Presets that read a resident's age (birth key), so they apply to residents, or inside `member`. */
const RESIDENT_PRESETS = new Set(['workingAge', 'adult', 'vneidEligible']);

function checkFilter(
  conditions: Condition[],
  subject: Subject,
  path: Path,
  report: Report,
  insideMember: boolean,
): void {
  conditions.forEach((condition, k) =>
    checkCondition(condition, subject, [...path, k], report, insideMember),
  );
}

function checkCondition(
  condition: Condition,
  subject: Subject,
  path: Path,
  report: Report,
  insideMember: boolean,
): void {
  if ('field' in condition) {
    if (!isColumnOf(subject, condition.field)) {
      const known = (SUBJECT_COLUMNS[subject] as readonly string[]).join(', ');
      report([...path, 'field'], `Unknown field "${condition.field}" on ${subject} (known fields: ${known})`);
      return;
    }
    if ('is' in condition) {
      if (COLUMN_KINDS[subject][condition.field].type !== 'flag') {
        report([...path, 'is'], `"${condition.field}" is not a yes/no flag: compare it with op and value`);
      }
      return;
    }
    const values = Array.isArray(condition.value) ? condition.value : [condition.value];
    if (condition.op === 'in' && !Array.isArray(condition.value)) {
      report([...path, 'value'], 'The operator "in" takes a list of values');
      return;
    }
    if (condition.op !== 'in' && Array.isArray(condition.value)) {
      report([...path, 'value'], `The operator "${condition.op}" takes one value; use "in" for a list`);
      return;
    }
    for (const value of values) {
      const problem = valueProblem(subject, condition.field, value);
      if (problem) report([...path, 'value'], problem.charAt(0).toUpperCase() + problem.slice(1));
    }
    return;
  }
  if ('preset' in condition) {
    const fits = RESIDENT_PRESETS.has(condition.preset)
      ? subject === 'residents'
      : subject === 'residents' || subject === 'households';
    if (!fits) report([...path, 'preset'], `The preset "${condition.preset}" does not apply to ${subject}`);
    return;
  }
  if ('anyOf' in condition) {
    checkFilter(condition.anyOf, subject, [...path, 'anyOf'], report, insideMember);
    return;
  }
  if (subject !== 'households' || insideMember) {
    report(
      [...path, 'member'],
      '"member" applies to households only (some member of the household satisfies the conditions)',
    );
    return;
  }
  checkFilter(condition.member, 'residents', [...path, 'member'], report, true);
}

function checkDefinition(criterion: Criterion, path: Path, report: Report): void {
  const definition = criterion.definition;
  const defPath = [...path, 'definition'];
  switch (definition.kind) {
    case 'ratio':
      checkFilter(definition.denominator, definition.subject, [...defPath, 'denominator'], report, false);
      checkFilter(definition.numerator, definition.subject, [...defPath, 'numerator'], report, false);
      return;
    case 'count':
      checkFilter(definition.filter, definition.subject, [...defPath, 'filter'], report, false);
      return;
    case 'factRatio':
      if (definition.numeratorFact === definition.denominatorFact) {
        report([...defPath, 'denominatorFact'], 'The numerator and denominator facts must differ');
      }
      return;
    default:
      return;
  }
}

interface Located {
  criterion: Criterion;
  path: Path;
}

function checkComposites(byCode: Map<string, Located>, report: Report): void {
  for (const [code, { criterion, path }] of byCode) {
    const definition = criterion.definition;
    if (definition.kind !== 'anyOf' && definition.kind !== 'allOf') continue;
    const seen = new Set<string>();
    definition.of.forEach((part, i) => {
      const partPath = [...path, 'definition', 'of', i];
      const target = byCode.get(part);
      if (seen.has(part)) report(partPath, `"${part}" is listed twice in ${code}`);
      seen.add(part);
      if (!target) report(partPath, `${code} refers to an unknown criterion "${part}"`);
      else if (criterion.enabled && !target.criterion.enabled)
        report(partPath, `${code} is enabled but its part "${part}" is not`);
    });
  }
}

/** Every cycle among composites is reported once, with its codes in order: 'A → B → A'. */
function checkCycles(byCode: Map<string, Located>, report: Report): void {
  const edges = (code: string): string[] => {
    const definition = byCode.get(code)?.criterion.definition;
    if (!definition || (definition.kind !== 'anyOf' && definition.kind !== 'allOf')) return [];
    return definition.of.filter((part) => byCode.has(part));
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (code: string): void => {
    state.set(code, 'visiting');
    stack.push(code);
    for (const next of edges(code)) {
      if (state.get(next) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...new Set(cycle)].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          report(
            [...byCode.get(next)!.path, 'definition', 'of'],
            `Composite criteria form a cycle: ${cycle.join(' → ')}`,
          );
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(code, 'done');
  };
  for (const code of byCode.keys()) if (!state.has(code)) visit(code);
}

/**
 * zod superRefine of CriteriaSetDefinitionSchema: fields known to the criterion's subject (SUBJECT_COLUMNS) with
 * values of the right kind, presets on subjects they fit, unique group and criterion codes, composites that refer to
 * existing (and, when enabled, enabled) criteria without cycles, and points on every counted criterion in points mode.
 */
export function checkCriteriaSet(set: CriteriaSetDefinition, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const byCode = new Map<string, Located>();
  const groupCodes = new Set<string>();
  set.groups.forEach((group, gi) => {
    if (groupCodes.has(group.code)) report(['groups', gi, 'code'], `The group "${group.code}" appears twice`);
    groupCodes.add(group.code);
    group.criteria.forEach((criterion, ci) => {
      const path = ['groups', gi, 'criteria', ci];
      if (byCode.has(criterion.code))
        report([...path, 'code'], `Duplicate criterion code "${criterion.code}"`);
      else byCode.set(criterion.code, { criterion, path });
      checkDefinition(criterion, path, report);
      if (
        set.parameters.pointsMode &&
        criterion.enabled &&
        !criterion.hidden &&
        criterion.points === undefined
      ) {
        report([...path, 'points'], `Points mode needs points for ${criterion.code}`);
      }
    });
  });
  checkComposites(byCode, report);
  checkCycles(byCode, report);
}
