import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './calendar.js';
import {
  ageOn,
  isWorkingAge,
  latestBirthKeyForAge,
  retirementAgeMonths,
  retirementDate,
  workingAgeBirthRange,
  type Sex,
} from './working-age.js';

describe('retirementAgeMonths', () => {
  it.each<[Sex, number, number]>([
    ['male', 2020, 60 * 12],
    ['male', 2021, 60 * 12 + 3],
    ['male', 2025, 61 * 12 + 3],
    ['male', 2027, 61 * 12 + 9],
    ['male', 2028, 62 * 12],
    ['male', 2040, 62 * 12],
    ['female', 2020, 55 * 12],
    ['female', 2021, 55 * 12 + 4],
    ['female', 2025, 56 * 12 + 8],
    ['female', 2034, 59 * 12 + 8],
    ['female', 2035, 60 * 12],
    ['female', 2040, 60 * 12],
  ])(
    'follows the Labour Code 2019 roadmap: a %s reaching it in %i retires at %i months',
    (sex, year, months) => {
      expect(retirementAgeMonths(sex, year)).toBe(months);
    },
  );
});

describe('retirementDate', () => {
  it.each<[Sex, string, string]>([
    ['male', '1960-06-01', '2020-06-01'], // 60 under the 2012 code
    ['male', '1961-01-01', '2021-04-01'], // 60y3m (Decree 135/2020 Annex I, first row)
    ['male', '1961-10-01', '2022-04-01'], // 60y3m would fall in 2022, where the age is 60y6m
    ['male', '1966-01-01', '2027-10-01'], // 61y9m
    ['male', '1966-04-01', '2028-04-01'], // 62, the end of the roadmap
    ['male', '1964-06-15', '2025-09-15'],
    ['male', '1964-02-29', '2025-05-29'],
    ['female', '1966-01-01', '2021-05-01'], // 55y4m
    ['female', '1966-09-01', '2022-05-01'], // 55y8m
    ['female', '1966-10-31', '2022-06-30'], // 55y8m ends on the last day of June
    ['female', '1969-01-15', '2025-09-15'], // 56y8m
    ['female', '1975-01-01', '2034-09-01'], // 59y8m
    ['female', '1975-05-01', '2035-05-01'], // 60, the end of the roadmap
  ])('gives a %s born %s the retirement date %s', (sex, birthKey, expected) => {
    expect(retirementDate(birthKey, sex)).toBe(expected);
  });

  it('never moves earlier for a later birth date (checked day by day, 1955 to 1980)', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      let previous = '';
      for (let day = toDayNumber('1955-01-01'); day <= toDayNumber('1980-12-31'); day += 1) {
        const date = retirementDate(fromDayNumber(day), sex);
        expect(date >= previous).toBe(true);
        previous = date;
      }
    }
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-09-15', '2025-09-15', 15],
    ['2010-09-16', '2025-09-15', 14],
    ['2000-02-29', '2025-02-28', 25],
    ['2000-02-29', '2025-02-27', 24],
    ['2000-02-29', '2024-02-28', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['1995-01-01', '2025-01-01', 30],
    ['1995-01-01', '2025-12-31', 30],
    ['1995-01-01', '2024-12-31', 29],
  ])('counts someone born %s as aged %i on %s in completed years', (birthKey, date, age) => {
    expect(ageOn(birthKey, date)).toBe(age);
  });

  it('makes a birth-year-only key (yyyy-01-01) as old as the assessment year minus the birth year', () => {
    expect(ageOn('2011-01-01', '2025-01-01')).toBe(14);
    expect(ageOn('2011-01-01', '2025-12-31')).toBe(14);
  });
});

describe('latestBirthKeyForAge', () => {
  it.each([
    ['2025-09-15', 14, '2011-09-15'],
    ['2025-09-15', 18, '2007-09-15'],
    ['2027-02-28', 15, '2012-02-29'], // born 29/02/2012: 15 on 28/02/2027
    ['2028-02-29', 15, '2013-02-28'],
  ])('on %s, people aged %i or more were born on or before %s', (date, years, expected) => {
    expect(latestBirthKeyForAge(date, years)).toBe(expected);
  });
});

describe('workingAgeBirthRange', () => {
  it.each<[string, Sex, string | null, string]>([
    ['2021-01-01', 'male', '1960-12-31', '2006-01-01'],
    ['2021-01-01', 'female', '1965-12-31', '2006-01-01'],
    ['2025-09-15', 'male', '1964-06-15', '2010-09-15'],
    ['2025-09-15', 'female', '1969-01-15', '2010-09-15'],
    ['2028-01-01', 'male', '1966-03-31', '2013-01-01'],
    ['2035-06-30', 'female', '1975-06-30', '2020-06-30'],
  ])(
    'on %s a %s is of working age when born after %s and on or before %s',
    (date, sex, bornAfter, bornOnOrBefore) => {
      expect(workingAgeBirthRange(date, sex, 'labour_code_2019')).toEqual({ bornAfter, bornOnOrBefore });
    },
  );

  it('has no upper limit under the fifteen_plus preset', () => {
    expect(workingAgeBirthRange('2025-09-15', 'female', 'fifteen_plus')).toEqual({
      bornAfter: null,
      bornOnOrBefore: '2010-09-15',
    });
  });

  it('counts a resident turning 15 on the assessment date as working age', () => {
    expect(isWorkingAge('2010-09-15', 'male', '2025-09-15', 'labour_code_2019')).toBe(true);
    expect(isWorkingAge('2010-09-16', 'male', '2025-09-15', 'labour_code_2019')).toBe(false);
  });

  it('does not count a woman who reaches retirement age exactly on the assessment date', () => {
    expect(isWorkingAge('1969-01-15', 'female', '2025-09-15', 'labour_code_2019')).toBe(false);
    expect(isWorkingAge('1969-01-16', 'female', '2025-09-15', 'labour_code_2019')).toBe(true);
    expect(isWorkingAge('1969-01-15', 'female', '2025-09-15', 'fifteen_plus')).toBe(true);
  });

  it('agrees with the person-by-person rule for any date and birth date', () => {
    const day = (from: string, to: string) =>
      fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
    fc.assert(
      fc.property(
        day('2015-01-01', '2040-12-31'),
        fc.integer({ min: 0, max: 80 * 366 }),
        fc.constantFrom<Sex>('male', 'female'),
        (date, daysOld, sex) => {
          const birthKey = fromDayNumber(toDayNumber(date) - daysOld);
          const range = workingAgeBirthRange(date, sex, 'labour_code_2019');
          const inRange =
            birthKey <= range.bornOnOrBefore && (range.bornAfter === null || birthKey > range.bornAfter);
          expect(inRange).toBe(isWorkingAge(birthKey, sex, date, 'labour_code_2019'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
