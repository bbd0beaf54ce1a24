import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_DATE,
  EXPECTED_GROUPS,
  EXPECTED_OVERALL,
  EXPECTED_SKL2A_ONLY,
  EXPECTED_SKL2B_ONLY,
  HAMLET_20_SKL2A_ONLY,
  HAMLET_20_SKL2B_ONLY,
  HAMLET_ID,
  type Hamlet20,
} from '../../test/fixtures/hamlet-20.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../seeds/reference/criteria-tan-uyen-2023.js';
import { compileCriteriaSet } from './compile.js';
import { countRows } from './count-rows.js';
import { evaluateHamlet } from './evaluate.js';

function assess(hamlet: Hamlet20) {
  const compiled = compileCriteriaSet(CRITERIA_TAN_UYEN_2023, ASSESSMENT_DATE);
  const counters = countRows(
    compiled.counters,
    {
      households: hamlet.households,
      residents: hamlet.residents,
      businesses: hamlet.businesses,
      wifiPoints: hamlet.wifiPoints,
    },
    hamlet.membersByHousehold,
  );
  return evaluateHamlet(compiled, counters.get(HAMLET_ID)!, hamlet.facts);
}

describe.each([
  ['only SKL-2a (every household has an account holder)', HAMLET_20_SKL2A_ONLY, EXPECTED_SKL2A_ONLY],
  [
    'only SKL-2b (80% of working-age residents can use an account)',
    HAMLET_20_SKL2B_ONLY,
    EXPECTED_SKL2B_ONLY,
  ],
])('the 20-resident worked example, where SKL-2 passes by %s', (_label, hamlet, expected) => {
  const result = assess(hamlet);

  it('gives every criterion the value, status, unknowns and gap worked out by hand', () => {
    const byCode = Object.fromEntries(
      result.criteria.map((r) => [
        r.code,
        {
          status: r.status,
          value: r.value,
          percent: r.percent,
          unknown: r.unknown,
          gap: r.gap,
          ...(r.reason ? { reason: r.reason } : {}),
        },
      ]),
    );
    expect(byCode).toEqual(expected);
  });

  it('tallies k of N per group and overall, and the hamlet does not meet the standard', () => {
    expect(Object.fromEntries(result.groups.map(({ code, ...tally }) => [code, tally]))).toEqual(
      EXPECTED_GROUPS,
    );
    expect(result.overall).toEqual(EXPECTED_OVERALL);
  });
});

describe('the worked example with temporary residents left out', () => {
  it('drops the two boarding households and their five residents from every denominator', () => {
    const set = {
      ...CRITERIA_TAN_UYEN_2023,
      parameters: { ...CRITERIA_TAN_UYEN_2023.parameters, countTemporaryResidents: false },
    };
    const compiled = compileCriteriaSet(set, ASSESSMENT_DATE);
    const hamlet = HAMLET_20_SKL2B_ONLY;
    const counters = countRows(
      compiled.counters,
      { households: hamlet.households, residents: hamlet.residents },
      hamlet.membersByHousehold,
    );
    const result = evaluateHamlet(compiled, counters.get(HAMLET_ID)!, hamlet.facts);
    const value = (code: string) => result.criteria.find((r) => r.code === code)?.value;
    // Households 3 and 6 and residents 8, 9, 18, 19, 20 are temporary (tạm trú).
    expect(value('SKL-2a')).toEqual({ numerator: 4, denominator: 4 });
    expect(value('SKL-1')).toEqual({ numerator: 11, denominator: 13 });
    expect(value('SKL-3')).toEqual({ numerator: 8, denominator: 10 });
  });
});
