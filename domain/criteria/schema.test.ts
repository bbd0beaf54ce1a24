import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CRITERIA_2026 } from '../../seeds/reference/criteria-2026.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { COLUMN_KINDS } from './columns.js';
import { SUBJECT_COLUMNS } from './expr.js';
import { CriteriaSetDefinitionSchema, validateCriteriaSet, type Criterion } from './schema.js';

const ratio = (
  code: string,
  definition: Partial<Criterion['definition']> = {},
  extra: Partial<Criterion> = {},
): unknown => ({
  code,
  name: { vi: code, en: code },
  source: 'A',
  enabled: true,
  definition: {
    kind: 'ratio',
    subject: 'residents',
    denominator: [{ preset: 'workingAge' }],
    numerator: [{ field: 'digitalPaymentAccount', is: 'yes' }],
    target: { comparator: 'gte', percent: 80 },
    unit: 'people',
    ...definition,
  },
  ...extra,
});
const composite = (code: string, kind: 'anyOf' | 'allOf', of: string[]): unknown => ({
  code,
  name: { vi: code, en: code },
  source: 'A',
  enabled: true,
  definition: { kind, of },
});
const setWith = (criteria: unknown[], parameters: unknown = undefined) => ({
  code: 'test',
  name: { vi: 'Thử', en: 'Test' },
  version: 1,
  effectiveFrom: '2025-01-01',
  ...(parameters === undefined ? {} : { parameters }),
  groups: [{ code: 'skills', name: { vi: 'Kỹ năng', en: 'Skills' }, criteria }],
});

function issuesOf(input: unknown) {
  const result = validateCriteriaSet(input);
  if (result.ok) throw new Error('expected the set to be rejected');
  return result.issues;
}

describe('the shipped criteria sets', () => {
  it.each([
    ['Tân Uyên 2023–2025', CRITERIA_TAN_UYEN_2023],
    ['Khu phố chuyển đổi số 2026', CRITERIA_2026],
  ])('%s is valid and already spells out every default', (_name, set) => {
    const result = validateCriteriaSet(set);
    expect(result.ok && result.value).toEqual(set);
  });

  it('enables every brief (A) row and no extra (E) row in 2023–2025', () => {
    const criteria = CRITERIA_TAN_UYEN_2023.groups.flatMap((g) => g.criteria);
    expect(criteria.filter((c) => c.source === 'A').every((c) => c.enabled)).toBe(true);
    expect(criteria.filter((c) => c.source === 'E').map((c) => [c.code, c.enabled])).toEqual([
      ['AWR-1', false],
      ['AWR-3', false],
      ['SKL-4', false],
      ['INF-4', false],
      ['SOC-4', false],
    ]);
  });

  it('makes 2026 a new version of the same set that leaves version 1 untouched', () => {
    expect(CRITERIA_2026.code).toBe(CRITERIA_TAN_UYEN_2023.code);
    expect(CRITERIA_2026.version).toBe(2);
    const target = (set: typeof CRITERIA_2026, code: string) => {
      const definition = set.groups.flatMap((g) => g.criteria).find((c) => c.code === code)!.definition;
      return definition.kind === 'ratio' ? definition.target.percent : null;
    };
    expect(target(CRITERIA_2026, 'SKL-3')).toBe(85);
    expect(target(CRITERIA_TAN_UYEN_2023, 'SKL-3')).toBe(80);
  });
});

describe('validateCriteriaSet', () => {
  it('applies the DOMAIN.md defaults when parameters are left out', () => {
    const result = validateCriteriaSet(setWith([ratio('SKL-3')]));
    expect(result.ok && result.value.parameters).toEqual({
      workingAge: 'labour_code_2019',
      vneidMinAge: 14,
      adultAge: 18,
      countTemporaryResidents: true,
      rounding: { mode: 'none' },
      pointsMode: false,
      pilotLimit: 2,
    });
  });

  it('rejects an unknown field, pointing at it and naming the field and the subject', () => {
    const issues = issuesOf(setWith([ratio('SKL-3', { numerator: [{ field: 'bankAccount', is: 'yes' }] })]));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['groups', 0, 'criteria', 0, 'definition', 'numerator', 0, 'field']);
    expect(issues[0].message).toMatch(/Unknown field "bankAccount" on residents/);
  });

  it('checks fields inside anyOf and member against the right table', () => {
    const issues = issuesOf(
      setWith([
        ratio('INF-1', {
          subject: 'households',
          unit: 'households',
          denominator: [],
          numerator: [
            {
              anyOf: [
                { field: 'fixedBroadband', is: 'yes' },
                { member: [{ field: 'fixedBroadband', is: 'yes' }] },
              ],
            },
          ],
        }),
      ]),
    );
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'groups.0.criteria.0.definition.numerator.0.anyOf.1.member.0.field',
    ]);
  });

  it('rejects an unknown operator', () => {
    const issues = issuesOf(
      setWith([ratio('SKL-3', { numerator: [{ field: 'vneidLevel', op: 'like', value: 2 }] as never })]),
    );
    expect(issues[0].path).toEqual(['groups', 0, 'criteria', 0, 'definition', 'numerator', 0]);
    expect(issues[0].message).toMatch(/op: .*"eq"\|"ne"/);
  });

  it('rejects a target of 150%', () => {
    const issues = issuesOf(setWith([ratio('SKL-3', { target: { comparator: 'gte', percent: 150 } })]));
    expect(issues).toEqual([
      {
        path: ['groups', 0, 'criteria', 0, 'definition', 'target', 'percent'],
        message: 'A percentage target must be between 0 and 100',
      },
    ]);
  });

  it('rejects a cycle among composites and lists it', () => {
    const issues = issuesOf(
      setWith([
        composite('CYC-A', 'anyOf', ['CYC-B', 'SKL-3']),
        composite('CYC-B', 'allOf', ['CYC-A']),
        ratio('SKL-3'),
      ]),
    );
    expect(issues.map((i) => i.message)).toEqual(['Composite criteria form a cycle: CYC-A → CYC-B → CYC-A']);
  });

  it('rejects a composite that refers to an unknown or a disabled criterion', () => {
    const issues = issuesOf(
      setWith([
        composite('SKL-2', 'anyOf', ['SKL-2a', 'SKL-9']),
        ratio('SKL-2a', {}, { enabled: false, hidden: true }),
      ]),
    );
    expect(issues).toEqual([
      {
        path: ['groups', 0, 'criteria', 0, 'definition', 'of', 0],
        message: 'SKL-2 is enabled but its part "SKL-2a" is not',
      },
      {
        path: ['groups', 0, 'criteria', 0, 'definition', 'of', 1],
        message: 'SKL-2 refers to an unknown criterion "SKL-9"',
      },
    ]);
  });

  it('rejects duplicate criterion codes', () => {
    expect(issuesOf(setWith([ratio('SKL-3'), ratio('SKL-3')])).map((i) => i.message)).toEqual([
      'Duplicate criterion code "SKL-3"',
    ]);
  });

  it.each([
    [
      'a working-age preset on households',
      { subject: 'households', denominator: [{ preset: 'workingAge' }], numerator: [] },
      'denominator.0.preset',
    ],
    [
      'member on residents',
      { numerator: [{ member: [{ field: 'smartDevice', is: 'yes' }] }] },
      'numerator.0.member',
    ],
    ['is on a column that is not a flag', { numerator: [{ field: 'sex', is: 'yes' }] }, 'numerator.0.is'],
    [
      'a misspelt business kind',
      { subject: 'businesses', denominator: [{ field: 'kind', op: 'eq', value: 'shopp' }], numerator: [] },
      'denominator.0.value',
    ],
    [
      '"in" with a single value',
      { numerator: [{ field: 'vneidLevel', op: 'in', value: 2 }] },
      'numerator.0.value',
    ],
    [
      'a flag compared with 2',
      { numerator: [{ field: 'smartDevice', op: 'eq', value: 2 }] },
      'numerator.0.value',
    ],
  ])('rejects %s', (_label, definition, path) => {
    const issues = issuesOf(setWith([ratio('X-1', definition as Partial<Criterion['definition']>)]));
    expect(issues.map((i) => i.path.slice(5).join('.'))).toEqual([path]);
  });

  it('rejects unknown keys anywhere in the definition', () => {
    const issues = issuesOf(setWith([ratio('SKL-3', {}, { weight: 3 } as never)]));
    expect(issues[0].path).toEqual(['groups', 0, 'criteria', 0]);
  });

  it('asks for points on every counted criterion in points mode', () => {
    const issues = issuesOf(
      setWith([ratio('SKL-3'), ratio('SKL-4', {}, { points: 5 })], { pointsMode: true }),
    );
    expect(issues).toEqual([
      { path: ['groups', 0, 'criteria', 0, 'points'], message: 'Points mode needs points for SKL-3' },
    ]);
  });
});

describe('the schema as an API contract', () => {
  it('describes every column SUBJECT_COLUMNS lists, and no other', () => {
    for (const [subject, columns] of Object.entries(SUBJECT_COLUMNS)) {
      expect(Object.keys(COLUMN_KINDS[subject as keyof typeof COLUMN_KINDS]).sort()).toEqual(
        [...columns].sort(),
      );
    }
  });

  it('converts to JSON Schema for OpenAPI, recursive conditions included', () => {
    for (const io of ['input', 'output'] as const) {
      const schema = JSON.stringify(z.toJSONSchema(CriteriaSetDefinitionSchema, { io }));
      expect(schema).toContain('"member"');
    }
  });
});
