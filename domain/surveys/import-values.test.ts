import { describe, expect, it } from 'vitest';
import { matchHeader } from './import-columns.js';
import fc from 'fast-check';
import type { CellType } from './import-columns.js';
import { EXACT, exactCell, formatCell, parseCell } from './import-values.js';

describe('parseCell', () => {
  it.each([
    ['yesNo', 'Có', true],
    ['yesNo', 'không', false],
    ['yesNo', 'x', true],
    ['yesNo', '0', false],
    ['yesNo', 'c', true],
    ['yesNo', 'K', false],
    ['yesNo', 'yes', true],
    ['yesNo', '  ', null],
    ['sex', 'Nữ', 'female'],
    ['sex', 'Nu', 'female'],
    ['sex', 'M', 'male'],
    ['sex', 'F', 'female'],
    ['residency', 'tạm trú', 'temporary'],
    ['vneid', 'Mức 2', 2],
    ['vneid', '1', 1],
    ['vneid', 'Chưa có', 0],
    ['year', '1985', 1985],
    ['year', '1985.0', 1985],
    ['date', '15/03/1980', '1980-03-15'],
    ['date', '1980-03-15', '1980-03-15'],
    ['date', '29221', '1980-01-01'],
    ['number', '11,0412', 11.0412],
    ['stars', '4', 4],
    ['businessKind', 'Hộ kinh doanh', 'household_business'],
  ] as const)('reads %s "%s" as %j', (type, raw, value) => {
    expect(parseCell(type, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['yesNo', 'có lẽ'],
    ['sex', 'gái'],
    ['residency', 'vãng lai'],
    ['vneid', 'Mức 3'],
    ['year', '85'],
    ['date', '31/02/1980'],
    ['stars', '6'],
  ] as const)('refuses %s "%s" with the accepted spellings', (type, raw) => {
    const result = parseCell(type, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected.vi.length).toBeGreaterThan(3);
  });

  it('formats values back into the spellings it reads', () => {
    for (const [type, value] of [
      ['yesNo', true],
      ['sex', 'female'],
      ['residency', 'temporary'],
      ['vneid', 2],
      ['date', '1980-03-15'],
    ] as const) {
      expect(parseCell(type, formatCell(type, value))).toEqual({ ok: true, value });
    }
  });
});

describe('matchHeader', () => {
  it('matches headers in any order, case and accents aside, and names missing and unknown ones', () => {
    const match = matchHeader('wifi-points', ['vi do', 'TÊN', 'Kinh độ', 'Ghi chú']);
    expect(match.positions).toEqual([1, 0, 2, -1, -1]);
    expect(match.missing).toEqual([]);
    expect(match.unknown).toEqual(['Ghi chú']);
    expect(matchHeader('wifi-points', ['Tên']).missing).toEqual(['Vĩ độ', 'Kinh độ']);
  });
});

describe('exactCell (the importer shortcut past parseCell)', () => {
  const agrees = (type: CellType, raw: string) => {
    const exact = exactCell(type, raw);
    if (exact === undefined) return true;
    const parsed = parseCell(type, raw);
    return parsed.ok && parsed.value === exact;
  };

  it('reads exactly the template spellings of EXACT, and nothing near them', () => {
    for (const [type, spellings] of Object.entries(EXACT) as Array<[CellType, Map<string, unknown>]>) {
      for (const [raw, value] of spellings) {
        expect(exactCell(type, raw), `${type} ${raw}`).toBe(value);
        for (const near of [
          ` ${raw}`,
          `${raw} `,
          raw.toLowerCase() === raw ? raw.toUpperCase() : raw.toLowerCase(),
        ])
          if (!spellings.has(near)) expect(exactCell(type, near), `${type} ${near}`).toBeUndefined();
      }
    }
    expect(exactCell('text', 'Có')).toBeUndefined();
  });

  it('reads every day of four years (leap and not) in dd/MM/yyyy as parseCell does, and leaves impossible ones to it', () => {
    let taken = 0;
    for (const year of [1900, 1999, 2000, 2024]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const raw = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
          expect(agrees('date', raw), raw).toBe(true);
          if (exactCell('date', raw) !== undefined) taken++;
        }
      }
    }
    // 365 + 365 + 366 + 366 real days were read by the shortcut; 30/02, 29/02/1900, 00/.. and 13th months were not.
    expect(taken).toBe(1462);
    expect(exactCell('date', '29/02/1900')).toBeUndefined();
    expect(parseCell('date', '29/02/1900').ok).toBe(false);
    expect(exactCell('date', '29/02/2000')).toBe('2000-02-29');
  });

  it('agrees with parseCell on arbitrary dates, years and near-misses', () => {
    const digits = fc.stringMatching(/^[0-9]{1,4}$/);
    const dateLike = fc
      .tuple(digits, fc.constantFrom('/', '-', '.', ' '), digits, fc.constantFrom('/', '-'), digits)
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(dateLike, (raw) => agrees('date', raw)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 6 })), (raw) => agrees('year', raw)),
      { numRuns: 5000 },
    );
    expect(exactCell('year', '0985')).toBe(985);
    expect(exactCell('year', ' 1985')).toBeUndefined();
    expect(exactCell('year', '1985.0')).toBeUndefined();
    expect(parseCell('year', '1985.0')).toEqual({ ok: true, value: 1985 });
  });
});
