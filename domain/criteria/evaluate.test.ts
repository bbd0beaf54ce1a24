import { describe, expect, it } from 'vitest';
import { compileCriteriaSet } from './compile.js';
import { combineStatuses, evaluateHamlet } from './evaluate.js';
import type { CriterionStatus, HamletFacts } from './results.js';
import { evaluateRollup, sumCounters } from './rollup.js';
import { CriteriaSetDefinitionSchema, type CriteriaSetDefinitionInput, type Criterion } from './schema.js';

const DATE = '2025-09-15';

function criterion(
  code: string,
  definition: Criterion['definition'],
  extra: Partial<Criterion> = {},
): Criterion {
  return { code, name: { vi: code, en: code }, source: 'A', enabled: true, definition, ...extra };
}
const payment = (code: string, percent = 80, extra: Partial<Criterion['definition']> = {}) =>
  criterion(code, {
    kind: 'ratio',
    subject: 'residents',
    denominator: [{ preset: 'workingAge' }],
    numerator: [{ field: 'digitalPaymentAccount', is: 'yes' }],
    target: { comparator: 'gte', percent },
    unit: 'people',
    ...extra,
  } as Criterion['definition']);

function compile(criteria: Criterion[], parameters: CriteriaSetDefinitionInput['parameters'] = {}) {
  const set = CriteriaSetDefinitionSchema.parse({
    code: 'test',
    name: { vi: 'Thử', en: 'Test' },
    version: 1,
    effectiveFrom: '2025-01-01',
    parameters,
    groups: [{ code: 'skills', name: { vi: 'Kỹ năng', en: 'Skills' }, criteria }],
  });
  return compileCriteriaSet(set, DATE);
}

/** Counter values for criterion `code` of a ratio: den, yes, no. */
const ratioCounters = (code: string, den: number, yes: number, no: number) => ({
  [`${code}.den`]: den,
  [`${code}.yes`]: yes,
  [`${code}.no`]: no,
});

describe('combineStatuses', () => {
  it.each<['anyOf' | 'allOf', CriterionStatus[], CriterionStatus]>([
    ['anyOf', ['met', 'not_met'], 'met'],
    ['anyOf', ['not_assessable', 'met'], 'met'],
    ['anyOf', ['not_met', 'not_met'], 'not_met'],
    ['anyOf', ['not_met', 'not_assessable'], 'not_assessable'],
    ['anyOf', ['not_applicable', 'not_met'], 'not_met'],
    ['anyOf', ['not_applicable', 'not_applicable'], 'not_applicable'],
    ['allOf', ['met', 'met'], 'met'],
    ['allOf', ['met', 'not_met'], 'not_met'],
    ['allOf', ['not_assessable', 'not_met'], 'not_met'],
    ['allOf', ['met', 'not_assessable'], 'not_assessable'],
    ['allOf', ['met', 'not_applicable'], 'met'],
  ])('%s of %o is %s', (kind, parts, expected) => {
    expect(combineStatuses(kind, parts)).toBe(expected);
  });
});

describe('evaluateHamlet: ratios and unknown answers', () => {
  const compiled = compile([payment('SKL-3')]);
  const evaluate = (den: number, yes: number, no: number) =>
    evaluateHamlet(compiled, ratioCounters('SKL-3', den, yes, no), {}).criteria[0];

  it('meets the target on known yes answers alone, whatever the unknowns are', () => {
    expect(evaluate(10, 8, 0)).toMatchObject({
      status: 'met',
      unknown: 2,
      gap: 0,
      value: { numerator: 8, denominator: 10 },
    });
  });

  it('is not assessable when the unknowns could still decide it, and says how many there are', () => {
    expect(evaluate(10, 5, 2)).toMatchObject({
      status: 'not_assessable',
      reason: 'unknown_answers',
      unknown: 3,
      gap: 3,
    });
  });

  it('is not met when it fails even if every unknown were yes', () => {
    expect(evaluate(10, 4, 3)).toMatchObject({ status: 'not_met', unknown: 3, gap: 4 });
  });

  it('is not assessable with a zero denominator, never met or not met', () => {
    expect(evaluate(0, 0, 0)).toMatchObject({
      status: 'not_assessable',
      reason: 'zero_denominator',
      gap: null,
      percent: null,
    });
  });

  it('reads a missing counter as 0 and refuses counters that do not add up', () => {
    expect(evaluateHamlet(compiled, {}, {}).criteria[0]).toMatchObject({
      status: 'not_assessable',
      reason: 'zero_denominator',
    });
    expect(() => evaluate(5, 4, 3)).toThrow(/exceed the denominator/);
  });

  it('leaves a criterion out of k of N when the set says an empty denominator means "not applicable"', () => {
    const farmProducts = {
      subject: 'businesses',
      unit: 'products',
      denominator: [{ field: 'isFarmProduct', is: 'yes' }],
      numerator: [{ field: 'traceability', is: 'yes' }],
      ifZeroDenominator: 'not_applicable',
    } as const;
    const optIn = compile([payment('ECO-3', 100, farmProducts), payment('SKL-3')]);
    const result = evaluateHamlet(optIn, ratioCounters('SKL-3', 10, 9, 1), {});
    expect(result.criteria.map((r) => r.status)).toEqual(['not_applicable', 'met']);
    expect(result.overall).toMatchObject({ met: 1, applicable: 1, meetsStandard: true });
  });

  it('decides "at most" targets with the unknowns counted against it', () => {
    const atMost = compile([payment('LTE-1', 10, { target: { comparator: 'lte', percent: 10 } })]);
    const status = (yes: number, no: number) =>
      evaluateHamlet(atMost, ratioCounters('LTE-1', 10, yes, no), {}).criteria[0].status;
    expect(status(1, 9)).toBe('met');
    expect(status(1, 8)).toBe('not_assessable');
    expect(status(2, 8)).toBe('not_met');
  });
});

describe('evaluateHamlet: composites', () => {
  const compiled = compile(
    [
      criterion('SKL-2', { kind: 'anyOf', of: ['SKL-2a', 'SKL-2b'] }),
      payment('SKL-2a', 100, {
        subject: 'households',
        unit: 'households',
        denominator: [],
        numerator: [{ member: [{ field: 'onlinePublicServiceAccount', is: 'yes' }] }],
      }),
      payment('SKL-2b', 80, { numerator: [{ field: 'onlinePublicServiceAccount', is: 'yes' }] }),
    ].map((c, i) => (i === 0 ? c : { ...c, hidden: true })),
  );
  const statusOf = (a: [number, number, number], b: [number, number, number]) => {
    const result = evaluateHamlet(
      compiled,
      { ...ratioCounters('SKL-2a', ...a), ...ratioCounters('SKL-2b', ...b) },
      {},
    );
    return { skl2: result.criteria[0].status, overall: result.overall };
  };

  it('meets SKL-2 through either branch', () => {
    expect(statusOf([6, 6, 0], [10, 5, 5]).skl2).toBe('met');
    expect(statusOf([6, 5, 1], [10, 8, 2]).skl2).toBe('met');
  });

  it('fails SKL-2 only when both branches fail', () => {
    expect(statusOf([6, 5, 1], [10, 7, 3]).skl2).toBe('not_met');
    expect(statusOf([6, 5, 0], [10, 7, 3]).skl2).toBe('not_assessable');
  });

  it('counts the composite once and its hidden parts not at all', () => {
    expect(statusOf([6, 6, 0], [10, 5, 5]).overall).toEqual({
      met: 1,
      notMet: 0,
      notAssessable: 0,
      applicable: 1,
      meetsStandard: true,
    });
  });
});

describe('evaluateHamlet: facts', () => {
  const compiled = compile([
    criterion('AWR-2', {
      kind: 'fact',
      fact: 'digitalTeam',
      target: { equals: true },
      evidenceRequired: true,
    }),
    criterion('SOC-3', { kind: 'fact', fact: 'onlinePollsPerYear', target: { comparator: 'gte', value: 2 } }),
    criterion('SOC-2', {
      kind: 'factRatio',
      numeratorFact: 'answered',
      denominatorFact: 'received',
      target: { comparator: 'gte', percent: 90 },
    }),
  ]);
  const evaluate = (facts: HamletFacts) =>
    Object.fromEntries(evaluateHamlet(compiled, {}, facts).criteria.map((r) => [r.code, r]));

  it('lists the facts the set reads', () => {
    expect(compiled.factKeys).toEqual(['digitalTeam', 'onlinePollsPerYear', 'answered', 'received']);
  });

  it('treats a missing fact as not assessable, never as not met', () => {
    const r = evaluate({});
    expect([r['AWR-2'].reason, r['SOC-3'].reason, r['SOC-2'].reason]).toEqual([
      'missing_fact',
      'missing_fact',
      'missing_fact',
    ]);
  });

  it('holds a "yes" without its required evidence as not assessable', () => {
    expect(evaluate({ digitalTeam: { value: true, evidence: ' ' } })['AWR-2']).toMatchObject({
      status: 'not_assessable',
      reason: 'missing_evidence',
    });
    expect(evaluate({ digitalTeam: { value: true, evidence: 'QĐ 12/QĐ-UBND' } })['AWR-2']).toMatchObject({
      status: 'met',
      evidence: 'QĐ 12/QĐ-UBND',
    });
    expect(evaluate({ digitalTeam: { value: false } })['AWR-2'].status).toBe('not_met');
  });

  it('compares numeric facts and gives the gap', () => {
    expect(evaluate({ onlinePollsPerYear: { value: 1 } })['SOC-3']).toMatchObject({
      status: 'not_met',
      gap: 1,
      gapUnit: 'items',
    });
    expect(evaluate({ onlinePollsPerYear: { value: true } })['SOC-3'].reason).toBe('missing_fact');
  });

  it('computes a ratio of two facts exactly, with a zero denominator not assessable', () => {
    expect(evaluate({ answered: { value: 9 }, received: { value: 10 } })['SOC-2']).toMatchObject({
      status: 'met',
      percent: 90,
    });
    expect(evaluate({ answered: { value: 0 }, received: { value: 0 } })['SOC-2'].reason).toBe(
      'zero_denominator',
    );
  });
});

describe('evaluateHamlet: counts', () => {
  const compiled = compile([
    criterion('INF-3', {
      kind: 'count',
      subject: 'wifiPoints',
      filter: [{ field: 'isWorking', is: 'yes' }],
      target: { comparator: 'gte', value: 1 },
    }),
  ]);
  const evaluate = (count: number, possible: number) =>
    evaluateHamlet(compiled, { 'INF-3.count': count, 'INF-3.possible': possible }, {}).criteria[0];

  it('is not met only when no point could be working', () => {
    expect(evaluate(0, 0)).toMatchObject({ status: 'not_met', gap: 1, gapUnit: 'wifi_points' });
    expect(evaluate(0, 1)).toMatchObject({ status: 'not_assessable', unknown: 1 });
    expect(evaluate(1, 2)).toMatchObject({ status: 'met', unknown: 1, gap: 0 });
  });
});

describe('evaluateHamlet: points mode', () => {
  it('gives ratios partial credit, other criteria all or nothing, and sums them', () => {
    const compiled = compile(
      [
        payment('SKL-3', 80, {}),
        criterion('SOC-3', { kind: 'fact', fact: 'polls', target: { comparator: 'gte', value: 1 } }),
      ].map((c, i) => ({
        ...c,
        points: i === 0 ? 10 : 5,
      })),
      { pointsMode: true },
    );
    const result = evaluateHamlet(compiled, ratioCounters('SKL-3', 10, 6, 4), { polls: { value: 0 } });
    // 60% of an 80% target earns 6/8 of 10 points; the poll fact is not met.
    expect(result.criteria.map((r) => [r.points, r.maxPoints])).toEqual([
      [7.5, 10],
      [0, 5],
    ]);
    expect(result.overall).toMatchObject({ points: 7.5, maxPoints: 15, met: 0 });
    expect(result.groups[0]).toMatchObject({ points: 7.5, maxPoints: 15 });
  });
});

describe('evaluateRollup', () => {
  const compiled = compile([
    payment('SKL-3'),
    criterion('INF-3', {
      kind: 'count',
      subject: 'wifiPoints',
      filter: [{ field: 'isWorking', is: 'yes' }],
      target: { comparator: 'gte', value: 1 },
    }),
  ]);
  const hamlets = [
    { ...ratioCounters('SKL-3', 10, 8, 2), 'INF-3.count': 0, 'INF-3.possible': 0 },
    { ...ratioCounters('SKL-3', 2, 1, 1), 'INF-3.count': 2, 'INF-3.possible': 2 },
  ];
  const results = hamlets.map((h) => evaluateHamlet(compiled, h, {}));
  const rollup = evaluateRollup(compiled, sumCounters(hamlets), results);

  it('computes ratios from summed counters, not by averaging hamlet percentages', () => {
    // 8/10 and 1/2 sum to 9/12 = 75%; the average of 80% and 50% would be 65%.
    expect(rollup.criteria[0].aggregate).toMatchObject({
      value: { numerator: 9, denominator: 12 },
      percent: 75,
      status: 'not_met',
      gap: 1,
    });
    expect(rollup.criteria[0]).toMatchObject({
      hamlets: 2,
      hamletsMet: 1,
      hamletsNotMet: 1,
      hamletsApplicable: 2,
    });
  });

  it('reports count criteria as how many hamlets meet them, and how many hamlets meet the standard', () => {
    expect(rollup.criteria[1]).toMatchObject({ hamletsMet: 1, hamletsNotMet: 1 });
    expect(rollup.criteria[1].aggregate).toBeUndefined();
    expect(rollup.hamletsMeetingStandard).toBe(0);
  });
});
