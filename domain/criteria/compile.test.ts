import { describe, expect, it } from 'vitest';
import { CRITERIA_2026 } from '../../seeds/reference/criteria-2026.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { compileCriteriaSet } from './compile.js';
import { countRows, type SubjectRow } from './count-rows.js';
import type { Expr } from './expr.js';

const DATE = '2025-09-15';
const compiled = compileCriteriaSet(CRITERIA_TAN_UYEN_2023, DATE);
const counter = (id: string) => compiled.counters.find((c) => c.id === id);
const refsOf = (code: string) => compiled.criteria.find((c) => c.code === code)?.counters;

describe('compileCriteriaSet', () => {
  it('gives a ratio three readable counters: denominator, yes and no', () => {
    expect(refsOf('SKL-1')).toEqual({ kind: 'ratio', den: 'SKL-1.den', yes: 'SKL-1.yes', no: 'SKL-1.no' });
    expect(counter('SKL-1.den')).toEqual({
      id: 'SKL-1.den',
      subject: 'residents',
      when: { op: 'lte', column: 'birthKey', value: '2011-09-15' },
    });
    expect(counter('SKL-1.no')?.when).toEqual({
      op: 'and',
      args: [
        { op: 'lte', column: 'birthKey', value: '2011-09-15' },
        { op: 'ne', column: 'vneidLevel', value: 2 },
      ],
    });
  });

  it('computes a counter once when two criteria count the same rows', () => {
    // SKL-2b, SKL-3 and INF-2 all divide by the working-age residents.
    expect(refsOf('SKL-3')).toMatchObject({ den: 'SKL-2b.den' });
    expect(refsOf('INF-2')).toMatchObject({ den: 'SKL-2b.den' });
    const keys = compiled.counters.map((c) => `${c.subject}:${JSON.stringify(c.when)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('expands working age into birth-key ranges per sex for the assessment date', () => {
    expect(counter('SKL-2b.den')?.when).toEqual({
      op: 'or',
      args: [
        {
          op: 'and',
          args: [
            { op: 'eq', column: 'sex', value: 'male' },
            { op: 'lte', column: 'birthKey', value: '2010-09-15' },
            { op: 'gt', column: 'birthKey', value: '1964-06-15' },
          ],
        },
        {
          op: 'and',
          args: [
            { op: 'eq', column: 'sex', value: 'female' },
            { op: 'lte', column: 'birthKey', value: '2010-09-15' },
            { op: 'gt', column: 'birthKey', value: '1969-01-15' },
          ],
        },
      ],
    });
  });

  it('drops the upper age limit under the fifteen_plus preset', () => {
    const set = {
      ...CRITERIA_TAN_UYEN_2023,
      parameters: { ...CRITERIA_TAN_UYEN_2023.parameters, workingAge: 'fifteen_plus' as const },
    };
    const den = compileCriteriaSet(set, DATE).counters.find((c) => c.id === 'SKL-2b.den')!.when;
    expect(JSON.stringify(den)).not.toContain('"gt"');
  });

  it('counts only permanent residents when temporary residents are left out', () => {
    const set = {
      ...CRITERIA_TAN_UYEN_2023,
      parameters: { ...CRITERIA_TAN_UYEN_2023.parameters, countTemporaryResidents: false },
    };
    const den = compileCriteriaSet(set, DATE).counters.find((c) => c.id === 'SKL-2a.den')!.when;
    expect(den).toEqual({ op: 'eq', column: 'residency', value: 'permanent' });
  });

  it('leaves disabled criteria out, and compiles them once a version enables them', () => {
    expect(compiled.criteria.map((c) => c.code)).not.toContain('AWR-1');
    expect(compileCriteriaSet(CRITERIA_2026, '2026-03-01').criteria.map((c) => c.code)).toContain('AWR-1');
  });

  it('lists the hamlet facts the set reads', () => {
    expect(compiled.factKeys).toEqual([
      'digitalTeam',
      'feedbackAnsweredOnline',
      'feedbackReceived',
      'onlinePollsPerYear',
    ]);
  });

  it('refuses an assessment date that is not yyyy-MM-dd', () => {
    expect(() => compileCriteriaSet(CRITERIA_TAN_UYEN_2023, '15/09/2025')).toThrow(/yyyy-MM-dd/);
  });
});

describe('household member conditions under three-valued logic', () => {
  const { yes, no } = refsOf('SKL-2a') as { yes: string; no: string };
  const households: SubjectRow[] = [1, 2, 3, 4, 5].map((id) => ({ hamletId: 1, id, residency: 'permanent' }));
  const member = (account: number | null) => ({ hamletId: 1, onlinePublicServiceAccount: account });
  const members = new Map<number, SubjectRow[]>([
    [1, [member(0), member(1)]], // yes
    [2, [member(0), member(0)]], // no: every member is known not to have one
    [3, [member(0), member(null)]], // unknown: the second member may have one
    [4, [member(null)]], // unknown
    [5, []], // no members: certainly nobody has one
  ]);
  const values = countRows(compiled.counters, { households }, members).get(1)!;

  it('counts a household as "no" only when no member could have an account', () => {
    expect([values[yes], values[no]]).toEqual([1, 2]);
  });
});

describe('countRows', () => {
  const rows: SubjectRow[] = [
    { hamletId: 1, smartDevice: 1, sex: 'male' },
    { hamletId: 1, smartDevice: 0, sex: 'female' },
    { hamletId: 2, smartDevice: null, sex: 'female' },
  ];
  const count = (when: Expr) =>
    Object.fromEntries(
      [...countRows([{ id: 'c', subject: 'residents', when }], { residents: rows }, new Map())].map(
        ([h, v]) => [h, v.c],
      ),
    );

  it('counts a row only when its condition is true, as sum(case when …) does', () => {
    expect(count({ op: 'eq', column: 'smartDevice', value: 1 })).toEqual({ 1: 1, 2: 0 });
    expect(count({ op: 'not', arg: { op: 'eq', column: 'smartDevice', value: 1 } })).toEqual({ 1: 1, 2: 0 });
    expect(count({ op: 'isNull', column: 'smartDevice' })).toEqual({ 1: 0, 2: 1 });
  });

  it('follows Kleene logic for AND and OR with unknowns', () => {
    const unknown: Expr = { op: 'eq', column: 'smartDevice', value: 1 };
    const female: Expr = { op: 'eq', column: 'sex', value: 'female' };
    expect(count({ op: 'or', args: [unknown, female] })).toEqual({ 1: 2, 2: 1 });
    expect(count({ op: 'not', arg: { op: 'and', args: [unknown, female] } })).toEqual({ 1: 2, 2: 0 });
    expect(count({ op: 'in', column: 'smartDevice', values: [] })).toEqual({ 1: 0, 2: 0 });
  });
});
